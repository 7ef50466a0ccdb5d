import Foundation

/// Builds the shipped gazetteer file from the GeoNames extract in `../shared/data`: countries
/// (with the knowledge base's names for them), first-level regions, continents and cities of
/// 15,000 people or more with their Latin-script alternate names.
///
/// Countries and regions have no coordinates in the extract: a country gets the team's point
/// (`country-points.tsv`, for large countries) or the centroid of its largest outline in Natural
/// Earth (else its capital); a region the team's point (`admin1-points.tsv`, for regions whose
/// towns cover only part of them) or the centre of the box around its cities, which lands within
/// 161 km of GeoNames' own point for most regions.
///
/// ```swift
/// let output = try GazetteerBuilder.build(data: URL(fileURLWithPath: "../shared/data"))
/// try output.text.write(to: placesFile, atomically: true, encoding: .utf8)
/// ```
public enum GazetteerBuilder {
    /// The file's text and the entries that were skipped, each with its file and reason.
    public struct Output: Sendable {
        public var text: String
        public var placeCount: Int
        public var issues: [KnowledgeFileError]
    }

    public static let header = "id\tkind\tname\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\tcapital\tnames"

    /// Builds from `data` (holding `geonames/` and, optionally, `natural-earth-110m/`).
    public static func build(data: URL, countryNames: [String: [String]]? = nil) throws -> Output {
        var issues: [KnowledgeFileError] = []
        let geonames = data.appendingPathComponent("geonames")
        let countries = try readCountries(geonames.appendingPathComponent("countries.json"))
        let cities = try readCities(geonames.appendingPathComponent("cities15000.json"), issues: &issues)
        let admin1 = try readAdmin1(geonames.appendingPathComponent("admin1CodesASCII.txt"), issues: &issues)
        let continents = (try? readContinents(geonames.appendingPathComponent("continents.json"))) ?? []
        var outlines: [String: (Double, Double)] = [:]
        let ne = data.appendingPathComponent("natural-earth-110m")
        let shp = ne.appendingPathComponent("ne_110m_admin_0_countries.shp")
        if FileManager.default.fileExists(atPath: shp.path) {
            outlines = try CountryOutlines.centroids(shp: shp, dbf: ne.appendingPathComponent("ne_110m_admin_0_countries.dbf"), issues: &issues)
        }
        let names = try countryNames ?? knowledgeBaseCountryNames()
        let points = try teamPoints("country-points.tsv", key: "country")
        let regionPoints = try teamPoints("admin1-points.tsv", key: "admin1")

        var lines: [String] = []
        // Capitals: the city of the country's capital name with the most people.
        let citiesByCountry = Dictionary(grouping: cities, by: \.country)
        var capitalIDs = Set<Int>()
        for country in countries.values where !country.capital.isEmpty {
            let matches = (citiesByCountry[country.iso2] ?? []).filter { $0.name == country.capital || $0.alternates.contains(country.capital) }
            if let capital = matches.max(by: { $0.population < $1.population }) { capitalIDs.insert(capital.id) }
        }
        for country in countries.values.sorted(by: { $0.iso2 < $1.iso2 }) {
            let inCountry = citiesByCountry[country.iso2] ?? []
            let capital = inCountry.first { capitalIDs.contains($0.id) }
            let point: (Double, Double)? =
                points[country.iso2] ?? outlines[country.iso3] ?? capital.map { ($0.latitude, $0.longitude) } ?? boxCentre(inCountry)
            guard let point else {
                issues.append(KnowledgeFileError(file: "countries.json", line: 0, message: "\(country.iso2): no outline, capital or city to place it"))
                continue
            }
            let extra = (names[country.iso2] ?? []).filter { $0 != country.name }
            lines.append(line("geonames:\(country.id)", .country, country.name, country.iso2, "", point, country.population, false, extra))
        }
        var citiesByAdmin1: [String: [City]] = [:]
        for city in cities { citiesByAdmin1["\(city.country).\(city.admin1)", default: []].append(city) }
        for region in admin1 {
            guard let point = regionPoints[region.code] ?? boxCentre(citiesByAdmin1[region.code] ?? []) else { continue }
            let population = (citiesByAdmin1[region.code] ?? []).reduce(0) { $0 + $1.population }
            let country = String(region.code.prefix { $0 != "." })
            lines.append(line("geonames:\(region.id)", .admin1, region.name, country, region.code, point, population, false, region.ascii == region.name ? [] : [region.ascii]))
        }
        for continent in continents {
            lines.append(line("geonames:\(continent.id)", .continent, continent.name, "", "", (continent.latitude, continent.longitude), continent.population, false, []))
        }
        for city in cities {
            lines.append(
                line("geonames:\(city.id)", .city, city.name, city.country, city.admin1.isEmpty ? "" : "\(city.country).\(city.admin1)",
                    (city.latitude, city.longitude), city.population, capitalIDs.contains(city.id), latinAlternates(city)))
        }
        let text = "# Faultline gazetteer, derived from GeoNames (CC BY 4.0, geonames.org) and Natural Earth (public domain) by `faultline kb build-gazetteer`. Do not edit: add places to features.tsv.\n"
            + header + "\n" + lines.joined(separator: "\n") + "\n"
        return Output(text: text, placeCount: lines.count, issues: issues)
    }

    // MARK: - Reading the extract

    struct Country {
        var id: Int, iso2: String, iso3: String, name: String, capital: String, population: Int
    }
    struct City {
        var id: Int, name: String, country: String, admin1: String, latitude: Double, longitude: Double, population: Int
        var alternates: [String]
    }
    struct Region { var id: Int, code: String, name: String, ascii: String }
    struct Continent { var id: Int, name: String, latitude: Double, longitude: Double, population: Int }

    static func json(_ url: URL) throws -> [String: Any] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "cannot read: \(error.localizedDescription)")
        }
        do {
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "not a JSON object")
            }
            return object
        } catch let error as KnowledgeFileError {
            throw error
        } catch {
            throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "not valid JSON (\(error.localizedDescription))")
        }
    }

    static func readCountries(_ url: URL) throws -> [String: Country] {
        var result: [String: Country] = [:]
        for (key, value) in try json(url) {
            guard let entry = value as? [String: Any], let id = entry["geonameid"] as? Int, let name = entry["name"] as? String,
                let iso3 = entry["iso3"] as? String
            else { continue }
            result[key] = Country(
                id: id, iso2: key, iso3: iso3, name: name, capital: entry["capital"] as? String ?? "",
                population: entry["population"] as? Int ?? 0)
        }
        return result
    }

    static func readCities(_ url: URL, issues: inout [KnowledgeFileError]) throws -> [City] {
        var cities: [City] = []
        for (key, value) in try json(url) {
            guard let entry = value as? [String: Any], let id = entry["geonameid"] as? Int, let name = entry["name"] as? String,
                let latitude = (entry["latitude"] as? NSNumber)?.doubleValue, let longitude = (entry["longitude"] as? NSNumber)?.doubleValue,
                let country = entry["countrycode"] as? String, (-90...90).contains(latitude), (-180...180).contains(longitude),
                !name.contains("\t"), !name.contains("\n")
            else {
                issues.append(KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "entry \(key.prefix(40)): missing or bad id, name, country or coordinates; skipped"))
                continue
            }
            cities.append(
                City(
                    id: id, name: name, country: country, admin1: entry["admin1code"] as? String ?? "", latitude: latitude,
                    longitude: longitude, population: entry["population"] as? Int ?? 0,
                    alternates: entry["alternatenames"] as? [String] ?? []))
        }
        return cities.sorted { $0.id < $1.id }
    }

    static func readAdmin1(_ url: URL, issues: inout [KnowledgeFileError]) throws -> [Region] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw KnowledgeFileError(file: url.lastPathComponent, line: 0, message: "cannot read as UTF-8: \(error.localizedDescription)")
        }
        var regions: [Region] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 4, fields[0].contains("."), let id = Int(fields[3].trimmingCharacters(in: .whitespacesAndNewlines)),
                !fields[1].isEmpty
            else {
                issues.append(KnowledgeFileError(file: url.lastPathComponent, line: number + 1, message: "expected CODE<TAB>name<TAB>ascii name<TAB>geonameid; skipped"))
                continue
            }
            regions.append(Region(id: id, code: String(fields[0]), name: String(fields[1]), ascii: String(fields[2])))
        }
        return regions
    }

    static func readContinents(_ url: URL) throws -> [Continent] {
        try json(url).compactMap { _, value in
            guard let entry = value as? [String: Any], let id = entry["geonameId"] as? Int, let name = entry["asciiName"] as? String,
                let lat = Double("\(entry["lat"] ?? "")"), let lon = Double("\(entry["lng"] ?? "")")
            else { return nil }
            return Continent(id: id, name: name, latitude: lat, longitude: lon, population: entry["population"] as? Int ?? 0)
        }.sorted { $0.id < $1.id }
    }

    /// The countries' names, aliases, former names, adjectives and demonyms from the shipped
    /// actor file, by ISO code: news geoparsing counts "Russian" in "Russian troops" as a toponym.
    static func knowledgeBaseCountryNames() throws -> [String: [String]] {
        guard let folder = Bundle.module.url(forResource: "actors", withExtension: nil) else { return [:] }
        let table = try TabularFile(url: folder.appendingPathComponent("countries.tsv"))
        let iso = try table.column("iso2")
        let columns = try ["name", "aliases", "former_names", "adjectives", "demonyms"].map(table.column)
        var result: [String: [String]] = [:]
        for row in table.rows where !row[iso].isEmpty {
            result[String(row[iso])] = columns.flatMap { row.list($0) }
        }
        return result
    }

    /// The team's reference points for countries and regions whose derived point would mislead.
    static func teamPoints(_ file: String, key: String) throws -> [String: (Double, Double)] {
        guard let folder = Bundle.module.url(forResource: "gazetteer", withExtension: nil) else { return [:] }
        let table = try TabularFile(url: folder.appendingPathComponent(file))
        let c = try [key, "latitude", "longitude"].map(table.column)
        var result: [String: (Double, Double)] = [:]
        for row in table.rows {
            guard let lat = Double(row[c[1]]), let lon = Double(row[c[2]]) else {
                throw KnowledgeFileError(file: table.name, line: row.line, message: "bad coordinates")
            }
            result[String(row[c[0]])] = (lat, lon)
        }
        return result
    }

    // MARK: - Writing

    static func boxCentre(_ cities: [City]) -> (Double, Double)? {
        guard let first = cities.first else { return nil }
        var minLat = first.latitude, maxLat = first.latitude, minLon = first.longitude, maxLon = first.longitude
        for city in cities {
            minLat = min(minLat, city.latitude)
            maxLat = max(maxLat, city.latitude)
            minLon = min(minLon, city.longitude)
            maxLon = max(maxLon, city.longitude)
        }
        return ((minLat + maxLat) / 2, (minLon + maxLon) / 2)
    }

    /// Capitalised Latin-script alternate names of 2–40 characters, one per folded spelling.
    static func latinAlternates(_ city: City) -> [String] {
        var seen: Set<String> = [TokenScanner.fold(city.name)]
        var kept: [String] = []
        for name in city.alternates where (2...40).contains(name.count) && !name.contains("\t") && !name.contains("|") {
            guard name.unicodeScalars.allSatisfy({ $0.value < 0x250 || (0x1E00..<0x1F00).contains($0.value) }) else { continue }
            // Real names are capitalised: "ming si ke" is a romanised Chinese spelling, "MSQ" an airport code.
            guard let first = name.first, first.isUppercase else { continue }
            if name.count <= 4, !name.contains(where: \.isLowercase) { continue }
            if seen.insert(TokenScanner.fold(name)).inserted { kept.append(name) }
        }
        return kept
    }

    static func line(
        _ id: String, _ kind: PlaceKind, _ name: String, _ country: String, _ admin1: String, _ point: (Double, Double),
        _ population: Int, _ capital: Bool, _ names: [String]
    ) -> String {
        let clean = names.filter { !$0.contains("\t") && !$0.contains("|") && !$0.contains("\n") }
        return [
            id, kind.rawValue, name, country, admin1, String(format: "%.4f", point.0), String(format: "%.4f", point.1),
            String(population), capital ? "1" : "", clean.joined(separator: "|"),
        ].joined(separator: "\t")
    }
}
