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
        var candidates: [UInt64: [Int]] = [:]
        for key in nameOrder {
            candidates[key] = lookUp(toponyms[occurrences[key]![0]].name)
        }

        // Pass 1: priors alone, to learn which countries and regions the document is about.
        var countryWeight: [String: Double] = [:]
        var admin1Weight: [String: Double] = [:]
        var total = 0.0
        for key in nameOrder {
            let found = candidates[key]!
            guard let best = found.max(by: { prior(places[$0]) < prior(places[$1]) }) else { continue }
            let sure = found.count == 1 ? 1.0 : 0.5
            let weight = Double(occurrences[key]!.count) * sure
            let place = places[best]
            if !place.country.isEmpty { countryWeight[place.country, default: 0] += weight }
            if !place.admin1.isEmpty { admin1Weight[place.admin1, default: 0] += place.kind == .admin1 ? weight : weight / 2 }
            total += weight
        }

        // Pass 2: priors with the document's context and "Name, Region" pairs.
        var chosen: [UInt64: Int] = [:]
        for key in nameOrder {
            let found = candidates[key]!
            guard !found.isEmpty else { continue }
            if found.count == 1 {
                chosen[key] = found[0]
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
                if total > 0 {
                    // The name's own first-pass weight is left out: it must not vote for itself.
                    let own = places[found.max(by: { prior(places[$0]) < prior(places[$1]) })!]
                    let ownWeight = Double(occurrences[key]!.count) * 0.5
                    var countryShare = countryWeight[place.country] ?? 0
                    if own.country == place.country { countryShare -= ownWeight }
                    let rest = max(total - ownWeight, 1)
                    score += 5 * max(countryShare, 0) / rest
                    if !place.admin1.isEmpty, place.kind != .admin1 {
                        var regionShare = admin1Weight[place.admin1] ?? 0
                        if own.admin1 == place.admin1 { regionShare -= own.kind == .admin1 ? ownWeight : ownWeight / 2 }
                        if regionShare > 0 { score += 3 }
                    }
                }
                for qualifier in qualifiers {
                    let q = places[qualifier]
                    if q.kind == .admin1, place.admin1 == q.admin1, index != qualifier { score += 8 }
                    if q.kind == .country, place.country == q.country, index != qualifier { score += 6 }
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

        return toponyms.map { toponym in
            guard let key = Self.key(toponym.name) else { return focus.map { places[$0] } }
            if let index = chosen[key] { return places[index] }
            return focus.map { places[$0] }
        }
    }

    /// A place's score before context: feature type, then population.
    func prior(_ place: Place) -> Double {
        switch place.kind {
        case .continent: 11
        case .country: 12
        case .region, .water, .border: 11
        case .admin1: 9.5
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
    func lookUp(_ name: String) -> [Int] {
        let found = indexes(for: name)
        if !found.isEmpty { return found }
        var words = name.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
        if words.first?.lowercased() == "the" { words.removeFirst() }
        if words.count > 1, let last = words.last?.lowercased(), Self.genericWords.contains(last) {
            words.removeLast()
        }
        if let first = words.first, ["st.", "st"].contains(first.lowercased()) { words[0] = "Saint" }
        let variant = words.joined(separator: " ")
        return variant == name ? [] : indexes(for: variant)
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
