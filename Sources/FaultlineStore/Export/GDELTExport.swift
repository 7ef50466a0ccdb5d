import Foundation

/// Events as rows of the GDELT 2.0 event table: the 61 tab-separated columns of its codebook,
/// in its order, without a header (as GDELT's own files), so tools that read GDELT read these.
///
/// Columns Faultline has no value for stay empty: the ethnic, religion and known-group codes,
/// IsRootEvent, AvgTone, the actors' own locations, and the FIPS 10-4 country and ADM codes of
/// the action's place (the gazetteer keeps ISO codes; the place's name, type and coordinates
/// are filled). Each row is one mention in one article, so NumMentions, NumSources and
/// NumArticles are 1: Faultline does not merge reports across documents yet.
///
/// ```swift
/// let gdelt = GDELTExport(countryCodes: ["BLR", "RUS"], places: [:])
/// for event in try store.events() { print(gdelt.line(event)) }
/// ```
public struct GDELTExport: Sendable {
    /// What a place is and its full name, for ActionGeo_Type and ActionGeo_FullName.
    public struct Place: Sendable, Hashable {
        /// 1 country, 2 US state, 3 US city, 4 world city, 5 world state (first-level region).
        public var type: Int?
        /// "Gomel, Gomel Oblast, Belarus".
        public var fullName: String

        public init(type: Int?, fullName: String) {
            self.type = type
            self.fullName = fullName
        }
    }

    public static let columns = [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
        "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode", "Actor2Religion1Code",
        "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
        "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
        "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
        "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ]

    /// CAMEO country codes (`BLR`): an actor code that starts with one is that country's.
    public var countryCodes: Set<String>
    /// By gazetteer id.
    public var places: [String: Place]

    public init(countryCodes: Set<String>, places: [String: Place]) {
        self.countryCodes = countryCodes
        self.places = places
    }

    /// The event's row, tab-separated, without a line break.
    public func line(_ e: StoredEvent) -> String {
        cells(e).map(Self.clean).joined(separator: "\t")
    }

    public func cells(_ e: StoredEvent) -> [String] {
        // The event's first day; an undated event takes its document's date, as GDELT dates
        // events by their article.
        let day = (e.dateFirst ?? e.origin.published).flatMap(Self.day)
        var row: [String] = [String(e.id)]
        if let (y, m, d) = day {
            row += [String(format: "%04d%02d%02d", y, m, d), String(format: "%04d%02d", y, m), String(y), Self.fraction(y, m, d)]
        } else {
            row += ["", "", "", ""]
        }
        row += actor(e.source) + actor(e.target)
        let base = e.code.count > 3 ? String(e.code.prefix(3)) : e.code
        row += ["", e.code, base, e.root, String(e.quad), ExportRecord.number(e.goldstein), "1", "1", "1", ""]
        row += Array(repeating: "", count: 16)  // the actors' locations
        if let p = e.place {
            let known = places[p.id]
            row += [
                known?.type.map(String.init) ?? "", known?.fullName ?? p.name ?? "", "", "", "",
                p.latitude.map(ExportRecord.number) ?? "", p.longitude.map(ExportRecord.number) ?? "", "",
            ]
        } else {
            row += Array(repeating: "", count: 8)
        }
        row += [Self.dateAdded(e.origin.ingestedAt), e.origin.url ?? e.origin.origin]
        assert(row.count == Self.columns.count, "a GDELT row has \(Self.columns.count) columns")
        return row
    }

    /// Code, name, country, known group, ethnic, two religions, three types.
    private func actor(_ a: StoredActor?) -> [String] {
        guard let a, let code = a.code else { return [a?.code ?? "", a?.name?.uppercased() ?? ""] + Array(repeating: "", count: 8) }
        var chunks: [String] = stride(from: 0, to: code.count, by: 3).map { start in
            let from = code.index(code.startIndex, offsetBy: start)
            return String(code[from..<(code.index(from, offsetBy: 3, limitedBy: code.endIndex) ?? code.endIndex)])
        }
        var country = ""
        var types: [String] = []
        // Only a code led by a country splits into GDELT's parts; others are left whole.
        if let first = chunks.first, countryCodes.contains(first) {
            country = first
            chunks.removeFirst()
            types = Array(chunks.prefix(3))
        }
        types += Array(repeating: "", count: 3 - types.count)
        return [code, a.name?.uppercased() ?? "", country, "", "", "", ""] + types
    }

    /// `(2024, 5, 24)` from `2024-05-24`.
    static func day(_ value: String) -> (Int, Int, Int)? {
        let parts = value.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    /// GDELT's FractionDate: the year plus the part of it gone by that day, four decimals.
    static func fraction(_ y: Int, _ m: Int, _ d: Int) -> String {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        let dayOfYear = before[max(0, min(11, m - 1))] + d + (leap && m > 2 ? 1 : 0)
        return String(format: "%.4f", Double(y) + Double(dayOfYear) / (leap ? 366 : 365))
    }

    /// `YYYYMMDDHHMMSS` from an ISO 8601 stamp.
    static func dateAdded(_ iso: String) -> String {
        String(iso.unicodeScalars.filter { $0.properties.numericType != nil && $0.isASCII }.prefix(14).map(Character.init))
    }

    /// A cell without tabs or line breaks, which would split the row.
    static func clean(_ cell: String) -> String {
        guard cell.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return String(String.UnicodeScalarView(cell.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}
