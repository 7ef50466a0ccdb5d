import FaultlineKnowledge
import FaultlineModel
import FaultlineText
import Foundation

/// Everything extraction needs, loaded once and shared across threads.
public struct ExtractionModels: Sendable {
    public let pipeline: LanguagePipeline
    public let knowledge: KnowledgeBase
    public let gazetteer: Gazetteer
    public let codebook: Codebook
    public let lexicon: EventLexicon
    public let agents: AgentLexicon

    public init(
        pipeline: LanguagePipeline, knowledge: KnowledgeBase, gazetteer: Gazetteer, codebook: Codebook, lexicon: EventLexicon,
        agents: AgentLexicon
    ) {
        self.pipeline = pipeline
        self.knowledge = knowledge
        self.gazetteer = gazetteer
        self.codebook = codebook
        self.lexicon = lexicon
        self.agents = agents
    }

    /// The models, knowledge base, gazetteer and lexicons shipped in the package.
    public static func shipped(extraActorFolders: [URL] = []) throws -> ExtractionModels {
        ExtractionModels(
            pipeline: try LanguagePipeline.shipped(), knowledge: try KnowledgeBase.load(extraFolders: extraActorFolders),
            gazetteer: try Gazetteer.load(), codebook: try Codebook.load(), lexicon: try EventLexicon.load(),
            agents: try AgentLexicon.load())
    }
}

/// From a document's text to its sentences, actor mentions, events (coded, dated, placed, with
/// status and attribution) and claims, every one with its sentence and character span.
///
/// ```swift
/// let extractor = DocumentExtractor(models: try .shipped())
/// let found = extractor.extract(text: text, published: published)
/// for e in found.events { print(e.code, e.source?.code ?? "-", e.target?.code ?? "-", e.status) }
/// ```
public struct DocumentExtractor: Sendable {
    public let models: ExtractionModels

    public init(models: ExtractionModels) {
        self.models = models
    }

    /// The language layer's analysis, with headline lines re-tagged (see ``HeadlineRepair``):
    /// the trees extraction reads.
    public func annotate(_ text: String) -> AnnotatedText {
        var annotated = models.pipeline.annotate(text)
        HeadlineRepair.repair(&annotated, source: Array(text.unicodeScalars), pipeline: models.pipeline, lexicon: models.lexicon)
        return annotated
    }

    public func extract(text: String, published: PublicationDate?) -> DocumentExtraction {
        let scalars = Array(text.unicodeScalars)
        let annotated = annotate(text)
        let found = TimeAndQuantities(
            tokens: annotated.words.map(\.token), text: text, published: published, sentences: annotated.sentences)
        let anchor = found.anchor.map { CalendarDay(year: $0.date.year, month: $0.date.month, day: max(1, $0.date.day)) }
        let day = anchor ?? Self.today()
        var actors = DocumentActors(text: text, annotated: annotated, kb: models.knowledge, agents: models.agents, day: day, gazetteer: models.gazetteer)
        let graphs = annotated.sentences.indices.map { SentenceGraph(annotated, sentence: $0) }
        let coder = EventCoder(lexicon: models.lexicon)
        let places = placesByEntity(annotated, text: text, actors: actors)
        actors.towns = places.filter { !$0.capital && $0.place.kind != .country && $0.place.kind != .continent }
            .map { ($0.entity.words.lowerBound, $0.place.country) }
        let sentenceOf = sentenceIndex(annotated)

        let timexesBySentence = Dictionary(grouping: found.timexes.filter { $0.sentence != nil }, by: { $0.sentence! })
        let placesBySentence = Dictionary(grouping: places, by: { $0.entity.sentence })
        var events: [ExtractedEvent] = []
        var context: ListContext? = nil
        for g in graphs {
            let sentence = annotated.sentences[g.index]
            let firstScalar = sentence.start < scalars.count ? scalars[sentence.start] : " "
            let isItem = ListContext.isItem(firstScalar, breaksBefore: annotated.words[sentence.tokens.lowerBound].token.breaksBefore)
            if !isItem { context = nil }
            let codedEvents = coder.code(g, actors: actors)
            let lastScalar = sentence.end > sentence.start ? scalars[sentence.end - 1] : " "
            guard !codedEvents.isEmpty || (!isItem && lastScalar == ":") else { continue }
            // Only sentences with events (or that open a list) pay for their text and cues.
            let sentenceText = String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end]))
            let extra = parentheticalTail(g.index, annotated, scalars)
            let sentenceCue = codedEvents.isEmpty ? nil : StatusCues.sentenceCue(sentenceText, extra: extra)
            let sentenceDates = timexesBySentence[g.index] ?? []
            var seen: Set<String> = []
            for var coded in codedEvents {
                // A reported promise on a condition is a threat; a stated intention is its own
                // event: "will support" expresses intent to cooperate.
                let act = coded.code
                let threat = StatusCues.isConditionalThreat(g, trigger: coded.trigger)
                if threat { coded.code = StatusCues.threatCode(coded.code) }
                let intent = StatusCues.isIntent(g, trigger: coded.trigger) && StatusCues.intentCode(coded.code) != nil
                if intent, let code = StatusCues.intentCode(coded.code) { coded.code = code }
                var decision = StatusCues.decide(g, trigger: coded.trigger, intent: intent, threat: threat)
                var attribution = decision.attribution.map { a in
                    Attribution(
                        text: String(String.UnicodeScalarView(scalars[a.start..<a.end])), start: a.start, end: a.end,
                        actor: actors.actors(g, a.head, allowOrigin: false).first)
                }
                if let a = attribution, a.actor == nil { attribution = antecedent(a, g, graphs: graphs, actors: actors) }
                if intent || threat, let aux = StatusCues.intentAuxiliary(g, trigger: coded.trigger), let a = attribution,
                    StatusCues.isForecast(
                        speaker: a.actor, speakerWord: decision.attribution.map { g.lemma($0.head) } ?? "",
                        parties: coded.code.hasPrefix("13") ? coded.sources : coded.sources + coded.targets)
                {
                    // Someone else's forecast: the act itself, as unreal as its future.
                    coded.code = act
                    if StatusCues.rank(.hypothetical) > StatusCues.rank(decision.status) {
                        decision.status = .hypothetical
                        decision.cue = g.form(aux)
                    }
                }
                if attribution == nil, isItem, let inherited = context?.attribution {
                    attribution = inherited
                    if decision.status == .asserted {
                        decision.status = .reported
                        decision.cue = context?.cue
                    }
                }
                if let (status, cue) = sentenceCue, StatusCues.rank(status) > StatusCues.rank(decision.status) {
                    decision.status = status
                    decision.cue = cue
                }
                if decision.status == .asserted, let (status, cue) = StatusCues.hedgeWord(g) {
                    decision.status = status
                    decision.cue = cue
                }
                let date = eventDate(coded, g, sentenceDates, context: isItem ? context?.date : nil, anchor: found.anchor)
                let (place, governed) = eventPlace(coded, g, places: placesBySentence[g.index] ?? [], scalars: scalars)
                // A place acted on is the target for any act ("visited Brest"); a place the act
                // happened in only for force and coercion ("shelled positions near Kabul"), not
                // for talks or signing ("signed a trade agreement in Beijing").
                let aimedAt = governed == .actedOn || (governed == .located && Self.forceRoots.contains(String(coded.code.prefix(2))))
                if coded.targets.isEmpty, !coded.sources.isEmpty, aimedAt, let place, let country = models.knowledge.country(iso2: place.country),
                    !coded.sources.contains(where: { $0.start <= place.start && place.end <= $0.end })
                {
                    // "reimposed blockades in the West Bank", "shelled positions near Kabul": the
                    // place the act was aimed at stands for its country, marked as inferred.
                    coded.targets = [
                        EventActor(
                            code: country.cameo, actor: country.id, name: country.name, text: place.text, start: place.start, end: place.end,
                            inferred: true)
                    ]
                }
                let entry = models.codebook.cameo(coded.code) ?? models.codebook.cameo(String(coded.code.prefix(3)))
                let first = coded.words.first!, last = coded.words.last!
                let triggerText = String(String.UnicodeScalarView(scalars[annotated.words[first].token.start..<annotated.words[last].token.end]))
                let sources: [EventActor?] = coded.sources.isEmpty ? [nil] : Array(coded.sources.prefix(4))
                let targets: [EventActor?] = coded.targets.isEmpty ? [nil] : Array(coded.targets.prefix(4))
                for s in sources {
                    for t in targets {
                        let key = "\(coded.code)|\(s?.code ?? "")|\(t?.code ?? "")|\(s?.start ?? -1)|\(t?.start ?? -1)"
                        guard seen.insert(key).inserted else { continue }
                        events.append(
                            ExtractedEvent(
                                sentence: g.index, start: annotated.words[first].token.start, end: annotated.words[last].token.end,
                                trigger: triggerText, code: coded.code, root: String(coded.code.prefix(2)), plover: entry?.plover?.event,
                                goldstein: entry?.goldstein ?? 0, quad: entry?.quadClass ?? 0, source: s, target: t, date: date,
                                place: place, status: decision.status, cue: decision.cue, attributedTo: attribution))
                    }
                }
            }
            if !isItem, sentenceText.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(":") {
                context = ListContext.make(g, sentenceDates: sentenceDates, anchor: found.anchor, actors: actors, scalars: scalars)
            }
        }
        let claims = ClaimFinder(kb: models.knowledge, day: day).claims(annotated, scalars: scalars, graphs: graphs, actors: actors)
        let mentions = actors.mentions.map { m in
            ExtractedMention(
                sentence: sentenceOf(m.words.lowerBound), start: m.mention.start, end: m.mention.end, text: m.mention.text,
                actor: m.resolved.actor.id, kind: m.resolved.actor.kind, code: m.resolved.code)
        }
        return DocumentExtraction(
            sentences: annotated.sentences.map { SentenceSpan(start: $0.start, end: $0.end) }, mentions: mentions, events: events,
            claims: claims, timeAndQuantities: found)
    }

    static func today() -> CalendarDay {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDay(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    private func sentenceIndex(_ annotated: AnnotatedText) -> (Int) -> Int {
        var of = Array(repeating: 0, count: annotated.words.count)
        for (i, s) in annotated.sentences.enumerated() { for w in s.tokens { of[w] = i } }
        return { w in w < of.count ? of[w] : 0 }
    }

    /// The text that closes a parenthesis this sentence opens, when the splitter cut it off
    /// ("…to the war zone (information is not confirmed by official sources. — Approx.").
    private func parentheticalTail(_ index: Int, _ annotated: AnnotatedText, _ scalars: [Unicode.Scalar]) -> String {
        let s = annotated.sentences[index]
        let own = scalars[s.start..<s.end]
        let opens = own.filter { $0 == "(" }.count, closes = own.filter { $0 == ")" }.count
        if opens > closes, index + 1 < annotated.sentences.count {
            let next = annotated.sentences[index + 1]
            let tail = scalars[next.start..<next.end]
            let end = tail.firstIndex(of: ")") ?? tail.endIndex
            return String(String.UnicodeScalarView(tail[tail.startIndex..<end]))
        }
        // The parenthesis began in the previous sentence and closes here.
        return ""
    }

    // MARK: - Pronouns

    /// An attribution by a pronoun stands for what was named before it: "he" or "she" for the
    /// last person named ("…, Nixey said. He warned that …"), "it" or "this" for the subject of
    /// the sentence before ("The news tells us a couple of things. First, it suggests …").
    /// Otherwise the attribution stays as the text gives it.
    private func antecedent(_ a: Attribution, _ g: SentenceGraph, graphs: [SentenceGraph], actors: DocumentActors) -> Attribution {
        switch a.text.lowercased() {
        case "he", "she":
            guard let m = actors.mentions.last(where: { $0.resolved.actor.kind == .person && $0.mention.end <= a.start }) else { return a }
            var resolved = a
            resolved.actor = EventActor(
                code: m.resolved.code, actor: m.resolved.actor.id, name: m.resolved.actor.name, text: a.text, start: a.start, end: a.end,
                inferred: true)
            return resolved
        case "it", "this":
            guard g.index > 0 else { return a }
            let before = graphs[g.index - 1]
            guard let root = before.root, let subject = before.child(root, "nsubj"),
                !["it", "this", "that", "he", "she", "they", "we", "i", "you"].contains(before.lower(subject))
            else { return a }
            let words = before.subtree(subject).filter { before.deprel($0) != "punct" }
            guard let first = words.first, let last = words.last else { return a }
            let span = before.span(first, last)
            return Attribution(
                text: actors.slice(span.start, span.end), start: span.start, end: span.end,
                actor: actors.actors(before, subject, allowOrigin: false).first)
        default:
            return a
        }
    }

    // MARK: - Places

    typealias LocatedPlace = (entity: AnnotatedText.Entity, place: Place, capital: Bool)

    /// The recogniser's locations that the gazetteer resolves, leaving out those the knowledge
    /// base knows as someone or something other than a country ("Bolton" is a town, but in
    /// "welcoming Bolton to Minsk" the adviser); `capital` marks a capital the knowledge base
    /// reads as its country ("Moscow said").
    private func placesByEntity(_ annotated: AnnotatedText, text: String, actors: DocumentActors) -> [LocatedPlace] {
        let others = actors.mentions.filter { $0.resolved.actor.kind != .country }.map { ($0.mention.start, $0.mention.end) }
        let capitals = actors.mentions.filter { $0.resolved.form == .capital }.map { ($0.mention.start, $0.mention.end) }
        let locations = annotated.entities.filter { e in
            (e.type == "LOC" || e.type == "GPE") && !Self.overlaps(others, e.start, e.end)
        }
        guard !locations.isEmpty else { return [] }
        let resolved = models.gazetteer.resolve(locations.map { Toponym(start: $0.start, end: $0.end, name: $0.text) }, in: text)
        return zip(locations, resolved).compactMap { e, p in p.map { (e, $0, Self.overlaps(capitals, e.start, e.end)) } }
    }

    /// Whether any of `spans` shares a scalar with `start..<end`.
    private static func overlaps(_ spans: [(Int, Int)], _ start: Int, _ end: Int) -> Bool {
        spans.contains { $0.0 < end && start < $0.1 }
    }

    private func eventPlace(
        _ coded: EventCoder.Coded, _ g: SentenceGraph, places: [LocatedPlace], scalars: [Unicode.Scalar]
    ) -> (EventPlace?, governed: PlaceRole) {
        let actorSpans = (coded.sources + coded.targets).map { ($0.start, $0.end) }
        let candidates = places.filter { p in
            p.entity.sentence == g.index && !Self.overlaps(actorSpans, p.entity.start, p.entity.end)
        }
        guard !candidates.isEmpty else { return (nil, .none) }
        // A place the trigger governs through "in", "at", "near"… wins; else a town or region
        // named in the sentence; a bare country name, or a capital standing for its country
        // ("blackmail Moscow"), is an actor more often than a place, and a continent ungoverned
        // is a frame ("the last dictatorship of Europe"), not where it happened.
        let subtree = Set(g.subtree(coded.trigger))
        func make(_ c: LocatedPlace) -> EventPlace {
            EventPlace(
                id: c.place.id, name: c.place.name, country: c.place.country, latitude: c.place.latitude, longitude: c.place.longitude,
                // Sliced from the document, so the text is exactly its span (an entity's text
                // joins its words with spaces: "US ’ regional").
                text: String(String.UnicodeScalarView(scalars[c.entity.start..<c.entity.end])), start: c.entity.start, end: c.entity.end)
        }
        for c in candidates {
            var head = c.entity.words.first(where: { g.head($0).map { !c.entity.words.contains($0) } ?? true }) ?? c.entity.words.lowerBound
            // "in the Bryansk region": the name modifies the noun that has the preposition.
            if g.deprel(head) == "compound", let n = g.head(head), g.upos(n) == "NOUN" { head = n }
            if subtree.contains(head), let p = g.preposition(head), ["in", "at", "near", "over", "along", "outside", "inside", "around"].contains(p) {
                return (make(c), .located)
            }
            // The place acted on: "attacked Kharkiv", "Donetsk was shelled".
            if g.head(head) == coded.trigger, g.preposition(head) == nil, ["obj", "nsubj:pass"].contains(g.deprel(head)) {
                return (make(c), .actedOn)
            }
        }
        if let town = candidates.first(where: { !$0.capital && $0.place.kind != .country && $0.place.kind != .continent }) {
            return (make(town), .none)
        }
        return (nil, .none)
    }

    /// How the trigger holds the place it happened at: not at all, by "in", "near" …, or as
    /// what it acts on.
    enum PlaceRole { case none, located, actedOn }

    /// Force, coercion and blockades: an act "in" or "near" a place is aimed at its country.
    static let forceRoots: Set<String> = ["15", "17", "18", "19", "20"]

    // MARK: - Dates

    private func eventDate(
        _ coded: EventCoder.Coded, _ g: SentenceGraph, _ timexes: [Timex], context: EventDate?, anchor: TimeAnchor?
    ) -> EventDate? {
        let trigger = g.text.words[coded.trigger].token.start
        let ranked = timexes.compactMap { t in Self.date(t, anchor: anchor).map { (abs(t.start - trigger), $0, t) } }
        if let (_, best, t) = ranked.min(by: { $0.0 < $1.0 }) {
            // "Since 2014, Russia has supplied …": from that date up to the document's.
            let before = g.words.last { g.text.words[$0].token.end <= t.start }
            if let before, ["since", "from"].contains(g.lower(before)), let anchor, !best.first.isEmpty {
                let until = CalendarDay(year: anchor.date.year, month: anchor.date.month, day: max(1, anchor.date.day)).description
                if until > best.first {
                    return EventDate(value: "\(best.first)/\(until)", first: best.first, last: until, source: best.source, text: g.form(before) + " " + (best.text ?? ""))
                }
            }
            return best
        }
        if let context { return EventDate(value: context.value, first: context.first, last: context.last, source: .context, text: context.text) }
        guard let anchor else { return nil }
        let day = CalendarDay(year: anchor.date.year, month: anchor.date.month, day: max(1, anchor.date.day))
        switch anchor.precision {
        case .day: return EventDate(value: day.description, first: day.description, last: day.description, source: .document, text: nil)
        case .month:
            let value = String(day.description.prefix(7))
            return Self.range(value).map { EventDate(value: value, first: $0.0, last: $0.1, source: .document, text: nil) }
        case .year:
            let value = String(day.description.prefix(4))
            return Self.range(value).map { EventDate(value: value, first: $0.0, last: $0.1, source: .document, text: nil) }
        }
    }

    /// An event date from a time expression: a day, month or year, a range, or a span back
    /// from the anchor ("over the past few days").
    static func date(_ t: Timex, anchor: TimeAnchor?) -> EventDate? {
        if t.type == .date, let (first, last) = range(t.value) {
            return EventDate(value: t.value, first: first, last: last, source: .sentence, text: t.text)
        }
        let lower = t.text.lowercased()
        if t.type == .duration || t.value == "PAST_REF",
            lower.contains("past") || lower.contains("last") || lower.contains("recent"), let anchor
        {
            let end = CalendarDay(year: anchor.date.year, month: anchor.date.month, day: max(1, anchor.date.day))
            let days = backDays(t.value)
            let first = end.adding(days: -days), last = end.adding(days: -1)
            return EventDate(value: "\(first)/\(last)", first: first.description, last: last.description, source: .sentence, text: t.text)
        }
        return nil
    }

    /// How far back a duration reaches: P3D three days, PXD "a few days" a week, PXW a month…
    static func backDays(_ value: String) -> Int {
        let unit = value.last ?? "D"
        let number = Int(value.dropFirst().dropLast()) ?? 0
        let per: Int =
            switch unit {
            case "W": 7
            case "M": 30
            case "Y": 365
            default: 1
            }
        if number > 0 { return number * per }
        switch unit {
        case "W": return 28
        case "M": return 90
        case "Y": return 730
        default: return 7
        }
    }

    /// The first and last day of `2024-05-24`, `2024-05`, `2024`, or `A/B`.
    static func range(_ value: String) -> (String, String)? {
        if let slash = value.firstIndex(of: "/") {
            guard let a = range(String(value[..<slash])), let b = range(String(value[value.index(after: slash)...])) else { return nil }
            return (a.0, b.1)
        }
        let parts = value.split(separator: "-")
        guard let year = Int(parts.first ?? ""), parts[0].count == 4 else { return nil }
        switch parts.count {
        case 1:
            return ("\(parts[0])-01-01", "\(parts[0])-12-31")
        case 2:
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            let last = CalendarDay.daysIn(month: month, year: year)
            return ("\(parts[0])-\(parts[1])-01", "\(parts[0])-\(parts[1])-\(last < 10 ? "0" : "")\(last)")
        case 3:
            guard CalendarDay(value) != nil else { return nil }
            return (value, value)
        default:
            return nil
        }
    }
}

/// The sentence that introduces a list ("… media have been flooded with reports over the past
/// few days about …:") and what its items inherit: who reports them, and when.
struct ListContext {
    var attribution: Attribution?
    var cue: String?
    var date: EventDate?

    static func isItem(_ first: Unicode.Scalar, breaksBefore: UInt8) -> Bool {
        return "*•-–—·▪".unicodeScalars.contains(first) || (breaksBefore > 0 && first.properties.numericType != nil)
    }

    static func make(
        _ g: SentenceGraph, sentenceDates: [Timex], anchor: TimeAnchor?, actors: DocumentActors, scalars: [Unicode.Scalar]
    ) -> ListContext {
        var context = ListContext()
        context.date = sentenceDates.compactMap { DocumentExtractor.date($0, anchor: anchor) }.first.map {
            EventDate(value: $0.value, first: $0.first, last: $0.last, source: .context, text: $0.text)
        }
        // The reporting word of the introduction and its source: "media … reports", "X said:".
        for w in g.words {
            let lemma = g.lemma(w)
            let reporting = (g.upos(w) == "NOUN" && ["report", "claim", "headline", "statement", "allegation"].contains(lemma))
                || (g.upos(w) == "VERB" && StatusCues.reportingVerbs.contains(lemma))
            guard reporting else { continue }
            context.cue = g.form(w)
            var sourceHead: Int? = g.child(w, "nsubj")
            if sourceHead == nil, let h = g.head(w) {
                // "media have been flooded with reports": the verb's subject reports.
                sourceHead = g.child(h, "nsubj") ?? g.children(h, "nsubj:pass").first
            }
            if let s = sourceHead {
                let words = g.subtree(s).filter { g.deprel($0) != "punct" }
                if let first = words.first, let last = words.last {
                    let span = g.span(first, last)
                    context.attribution = Attribution(
                        text: String(String.UnicodeScalarView(scalars[span.start..<span.end])), start: span.start, end: span.end,
                        actor: actors.actors(g, s, allowOrigin: false).first)
                }
            }
            break
        }
        return context
    }
}
