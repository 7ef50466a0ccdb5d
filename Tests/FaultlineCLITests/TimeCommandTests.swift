import FaultlineTestSupport
import Foundation
import Testing

@Suite("Time and quantities at the command line")
struct TimeCommandTests {
    @Test("show prints the time anchor, the time expressions and the quantities of a document")
    func show() throws {
        let seeds = try TestPaths.shared("seeds")
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli-time")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try cli.run(["ingest", seeds.path], in: folder)
        let listed = try cli.run(["docs", "--json"], in: folder).stdout.split(separator: "\n")
        let line = try #require(listed.first { $0.contains("003_") })
        let id = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["id"] as? String
        let shown = try cli.run(["show", try #require(id)], in: folder)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("time anchor: 2024-11-01 (inferred from the text"))
        #expect(shown.stdout.contains("2025-01-20"))
        #expect(shown.stdout.contains("574 km²"))
        let json = try cli.run(["show", try #require(id), "--json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["time_anchor"] as? [String: Any])?["inferred"] as? Bool == true)
        #expect((object["timexes"] as? [Any])?.isEmpty == false)
        #expect((object["quantities"] as? [Any])?.isEmpty == false)
    }

    @Test("eval timex scores a TimeML folder with score_timex.py and prints its lines")
    func evalTimex() throws {
        let scorer = try TestPaths.shared("eval/score_timex.py")
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli-eval")
        defer { try? FileManager.default.removeItem(at: folder) }
        let gold = folder.appendingPathComponent("gold")
        try FileManager.default.createDirectory(at: gold, withIntermediateDirectories: true)
        let tml = """
            <?xml version="1.0" ?>
            <TimeML><DOCID>t1</DOCID>
            <DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
            <TEXT>Prices fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> of gains.</TEXT>
            </TimeML>
            """
        try Data(tml.utf8).write(to: gold.appendingPathComponent("t1.tml"))
        let result = try cli.run(["eval", "timex", "--data", gold.path, "--scorer", scorer.path], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 documents, 2 expressions predicted"))
        #expect(result.stdout.contains("value    P 1.000  R 1.000  F1 1.000"))
    }
}
