import ArgumentParser
import FaultlineKnowledge
import FaultlineStore
import Foundation

/// How `--actor`, `--source`, `--target`, `--speaker` and `timeline ACTOR` name an actor: a
/// knowledge-base id (`country:blr`), a CAMEO code prefix (`BLR`, `BLRMIL`), or a name the
/// knowledge base knows (`Belarus`, `Lukashenko`).
enum ActorArgument {
    /// The filter for `text`; `knowledge` is loaded only when a name has to be looked up.
    static func filter(_ text: String, knowledge: () throws -> KnowledgeBase) throws -> ActorFilter {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains(":") { return ActorFilter(ids: [trimmed.lowercased()]) }
        var filter = ActorFilter()
        // Upper case reads as a code; it may also be a name ("NATO", "USA"), so names are
        // looked up as well and either matches.
        let isCode = trimmed.count >= 3 && trimmed.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        if isCode { filter.codePrefixes.append(trimmed) }
        for actor in try knowledge().actors(named: trimmed) {
            filter.ids.append(actor.id.rawValue)
            // A country stands for everyone coded under it: Belarus covers BLRGOV and BLRMIL.
            if actor.kind == .country, let code = actor.cameo, !filter.codePrefixes.contains(code) { filter.codePrefixes.append(code) }
        }
        guard !filter.ids.isEmpty || !filter.codePrefixes.isEmpty else {
            throw ValidationError("no actor named \"\(text)\": give a knowledge-base id (country:blr), a CAMEO code (BLR) or a known name")
        }
        return filter
    }
}

/// Loads the knowledge base the first time it is asked for.
final class LazyKnowledge {
    private var loaded: KnowledgeBase?

    func get() throws -> KnowledgeBase {
        if let loaded { return loaded }
        let kb = try KnowledgeBase.load()
        loaded = kb
        return kb
    }
}
