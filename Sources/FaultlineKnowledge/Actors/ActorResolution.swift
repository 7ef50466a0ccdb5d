/// A mention resolved on a day: which actor, the code it gets, and the role behind the code.
public struct ResolvedActor: Sendable, Hashable {
    public var actor: Actor
    /// The CAMEO code on the day (nil for equipment, and for a person with no national office).
    public var code: String?
    /// The role that gave a person's code.
    public var role: Role?
    /// How the mention named the actor.
    public var form: NameForm
}

extension KnowledgeBase {
    /// Chooses the actor a mention refers to on `day` and codes it.
    ///
    /// `text` is the sentence (or document) the mention's offsets point into; the words just
    /// before the mention ("Defence Minister", "President") pick among a person's roles and
    /// favour a candidate who held that office. Among candidates, the ones in office or in
    /// existence on the day win (Moscow is the Soviet Union in 1990, Russia in 2019; "George
    /// Bush" is whichever was president), then full names over adjectives, capitals and old names.
    public func resolve(_ mention: ActorMention, on day: CalendarDay, in text: String? = nil) -> ResolvedActor? {
        resolve(mention, on: day, title: text.map { Self.words(before: mention.start, in: Array($0.unicodeScalars)) })
    }

    /// As ``resolve(_:on:in:)``, given the words before the mention already (``words(before:in:)``):
    /// what a caller resolving many mentions of one long text uses, so the text is not walked
    /// from its start for each of them.
    public func resolve(_ mention: ActorMention, on day: CalendarDay, title: String?) -> ResolvedActor? {
        var best: (score: Int, actor: Actor, form: NameForm, role: Role?)? = nil
        for candidate in mention.candidates {
            guard let actor = actor(candidate.actor) else { continue }
            var score = 0
            var role: Role? = nil
            switch candidate.form {
            case .name, .alias: score += 2
            case .adjective, .demonym, .capital: score += 1
            case .formerName: score += 0
            }
            if actor.kind == .person {
                role = self.role(of: actor.id, on: day, title: title) ?? namedRole(of: actor.id, title: title)
                if let role {
                    score += 4
                    if let title { score += 2 * TitleWords(title).overlap(with: role.title) }
                }
            } else if let exists = exists(actor.id, on: day) {
                score += exists ? 2 : -4
            }
            if best == nil || score > best!.score { best = (score, actor, candidate.form, role) }
        }
        guard var best else { return nil }
        // A place of a state that did not exist yet belonged to its predecessor ("Juba" in 2000).
        if best.actor.kind == .country, let before = predecessor(of: best.actor.id, on: day) { best.actor = before }
        let code = best.actor.kind == .person ? (best.role?.cameo ?? self.code(for: best.actor.id, on: day)) : best.actor.cameo
        return ResolvedActor(actor: best.actor, code: code, role: best.role, form: best.form)
    }

    /// Where a title before a name cannot reach across.
    static let titleStops: Set<Unicode.Scalar> = Set(".;:!?\n\"“”(".unicodeScalars)

    /// Up to 48 scalars before `offset`, cut back to the last sentence-ish boundary.
    public static func words(before offset: Int, in scalars: [Unicode.Scalar]) -> String {
        guard offset > 0, offset <= scalars.count else { return "" }
        // Scalars, not Characters: this runs for every actor mention, and grapheme breaking
        // cost more than the rest of the lookup.
        var start = offset - min(offset, 48)
        if let cut = scalars[start..<offset].lastIndex(where: { titleStops.contains($0) }) { start = cut + 1 }
        return String(String.UnicodeScalarView(scalars[start..<offset]))
    }
}
