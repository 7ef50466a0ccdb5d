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
    /// the gazetteer does not know ("Rapides Parish", a street) is placed at the document's focus,
    /// the place it names most, since local reporting names small places near its subject.
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
        var firstChoice: [UInt64: Int] = [:]
        var countryWeight: [String: Double] = [:]
        var admin1Weight: [String: Double] = [:]
        var total = 0.0
        for key in nameOrder {
            let (found, generic) = candidates[key]!
            guard !generic, let best = found.max(by: { prior(places[$0]) < prior(places[$1]) }) else { continue }
            firstChoice[key] = best
            let weight = Double(occurrences[key]!.count) * (found.count == 1 ? 1.0 : 0.5)
            let place = places[best]
            if !place.country.isEmpty { countryWeight[place.country, default: 0] += weight }
            if !place.admin1.isEmpty { admin1Weight[place.admin1, default: 0] += place.kind == .admin1 ? weight : weight / 2 }
            total += weight
        }
        let context = DocumentContext(countryWeight: countryWeight, admin1Weight: admin1Weight, total: total)

        // Pass 2: priors with the document's context and "Name, Region" pairs.
        var chosen: [UInt64: Int] = [:]
        for key in nameOrder {
            var (found, generic) = candidates[key]!
            if generic {
                // "Laurel County" is no town called Laurel far away: keep only candidates near the subject.
                found = found.filter { context.isLocal(places[$0]) }
            }
            guard !found.isEmpty else { continue }
            if found.count == 1 {
                chosen[key] = found[0]
                continue
            }
            var qualifiers: [Int] = []
            for occurrence in occurrences[key]! {
                qualifiers += qualifyingPlaces(after: toponyms[occurrence], toponyms: toponyms, scalars: scalars)
            }
            let own = firstChoice[key].map { places[$0] }
            let ownWeight = Double(occurrences[key]!.count) * 0.5
            var bestScore = -Double.infinity
            for index in found {
                let place = places[index]
                var score = prior(place)
                score += 6 * context.countryShare(place.country, minus: own?.country == place.country ? ownWeight : 0)
                if place.kind != .admin1, !place.admin1.isEmpty {
                    let ownRegion = own?.admin1 == place.admin1 ? (own?.kind == .admin1 ? ownWeight : ownWeight / 2) : 0
                    if (admin1Weight[place.admin1] ?? 0) - ownRegion > 0 { score += 2.5 }
                }
                for qualifier in qualifiers where qualifier != index {
                    let q = places[qualifier]
                    if q.kind == .admin1, place.admin1 == q.admin1 { score += 8 }
                    if q.kind == .country, place.country == q.country { score += 6 }
                }
                if score > bestScore {
                    bestScore = score
                    chosen[key] = index
                }
            }
        }

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
            guard let key = Self.key(toponym.name), let index = chosen[key] else { return focus.map { places[$0] } }
            return places[index]
        }
    }

    /// A place's score before context: feature type, then population.
    func prior(_ place: Place) -> Double {
        switch place.kind {
        case .continent: 13
        case .country: 15
        case .region, .water, .border: 13
        case .admin1: 10
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

/// What a document is about, from the first, context-free reading of its toponyms.
struct DocumentContext {
    var countryWeight: [String: Double]
    var admin1Weight: [String: Double]
    var total: Double

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

    /// The share of the document's weight on a country, without `minus` (the name's own vote).
    func countryShare(_ country: String, minus: Double) -> Double {
        guard total > 0, !country.isEmpty else { return 0 }
        let rest = max(total - minus, 1)
        return max((countryWeight[country] ?? 0) - minus, 0) / rest
    }
}
