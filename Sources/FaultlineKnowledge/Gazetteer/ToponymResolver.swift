import Foundation

/// A place name found in a document: its span (Unicode scalar offsets, half-open) and text.
public struct Toponym: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public var name: String

    public init(start: Int, end: Int, name: String) {
        self.start = start
        self.end = end
        self.name = name
    }
}

extension Gazetteer {
    /// Resolves every toponym of one document to a place (nil when nothing fits at all).
    ///
    /// Disambiguation, in order of weight: a "City, Region" pair in the text ("Alexandria, La.");
    /// the countries and regions the rest of the document names (Georgia beside Tbilisi is the
    /// country, beside Atlanta the state); feature type (a country name is the country before a
    /// town of that name); population. Each name keeps one sense through the document. A name
    /// the gazetteer does not know is placed in the region named after it ("Holliday, Mo."), else
    /// ("Rapides Parish", a street) at the document's focus, the place it names most, since local
    /// reporting names small places near its subject.
    public func resolve(_ toponyms: [Toponym], in text: String? = nil) -> [Place?] {
        let scalars = text.map { Array($0.unicodeScalars) }
        // One sense per document: one decision per name.
        var nameOrder: [UInt64] = []
        var occurrences: [UInt64: [Int]] = [:]
        for (index, toponym) in toponyms.enumerated() {
            guard let key = Self.key(toponym.name) else { continue }
            if occurrences[key] == nil { nameOrder.append(key) }
            occurrences[key, default: []].append(index)
        }
        var candidates: [UInt64: (found: [Int], generic: Bool)] = [:]
        for key in nameOrder { candidates[key] = lookUp(toponyms[occurrences[key]![0]].name) }

        // Pass 1: priors alone, to learn which countries and regions the document is about.
        var chosen: [UInt64: Int] = [:]
        for key in nameOrder where !candidates[key]!.generic {
            if let best = candidates[key]!.found.max(by: { prior(places[$0]) < prior(places[$1]) }) { chosen[key] = best }
        }
        // Passes 2 and 3: priors with the context of the previous pass and "Name, Region" pairs.
        for pass in 0..<2 {
            let context = DocumentContext(
                votes: chosen.mapValues { places[$0] }, counts: occurrences.mapValues(\.count),
                sure: { key in candidates[key]!.found.count == 1 || pass > 0 })
            var next: [UInt64: Int] = [:]
            for key in nameOrder {
                var (found, generic) = candidates[key]!
                if generic {
                    // "Laurel County" is no town called Laurel far away: keep only candidates near the subject.
                    found = found.filter { context.isLocal(places[$0]) }
                }
                guard !found.isEmpty else { continue }
                if found.count == 1 {
                    next[key] = found[0]
                    continue
                }
                var qualifiers: [Int] = []
                for occurrence in occurrences[key]! {
                    qualifiers += qualifyingPlaces(after: toponyms[occurrence], toponyms: toponyms, scalars: scalars)
                }
                var bestScore = -Double.infinity
                for index in found {
                    let place = places[index]
                    var score = prior(place)
                    if Self.key(place.name) == key { score += 1 }  // its own name, not an old or foreign one
                    score += 6 * context.countryShare(place.country, without: key)
                    if place.kind != .admin1, context.regionNamed(place.admin1, without: key) { score += 2.5 }
                    for qualifier in qualifiers where qualifier != index {
                        let q = places[qualifier]
                        if q.kind == .admin1, place.admin1 == q.admin1 { score += 8 }
                        if q.kind == .country, place.country == q.country { score += 6 }
                    }
                    if score > bestScore {
                        bestScore = score
                        next[key] = index
                    }
                }
            }
            chosen = next
        }
        let context = DocumentContext(votes: chosen.mapValues { places[$0] }, counts: occurrences.mapValues(\.count), sure: { _ in true })

        // The focus: the place the document names most, preferring towns over regions over countries.
        var mentions: [Int: Int] = [:]
        for (key, index) in chosen { mentions[index, default: 0] += occurrences[key]!.count }
        let focus = mentions.max { a, b in
            let ra = focusRank(places[a.key]), rb = focusRank(places[b.key])
            return ra != rb ? ra < rb : (a.value != b.value ? a.value < b.value : a.key > b.key)
        }?.key

        // In local reporting, a town far from the subject with a local namesake-less name is
        // more likely a small place near the subject than the famous one (Paris, Ill.; Athens, Ga.).
        if let focus, context.localRegion != nil {
            for (key, index) in chosen where places[index].kind == .city && !context.isLocal(places[index]) {
                if places[index].distance(to: places[focus]) > 500 { chosen[key] = focus }
            }
        }

        return toponyms.map { toponym in
            guard let key = Self.key(toponym.name), let index = chosen[key] else {
                // An unknown town qualified by its region ("Holliday, Mo.") lies in that region, wherever the focus is.
                let regions = qualifyingPlaces(after: toponym, toponyms: toponyms, scalars: scalars).map { places[$0] }
                if let focus, regions.contains(where: { $0.kind == .admin1 && $0.admin1 == places[focus].admin1 }) { return places[focus] }
                if let region = regions.first(where: { $0.kind == .admin1 }) { return region }
                return focus.map { places[$0] }
            }
            return places[index]
        }
    }

    /// A place's score before context: feature type, then population.
    func prior(_ place: Place) -> Double {
        switch place.kind {
        case .continent: 13
        case .country: 15
        case .region, .water, .border: 13
        // A populous region before an obscure one of the same name (Maryland, US, before Maryland County, Liberia).
        case .admin1: 7 + 0.5 * log10(Double(max(place.population, 1000)))
        case .city: 1.6 * log10(Double(max(place.population, 1000))) + (place.isCapital ? 1.5 : 0)
        }
    }

    private func focusRank(_ place: Place) -> Int {
        switch place.kind {
        case .city: 3
        case .admin1, .region, .border: 2
        case .country: 1
        case .continent, .water: 0
        }
    }

    /// The candidates for a name, trying the forms news writes it in when the name itself is
    /// unknown: without "the", without a trailing "County", "Province", "Oblast"…, "St." as "Saint".
    func lookUp(_ name: String) -> (found: [Int], generic: Bool) {
        let found = indexes(for: name)
        if !found.isEmpty { return (found, false) }
        var words = name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
        if words.first?.lowercased() == "the" { words.removeFirst() }
        var generic = false
        if words.count > 1, let last = words.last?.lowercased(), Self.genericWords.contains(last) {
            words.removeLast()
            generic = true
        }
        if let first = words.first, ["st.", "st"].contains(first.lowercased()) { words[0] = "Saint" }
        let variant = words.joined(separator: " ")
        return variant == name ? ([], false) : (indexes(for: variant), generic)
    }

    static let genericWords: Set<String> = [
        "county", "parish", "province", "region", "oblast", "state", "city", "district", "governorate", "prefecture",
        "territory", "municipality", "krai", "republic", "island", "islands", "valley",
    ]

    /// Regions or countries named right after a toponym, as in "Alexandria, La." or "Gomel, Belarus".
    private func qualifyingPlaces(after toponym: Toponym, toponyms: [Toponym], scalars: [Unicode.Scalar]?) -> [Int] {
        guard let scalars, toponym.end < scalars.count else { return [] }
        var position = toponym.end
        guard scalars[position] == ",", position + 1 < scalars.count else { return [] }
        position += 1
        while position < scalars.count, scalars[position] == " " { position += 1 }
        var end = position
        while end < scalars.count, end - position < 24, !",;:()\n".unicodeScalars.contains(scalars[end]) { end += 1 }
        // Try the longest run of words first: "New York", then "New".
        var words = String(String.UnicodeScalarView(scalars[position..<end])).split(separator: " ").map(String.init)
        while !words.isEmpty {
            let found = indexes(for: words.joined(separator: " ")).filter { [.admin1, .country].contains(places[$0].kind) }
            if !found.isEmpty { return found }
            words.removeLast()
        }
        return []
    }
}

/// What a document is about: the countries and first-level regions of one reading of its
/// toponyms, weighted by how often each name occurs (half for a name that was a guess).
struct DocumentContext {
    private var votes: [UInt64: (place: Place, weight: Double)] = [:]
    private var countryWeight: [String: Double] = [:]
    private var admin1Weight: [String: Double] = [:]
    private var total = 0.0

    init(votes places: [UInt64: Place], counts: [UInt64: Int], sure: (UInt64) -> Bool) {
        for (key, place) in places {
            let weight = Double(counts[key] ?? 1) * (sure(key) ? 1 : 0.5)
            votes[key] = (place, weight)
            if !place.country.isEmpty { countryWeight[place.country, default: 0] += weight }
            if !place.admin1.isEmpty { admin1Weight[place.admin1, default: 0] += place.kind == .admin1 ? weight : weight / 2 }
            total += weight
        }
    }

    /// The first-level region that dominates the document, when one does: local reporting.
    var localRegion: String? {
        guard total >= 3, let (region, weight) = admin1Weight.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }),
            weight / total >= 0.25
        else { return nil }
        return region
    }

    /// The top country's code, when the document has one.
    var topCountry: String? {
        countryWeight.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key
    }

    /// A place in the local region, or, when there is none, in the document's top country.
    func isLocal(_ place: Place) -> Bool {
        if let region = localRegion { return place.admin1 == region }
        return place.country == topCountry && !place.country.isEmpty
    }

    /// The share of the document's weight on a country, leaving out the name's own vote.
    func countryShare(_ country: String, without key: UInt64) -> Double {
        guard !country.isEmpty else { return 0 }
        let own = votes[key]
        let ownWeight = own?.weight ?? 0
        let rest = max(total - ownWeight, 1)
        let weight = (countryWeight[country] ?? 0) - (own?.place.country == country ? ownWeight : 0)
        return max(weight, 0) / rest
    }

    /// Whether other names of the document fall in this first-level region.
    func regionNamed(_ admin1: String, without key: UInt64) -> Bool {
        guard !admin1.isEmpty else { return false }
        var weight = admin1Weight[admin1] ?? 0
        if let own = votes[key], own.place.admin1 == admin1 { weight -= own.place.kind == .admin1 ? own.weight : own.weight / 2 }
        return weight > 1e-9
    }
}
