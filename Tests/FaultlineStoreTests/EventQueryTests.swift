import FaultlineExtract
@testable import FaultlineStore
import FaultlineTestSupport
import Foundation
import Testing

/// Each filter of `faultline events` and `claims` keeps exactly the rows it says it keeps.
@Suite("Event and claim filters")
struct EventQueryTests {
    func all() throws -> (SQLiteStore, [StoredEvent]) {
        let seeded = try SeedStore.shared.get()
        return (seeded.store, try seeded.store.events())
    }

    func ids(_ events: [StoredEvent]) -> Set<Int64> { Set(events.map(\.id)) }

    func hasPrefix(_ a: StoredActor?, _ prefix: String) -> Bool { a?.code?.hasPrefix(prefix) == true }

    @Test("--actor with a code prefix matches the source or the target")
    func actorCodePrefix() throws {
        let (store, events) = try all()
        var query = EventQuery()
        query.actor = ActorFilter(codePrefixes: ["BLR"])
        let found = try store.events(query)
        #expect(!found.isEmpty)
        #expect(ids(found) == ids(events.filter { hasPrefix($0.source, "BLR") || hasPrefix($0.target, "BLR") }))
    }

    @Test("--actor with a knowledge-base id, --source and --target")
    func actorIDs() throws {
        let (store, events) = try all()
        let known = events.compactMap { $0.source?.actor }
        let id = try #require(known.first)
        var query = EventQuery()
        query.actor = ActorFilter(ids: [id])
        #expect(ids(try store.events(query)) == ids(events.filter { $0.source?.actor == id || $0.target?.actor == id }))
        query = EventQuery()
        query.source = ActorFilter(ids: [id])
        #expect(ids(try store.events(query)) == ids(events.filter { $0.source?.actor == id }))
        query = EventQuery()
        query.target = ActorFilter(ids: [id])
        #expect(ids(try store.events(query)) == ids(events.filter { $0.target?.actor == id }))
    }

    @Test("a dyad keeps the events between two actors, either way round")
    func dyad() throws {
        let (store, events) = try all()
        let pair = try #require(events.first { $0.source?.code != nil && $0.target?.code != nil })
        let a = String(pair.source!.code!.prefix(3)), b = String(pair.target!.code!.prefix(3))
        var query = EventQuery()
        query.actor = ActorFilter(codePrefixes: [a])
        query.counterpart = ActorFilter(codePrefixes: [b])
        let expected = events.filter {
            (hasPrefix($0.source, a) && hasPrefix($0.target, b)) || (hasPrefix($0.source, b) && hasPrefix($0.target, a))
        }
        #expect(ids(try store.events(query)) == ids(expected))
        #expect(ids(expected).contains(pair.id))
    }

    @Test("--code, --root, --status, --place and --document")
    func simpleFilters() throws {
        let (store, events) = try all()
        let sample = try #require(events.first { $0.place != nil } ?? events.first)
        var query = EventQuery()
        query.code = String(sample.code.prefix(3))
        #expect(ids(try store.events(query)) == ids(events.filter { $0.code.hasPrefix(sample.code.prefix(3)) }))
        query = EventQuery()
        query.root = sample.root
        #expect(ids(try store.events(query)) == ids(events.filter { $0.root == sample.root }))
        for status in ["asserted", "reported"] {
            query = EventQuery()
            query.status = status
            #expect(ids(try store.events(query)) == ids(events.filter { $0.status == status }))
        }
        if let place = sample.place {
            query = EventQuery()
            query.place = place.name
            #expect(ids(try store.events(query)) == ids(events.filter { $0.place?.name == place.name || $0.place?.id == place.name }))
        }
        query = EventQuery()
        query.document = String(sample.document.prefix(5))
        #expect(ids(try store.events(query)) == ids(events.filter { $0.document.hasPrefix(sample.document.prefix(5)) }))
        query.limit = 1
        #expect(try store.events(query).count == 1)
    }

    @Test("--since and --until keep events whose dates overlap the range; a month covers all its days", arguments: [
        ("2024-05", "2024-05"), ("2024", nil), (nil, "2019-12"), ("2019-05-05", "2019-09-05"),
    ] as [(String?, String?)])
    func dates(since: String?, until: String?) throws {
        let (store, events) = try all()
        var query = EventQuery()
        query.since = since
        query.until = until
        let expected = events.filter { e in
            guard let first = e.dateFirst, let last = e.dateLast else { return false }
            if let since, last < since { return false }
            if let until, first > until, !first.hasPrefix(until) { return false }
            return true
        }
        #expect(ids(try store.events(query)) == ids(expected))
    }

    @Test("the monthly trend counts the actor's events by month, with their mean Goldstein value")
    func monthlyTrend() throws {
        let (store, _) = try all()
        var query = EventQuery()
        query.actor = ActorFilter(codePrefixes: ["BLR"])
        let events = try store.events(query)
        let months = try store.monthlyTrend(query)
        #expect(months.map(\.events).reduce(0, +) == events.count)
        for month in months where month.period.count == 7 && month.period != "undated" {
            let these = events.filter { $0.dateFirst?.hasPrefix(month.period) == true && $0.dateLast?.hasPrefix(month.period) == true }
            #expect(these.count == month.events)
            #expect(abs(these.map(\.goldstein).reduce(0, +) / Double(these.count) - month.meanGoldstein) < 1e-9)
            #expect(month.asSource == these.filter { hasPrefix($0.source, "BLR") }.count)
        }
    }

    @Test("claims by speaker, by direct or reported speech, and by document")
    func claimFilters() throws {
        let seeded = try SeedStore.shared.get()
        let claims = try seeded.store.claims()
        var query = ClaimQuery()
        query.direct = true
        #expect(Set(try seeded.store.claims(query).map(\.id)) == Set(claims.filter(\.direct).map(\.id)))
        query.direct = false
        #expect(Set(try seeded.store.claims(query).map(\.id)) == Set(claims.filter { !$0.direct }.map(\.id)))
        if let speaker = claims.first(where: { $0.speaker?.actor != nil })?.speaker?.actor {
            query = ClaimQuery()
            query.speaker = ActorFilter(ids: [speaker])
            #expect(Set(try seeded.store.claims(query).map(\.id)) == Set(claims.filter { $0.speaker?.actor == speaker }.map(\.id)))
        }
        if let words = claims.compactMap({ $0.speaker?.text }).first {
            query = ClaimQuery()
            query.speakerText = words
            let found = try seeded.store.claims(query)
            #expect(!found.isEmpty)
            #expect(found.allSatisfy { $0.speaker?.text?.localizedCaseInsensitiveContains(words) == true || $0.speaker?.name?.localizedCaseInsensitiveContains(words) == true })
        }
        query = ClaimQuery()
        let document = try #require(claims.first?.document)
        query.document = String(document.prefix(6))
        #expect(Set(try seeded.store.claims(query).map(\.id)) == Set(claims.filter { $0.document.hasPrefix(document.prefix(6)) }.map(\.id)))
    }
}

@Suite("Export formats")
struct ExportFormatTests {
    /// Reads RFC 4180 text back into rows of cells.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { cell.unicodeScalars.append(scalars.removeFirst()) } else { quoted = false }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell)
                cell = ""
            } else if c == "\r", scalars.first == "\n" {
                scalars.removeFirst()
                row.append(cell)
                rows.append(row)
                (row, cell) = ([], "")
            } else {
                cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { rows.append(row + [cell]) }
        return rows
    }

    @Test("CSV quotes cells with commas, quotes and line breaks, doubles quotes, and reads back the same", arguments: [
        ["plain", "a,b", "say \"no\"", "two\nlines", "cr\rhere", "crlf\r\nhere", "", "\"", ",", "trailing "],
        ["Minsk, Belarus", "“curly” and \"straight\"", "tab\there", "ünïcödé, 🇧🇾"],
    ])
    func csvQuoting(cells: [String]) {
        let line = CSV.line(cells)
        #expect(Self.parseCSV(line + CSV.lineBreak) == [cells])
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"no\"") == "\"say \"\"no\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("plain") == "plain")
    }

    @Test("an event whose words hold commas, quotes and line breaks exports to CSV and JSON Lines alike")
    func hostileEventRow() throws {
        let folder = try TestPaths.temporaryFolder("store-hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("hostile.txt")
        let text = "Border \"Incident\", Report\n\nOn 24 May, Belarusian troops \"attacked\" a Ukrainian checkpoint, officials said; \"we will respond,\"\nthe minister warned."
        try Data(text.utf8).write(to: input)
        let store = try SQLiteStore(path: folder.appendingPathComponent("faultline.db").path)
        _ = try Ingestor(store: store, models: try SharedModels.get()).run(paths: [input.path])
        let events = try store.events()
        let claims = try store.claims()
        #expect(!events.isEmpty || !claims.isEmpty)
        let records = events.map(EventExport.record) + claims.map(ClaimExport.record)
        for record in records {
            let cells = Self.parseCSV(record.csvLine + CSV.lineBreak)
            #expect(cells.count == 1)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(record.jsonLine.utf8)) as? [String: Any])
            #expect(cells.first?.count == record.fields.count)
            for (cell, field) in zip(cells.first ?? [], record.fields) {
                #expect(cell == ExportRecord.plain(field.value))
                if case .string(let s) = field.value { #expect(json[field.name] as? String == s) }
            }
        }
        #expect(records.contains { $0.csvLine.contains("\"\"") }, "some cell held a quote")
    }

    @Test("a GDELT row has the codebook's 61 columns, with dates, codes and the action's place")
    func gdeltRow() throws {
        let seeded = try SeedStore.shared.get()
        let events = try seeded.store.events()
        let gdelt = GDELTExport(countryCodes: ["BLR", "RUS", "UKR", "USA"], places: [:])
        #expect(GDELTExport.columns.count == 61)
        for e in events {
            let cells = gdelt.line(e).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            #expect(cells.count == 61)
            #expect(cells[0] == String(e.id))
            #expect(cells[26] == e.code)
            #expect(cells[28] == e.root)
            if let first = e.dateFirst { #expect(cells[1] == first.replacingOccurrences(of: "-", with: "")) }
            if let code = e.source?.code, code.hasPrefix("BLR") { #expect(cells[7] == "BLR") }
            #expect(cells[59].count == 14 || cells[59].isEmpty)
        }
        #expect(GDELTExport.fraction(2024, 12, 31) == "2025.0000")
        #expect(GDELTExport.fraction(2019, 1, 25) == "2019.0685")
    }
}
