import FaultlineText

/// The tense around a word, as far as the words of its sentence show it.
///
/// There is no tagger yet, so the tense is read from marker words: auxiliaries (`will`,
/// `was`, `had`), past forms (`said`, `-ed`), and future phrases (`going to`, `expected to`).
/// The marker nearest to the expression wins, since a sentence can report the past
/// (`said`) about the future (`will meet Monday`).
enum SentenceTense: Sendable, Hashable {
    case past, present, future, unknown

    /// The tense nearest to tokens `first..<end`, looking no further than the sentence
    /// (up to `.`, `!`, `?` or a line break) and at most `window` tokens away.
    static func around(_ words: [TimexWord], first: Int, end: Int, window: Int = 14) -> SentenceTense {
        // A word right before or after the expression says most: `payable Dec. 7`, `since
        // Monday`, `extended to Nov. 16`, `the Nov. 1 deadline`.
        if first > 0 {
            let before = words[first - 1].lower
            if futureCues.contains(before) { return .future }
            if before == "since" { return .past }
            if before == "to", first > 1, words[first - 2].lower.hasSuffix("ed") { return .future }
            if before == "as", first > 1, ["soon", "early"].contains(words[first - 2].lower) { return .future }
        }
        if end < words.count, words[end].lower == "deadline" { return .future }
        return nearest(words, first: first, end: end, window: window) ?? .unknown
    }

    /// The nearest marker on either side within the sentence. Regular past forms (`-ed`) are
    /// as often adjectives (`preferred shares`) as verbs, so they count as farther away than
    /// they are, unless right beside the expression (`announced Friday`).
    static func nearest(_ words: [TimexWord], first: Int, end: Int, window: Int) -> SentenceTense? {
        let weakPenalty = 5
        var best: (distance: Int, tense: SentenceTense)?
        func consider(_ i: Int, _ distance: Int) {
            guard var t = marker(words, i) else { return }
            var effective = distance
            // Regular past forms, and "plans to", "hopes to" (as often nouns), are weak.
            if (t == .past && isRegularPast(words[i])) || weakFuture.contains(words[i].lower) {
                if distance > 2 { effective += weakPenalty }
            }
            // "will be paid Dec. 14", "to be completed around Nov. 1": a participle after a
            // future auxiliary is the future.
            if t == .past, !auxiliaries.contains(words[i].lower), futureAuxiliary(before: i, in: words) { t = .future }
            if best == nil || effective < best!.distance { best = (effective, t) }
        }
        // Leftwards, then rightwards; an equally near marker on the left wins.
        var i = first - 1
        var distance = 1
        var strongSeen = false
        while i >= 0, distance <= window, !strongSeen {
            if isClauseBoundary(words[i]) { break }
            consider(i, distance)
            if let t = marker(words, i), !(t == .past && isRegularPast(words[i])), !weakFuture.contains(words[i].lower) { strongSeen = true }
            if words[i].breaksBefore > 0 { break }
            i -= 1
            distance += 1
        }
        i = end
        distance = 1
        strongSeen = false
        if end < words.count, words[end].breaksBefore > 0 { return best?.tense }
        while i < words.count, distance <= window, !strongSeen {
            if isClauseBoundary(words[i]) || (i > end && words[i].breaksBefore > 0) { break }
            // The verb that governs a date mostly comes before it: a marker after counts one farther.
            if best != nil, distance + 1 >= best!.distance { break }
            consider(i, distance + 1)
            if let t = marker(words, i), !(t == .past && isRegularPast(words[i])), !weakFuture.contains(words[i].lower) { strongSeen = true }
            i += 1
            distance += 1
        }
        return best?.tense
    }

    static func isRegularPast(_ w: TimexWord) -> Bool {
        w.lower.hasSuffix("ed") && !pastWords.contains(w.lower)
    }

    /// Whether `will`, `would`, `to`, a modal… stands just before word `i`, past `be`, `not` and adverbs.
    static func futureAuxiliary(before i: Int, in words: [TimexWord]) -> Bool {
        var k = i - 1
        var steps = 0
        while k >= 0, steps < 4 {
            let s = words[k].lower
            if futureWords.contains(s) || s == "to" { return s != "next" }
            guard auxiliaryFillers.contains(s) else { return false }
            k -= 1
            steps += 1
        }
        return false
    }

    /// Verbs of intention that make what follows `to` the future.
    static let intentions: Set<String> = ["going", "expected", "scheduled", "due", "set", "plans", "plan", "planned", "expects", "expect", "intends", "intend", "hopes", "hope", "aims", "plans"]
    /// Words that may stand between an auxiliary and its participle.
    static let auxiliaryFillers: Set<String> = ["be", "been", "being", "not", "n't", "also", "still", "have", "then", "soon", "likely"]

    static let weakFuture: Set<String> = ["plans", "plan", "planned", "hopes", "hope", "aims", "intends", "intend"]

    static let auxiliaries: Set<String> = ["was", "were", "had", "did", "has", "have", "'ve", "'d", "been"]

    static func isBoundary(_ w: TimexWord) -> Bool {
        w.lower == "." || w.lower == "!" || w.lower == "?" || w.lower == ";"
    }

    /// Where the tense of one clause stops: sentence ends, and colons and quotation marks,
    /// which open a headline or a quote with tenses of its own (`* 21 June: “… Won’t Change …”`).
    static func isClauseBoundary(_ w: TimexWord) -> Bool {
        switch w.lower {
        case ".", "!", "?", ";", ":", "\u{201C}", "\u{201D}", "\"", "``", "''": return true
        default: return false
        }
    }

    /// The tense word `i` marks, if any.
    static func marker(_ words: [TimexWord], _ i: Int) -> SentenceTense? {
        let s = words[i].lower
        guard words[i].kind == .word else { return nil }
        if futureWords.contains(s) { return .future }
        if intentions.contains(s) {
            if i + 1 < words.count, words[i + 1].lower == "to" || words[i + 1].lower == "for" { return .future }
            if s == "expected" || s == "scheduled" || s == "expects" || s == "expect" { return .future }
        }
        // "May" and "March" capitalised are months here, not verbs.
        if s == "may", words[i].capitalized, i > 0, !isBoundary(words[i - 1]) { return nil }
        if pastWords.contains(s) { return .past }
        if presentWords.contains(s) { return .present }
        if s.count > 4, s.hasSuffix("ed"), !notPast.contains(s), !words[i].capitalized || i == 0 {
            // "expected to", "scheduled for" are handled above; a participle after "be" or
            // "have" is still past for dating.
            return .past
        }
        return nil
    }

    static let futureWords: Set<String> = [
        "will", "'ll", "shall", "wo", "upcoming", "would", "tomorrow", "must", "should", "may", "might", "can",
        "payable", "effective", "until", "till",
    ]
    /// Words that put the date right after them ahead of the anchor (`payable Dec. 7`, `by Jan. 14`).
    static let futureCues: Set<String> = ["by", "until", "till", "payable", "effective", "starting", "record"]
    static let pastWords: Set<String> = [
        "was", "were", "had", "did", "said", "told", "took", "came", "went", "made", "gave", "got", "met", "saw",
        "began", "left", "fell", "rose", "won", "lost", "held", "sold", "bought", "paid", "ran", "found", "brought",
        "thought", "became", "knew", "sent", "spent", "struck", "hit", "shot", "put", "set", "cut", "led", "kept",
        "felt", "stood", "wrote", "spoke", "broke", "chose", "drove", "flew", "grew", "threw", "wore", "woke", "ago",
        "yesterday", "last", "earlier", "'d", "has", "have", "'ve", "been", "fled", "fought", "sought", "taught",
        "caught", "built", "meant", "heard", "understood", "withdrew", "overtook", "undertook", "forgot", "swore",
    ]
    static let presentWords: Set<String> = ["is", "are", "says", "say", "'s", "am", "does", "do", "'re"]
    static let notPast: Set<String> = [
        "indeed", "need", "speed", "seed", "feed", "breed", "proceed", "succeed", "exceed", "united", "limited",
        "based", "related", "detailed", "advanced", "red", "bed", "hundred", "hundreds", "naked", "wicked", "sacred",
        "kindred", "shred", "unprecedented", "expected", "scheduled", "alleged", "supposed", "concerned", "interested",
        "ted", "fred", "ahmed", "mohammed", "muhammad",
    ]
}
