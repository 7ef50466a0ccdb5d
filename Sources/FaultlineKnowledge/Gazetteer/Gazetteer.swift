import Foundation

/// Where is where: the places Faultline resolves toponyms to, and the index from names to them.
///
/// Three files in `Resources/gazetteer`: `places.tsv` (derived from GeoNames by
/// `faultline kb build-gazetteer`; countries, first-level regions, continents, cities of 15,000
/// people or more), `features.tsv` (regions and features the news names, written by the team)
/// and `alternate-names.tsv` (names the team adds to derived places, such as "Calif.").
///
/// ```swift
/// let gazetteer = try Gazetteer.load()
/// gazetteer.candidates(for: "Kharkov").first?.name  // "Kharkiv"
/// let places = gazetteer.resolve([Toponym(start: 0, end: 5, name: "Minsk")], in: text)
/// ```
public struct Gazetteer: Sendable {
    public let places: [Place]
    /// Name keys, sorted, and the place each belongs to (a name of several places repeats).
    private let keys: [UInt64]
    private let owners: [Int32]
    let admin1Index: [String: Int]
    let countryIndex: [String: Int]

    /// The shipped gazetteer plus the user's own files in the `features.tsv` format.
    public static func load(extraFiles: [URL] = []) throws -> Gazetteer {
        guard let folder = Bundle.module.url(forResource: "gazetteer", withExtension: nil) else {
            throw KnowledgeFileError(file: "gazetteer", line: 0, message: "the shipped gazetteer is missing from the bundle")
        }
        var builder = GazetteerFiles()
        try builder.readPlaces(TabularFile(url: folder.appendingPathComponent("places.tsv")))
        try builder.readFeatures(TabularFile(url: folder.appendingPathComponent("features.tsv")))
        for url in extraFiles { try builder.readFeatures(TabularFile(url: url)) }
        try builder.readAlternateNames(TabularFile(url: folder.appendingPathComponent("alternate-names.tsv")))
        return Gazetteer(places: builder.places, names: builder.names)
    }

    /// A gazetteer of the given places, each with its names (tests build small ones).
    public init(places: [Place], names: [[String]]) {
        var pairs: [(UInt64, Int32)] = []
        pairs.reserveCapacity(names.reduce(0) { $0 + $1.count } + places.count)
        var tokens: [TextToken] = []
        for (index, place) in places.enumerated() {
            var seen: [UInt64] = []
            for name in [place.name] + (index < names.count ? names[index] : []) {
                if let key = Self.key(name, buffer: &tokens), !seen.contains(key) {
                    seen.append(key)
                    pairs.append((key, Int32(index)))
                }
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        self.places = places
        keys = pairs.map(\.0)
        owners = pairs.map(\.1)
        var admin1: [String: Int] = [:], countries: [String: Int] = [:]
        for (index, place) in places.enumerated() {
            if place.kind == .admin1, !place.admin1.isEmpty { admin1[place.admin1] = index }
            if place.kind == .country, countries[place.country] == nil { countries[place.country] = index }
        }
        admin1Index = admin1
        countryIndex = countries
    }

    /// How many (name, place) pairs the index holds.
    public var nameCount: Int { keys.count }

    public var countsByKind: [PlaceKind: Int] {
        places.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }

    /// The country entry for an ISO alpha-2 code.
    public func country(_ iso2: String) -> Place? { countryIndex[iso2].map { places[$0] } }

    /// The first-level region with this GeoNames code (`US.LA`).
    public func admin1(_ code: String) -> Place? { admin1Index[code].map { places[$0] } }

    /// Every place with exactly this name (case, diacritics, hyphens and full stops aside).
    public func candidates(for name: String) -> [Place] { indexes(for: name).map { places[$0] } }

    /// The country (ISO alpha-2) of a region or town name without context: the one country all
    /// its places lie in, or else the one the team's own region entries give ("Gaza" the Strip,
    /// not the Mozambican province). Countries and continents are not counted.
    public func soleCountry(of name: String) -> String? {
        let found = candidates(for: name).filter { $0.kind != .country && $0.kind != .continent && !$0.country.isEmpty }
        guard let iso2 = found.first?.country else { return nil }
        if found.allSatisfy({ $0.country == iso2 }) { return iso2 }
        let features = Set(found.filter { $0.id.hasPrefix("feature:") }.map(\.country))
        return features.count == 1 ? features.first : nil
    }

    func indexes(for name: String) -> [Int] {
        guard let key = Self.key(name) else { return [] }
        return indexes(forKey: key)
    }

    func indexes(forKey key: UInt64) -> [Int] {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        var found: [Int] = []
        while low < keys.count, keys[low] == key {
            found.append(Int(owners[low]))
            low += 1
        }
        return found
    }

    /// A name's key: its folded words, hashed in order; nil for a name without words.
    static func key(_ name: String) -> UInt64? {
        var tokens: [TextToken] = []
        return key(name, buffer: &tokens)
    }

    /// A name's key, scanning into a caller's buffer (the index computes 130,000 of them).
    static func key(_ name: String, buffer tokens: inout [TextToken]) -> UInt64? {
        tokens.removeAll(keepingCapacity: true)
        var copy = name
        copy.withUTF8 { TokenScanner.scan($0, into: &tokens) }
        guard !tokens.isEmpty else { return nil }
        var hash = TokenScanner.fnvOffset
        for token in tokens { hash = (hash ^ token.hash) &* TokenScanner.fnvPrime }
        return hash
    }
}

/// Reads the gazetteer's files into places and names.
struct GazetteerFiles {
    var places: [Place] = []
    var names: [[String]] = []
    private var byID: [String: Int] = [:]

    mutating func readPlaces(_ table: TabularFile) throws {
        let c = try ["id", "kind", "name", "country", "admin1", "latitude", "longitude", "population", "capital", "names"].map(table.column)
        places.reserveCapacity(table.rows.count)
        for row in table.rows {
            guard let kind = PlaceKind(rawValue: String(row[c[1]])), let lat = Double(row[c[5]]), let lon = Double(row[c[6]]) else {
                throw KnowledgeFileError(file: table.name, line: row.line, message: "bad kind or coordinates")
            }
            add(
                Place(
                    id: String(row[c[0]]), kind: kind, name: String(row[c[2]]), country: String(row[c[3]]), admin1: String(row[c[4]]),
                    latitude: lat, longitude: lon, population: Int(row[c[7]]) ?? 0, isCapital: row[c[8]] == "1"),
                names: row.list(c[9]))
        }
    }

    /// `id kind name country latitude longitude names note`: the team's regions and features.
    mutating func readFeatures(_ table: TabularFile) throws {
        let c = try ["id", "kind", "name", "country", "latitude", "longitude", "names"].map(table.column)
        for row in table.rows {
            guard let kind = PlaceKind(rawValue: String(row[c[1]])), let lat = Double(row[c[4]]), let lon = Double(row[c[5]]),
                (-90...90).contains(lat), (-180...180).contains(lon)
            else {
                throw KnowledgeFileError(file: table.name, line: row.line, message: "bad kind or coordinates")
            }
            add(
                Place(
                    id: String(row[c[0]]), kind: kind, name: String(row[c[2]]), country: String(row[c[3]]), latitude: lat,
                    longitude: lon),
                names: row.list(c[6]))
        }
    }

    /// `place names`: more names for a place of the other files, by id, `admin1:CODE` or `country:ISO2`.
    mutating func readAlternateNames(_ table: TabularFile) throws {
        let c = try ["place", "names"].map(table.column)
        for row in table.rows {
            let reference = String(row[c[0]])
            let index: Int?
            if reference.hasPrefix("admin1:") {
                index = places.firstIndex { $0.kind == .admin1 && $0.admin1 == reference.dropFirst(7) }
            } else if reference.hasPrefix("country:") {
                index = places.firstIndex { $0.kind == .country && $0.country == reference.dropFirst(8) }
            } else {
                index = byID[reference]
            }
            guard let index else {
                throw KnowledgeFileError(file: table.name, line: row.line, message: "no place \(reference)")
            }
            names[index] += row.list(c[1])
        }
    }

    private mutating func add(_ place: Place, names: [String]) {
        byID[place.id] = places.count
        places.append(place)
        self.names.append(names)
    }
}
