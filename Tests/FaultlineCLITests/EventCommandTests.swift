import FaultlineTestSupport
import Foundation
import Testing

/// `faultline events`, `claims`, `timeline` and `reextract`, run as a user would on the seeds.
@Suite("Event and claim commands")
struct EventCommandTests {
    func lines(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// The seeds ingested into a fresh folder's faultline.db.
    func seeded() throws -> (CommandRunner, URL) {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli-events")
        let ingest = try cli.run(["ingest", try TestPaths.shared("seeds").path], in: folder)
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        #expect(ingest.stdout.contains("Extracted "))
        return (cli, folder)
    }

    @Test("events and claims --format jsonl carry document, sentence and spans that slice the stored text to their words")
    func jsonlSpansSliceTheStoredText() throws {
        let (cli, folder) = try seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        var texts: [String: [Unicode.Scalar]] = [:]
        func text(_ document: String) throws -> [Unicode.Scalar] {
            if let known = texts[document] { return known }
            let shown = try lines(try cli.run(["show", "--json", document], in: folder).stdout.replacingOccurrences(of: "\n", with: " "))
            let scalars = Array(try #require(shown.first?["text"] as? String).unicodeScalars)
            texts[document] = scalars
            return scalars
        }
        func slice(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String { String(String.UnicodeScalarView(s[a..<b])) }

        let events = try lines(try cli.run(["events", "--format", "jsonl"], in: folder).stdout)
        #expect(events.count > 0)
        let fixed = [
            "id", "document", "sentence", "start", "end", "trigger", "code", "root", "plover", "goldstein", "quad", "source", "target",
            "source_actor", "target_actor", "date", "place", "status", "attributed_to", "text",
        ]
        for e in events {
            for key in fixed { #expect(e.keys.contains(key), "\(key)") }
            let document = try #require(e["document"] as? String)
            #expect(e["sentence"] is Int)
            let start = try #require(e["start"] as? Int), end = try #require(e["end"] as? Int)
            let from = try #require(e["sentence_start"] as? Int), to = try #require(e["sentence_end"] as? Int)
            let scalars = try text(document)
            #expect(slice(scalars, start, end) == e["trigger"] as? String)
            #expect(from <= start && end <= to)
            #expect(slice(scalars, from, to) == e["text"] as? String)
        }
        let claims = try lines(try cli.run(["claims", "--format", "jsonl"], in: folder).stdout)
        #expect(claims.count > 0)
        for c in claims {
            let document = try #require(c["document"] as? String)
            #expect(c["sentence"] is Int)
            let start = try #require(c["start"] as? Int), end = try #require(c["end"] as? Int)
            let from = try #require(c["sentence_start"] as? Int), to = try #require(c["sentence_end"] as? Int)
            let scalars = try text(document)
            #expect(slice(scalars, start, end) == c["content"] as? String)
            #expect(from <= start && end <= to || c["direct"] as? Bool == true, "reported speech lies in its sentence")
            #expect(slice(scalars, from, to) == c["text"] as? String)
        }
    }

    @Test("csv, gdelt, filters, timeline and reextract on the seeds")
    func formatsAndCommands() throws {
        let (cli, folder) = try seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        let jsonl = try cli.run(["events", "--format", "jsonl"], in: folder).stdout
        let events = try lines(jsonl)

        let csv = try cli.run(["events", "--format", "csv"], in: folder)
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("id,document,sentence,start,end,trigger,code,root,plover,goldstein,quad,source,target,"))
        #expect(csv.stdout.hasSuffix("\r\n"))

        let gdelt = try cli.run(["events", "--format", "gdelt"], in: folder)
        #expect(gdelt.status == 0, "\(gdelt.stderr)")
        let rows = gdelt.stdout.split(separator: "\n")
        #expect(rows.count == events.count)
        #expect(rows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 61 })

        let blr = try lines(try cli.run(["events", "--format", "jsonl", "--actor", "Belarus"], in: folder).stdout)
        #expect(!blr.isEmpty)
        #expect(blr.allSatisfy { e in
            ["source", "target"].contains { (e[$0] as? String)?.hasPrefix("BLR") == true }
                || ["source_actor", "target_actor"].contains { e[$0] as? String == "country:blr" }
        })
        let byCode = try lines(try cli.run(["events", "--format", "jsonl", "--actor", "BLR"], in: folder).stdout)
        #expect(Set(byCode.compactMap { $0["id"] as? Int }).isSubset(of: Set(blr.compactMap { $0["id"] as? Int })))
        let limited = try lines(try cli.run(["events", "--format", "jsonl", "--limit", "2", "--status", "asserted"], in: folder).stdout)
        #expect(limited.count <= 2)
        #expect(limited.allSatisfy { $0["status"] as? String == "asserted" })
        let badStatus = try cli.run(["events", "--status", "maybe"], in: folder)
        #expect(badStatus.status != 0)
        #expect(badStatus.stderr.contains("--status"))
        let unknown = try cli.run(["events", "--actor", "Nowhereland Republic"], in: folder)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no actor named"))

        let timeline = try cli.run(["timeline", "Belarus"], in: folder)
        #expect(timeline.status == 0, "\(timeline.stderr)")
        #expect(timeline.stdout.contains("== By month"))
        #expect(timeline.stdout.contains("GOLDSTEIN"))
        let months = try lines(try cli.run(["timeline", "BLR", "--json"], in: folder).stdout)
        #expect(months.compactMap { $0["events"] as? Int }.reduce(0, +) == byCode.count)

        let table = try cli.run(["claims"], in: folder)
        #expect(table.status == 0)
        #expect(table.stdout.contains("SPEAKER"))

        let reextract = try cli.run(["reextract", "--jobs", "2"], in: folder)
        #expect(reextract.status == 0, "\(reextract.stderr)")
        #expect(reextract.stdout.hasPrefix("Re-extracted 5 documents: \(events.count) events"))
        #expect(try cli.run(["events", "--format", "jsonl"], in: folder).stdout == jsonl)
        let one = try cli.run(["reextract", "--document", String((events.first?["document"] as? String ?? "").prefix(6))], in: folder)
        #expect(one.stdout.hasPrefix("Re-extracted 1 document:"))
    }

    @Test("show lists a document's events and claims, the same ones events and claims --document give")
    func showListsEventsAndClaims() throws {
        let (cli, folder) = try seeded()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try lines(try cli.run(["events", "--format", "jsonl"], in: folder).stdout)
        let document = try #require(events.first?["document"] as? String)
        let own = events.filter { $0["document"] as? String == document }
        let claims = try lines(try cli.run(["claims", "--format", "jsonl", "--document", document], in: folder).stdout)
        let shown = try cli.run(["show", document], in: folder)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("events (\(own.count)):"))
        #expect(shown.stdout.contains("claims (\(claims.count)):"))
        for e in own { #expect(shown.stdout.contains(try #require(e["trigger"] as? String))) }
    }
}
