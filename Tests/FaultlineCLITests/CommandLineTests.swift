import FaultlineTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The `faultline` command, run as a separate process on real files and a real store.
@Suite("The faultline command")
struct CommandLineTests {
    struct Doc: Decodable {
        var id: String
        var origin: String
        var title: String?
        var authors: [String]
        var published: String?
        var outlet: String?
        var duplicate_of: String?
    }

    func docs(_ output: String) throws -> [Doc] {
        try output.split(separator: "\n").map { try JSONDecoder().decode(Doc.self, from: Data($0.utf8)) }
    }

    @Test("ingest ../shared/seeds stores 5 documents, and docs --json lists them with their metadata")
    func seeds() throws {
        let seeds = try TestPaths.shared("seeds")
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ingest = try cli.run(["ingest", seeds.path], in: folder)
        #expect(ingest.status == 0, "\(ingest.stdout)\(ingest.stderr)")
        #expect(ingest.stdout.contains("5 new"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("faultline.db").path))
        let listed = try docs(try cli.run(["docs", "--json"], in: folder).stdout)
        #expect(listed.count == 5)
        let byFile = Dictionary(uniqueKeysWithValues: listed.map { (String(($0.origin as NSString).lastPathComponent.prefix(4)), $0) })
        #expect(byFile["001_"]?.published == "2019-09-05")
        #expect(byFile["001_"]?.outlet == "Global Research")
        #expect(byFile["002_"]?.title == "Trump Is Twisting Putin's Arm Through Belarus' President Lukashenko")
        #expect(byFile["000_"]?.authors == ["Andrew Korybko"])
        #expect(byFile["004_"]?.authors == ["Jack Buckby"])
        #expect(byFile["003_"]?.authors.contains("Nick Taylor-Vaisey") == true)

        let again = try cli.run(["ingest", seeds.path], in: folder)
        #expect(again.stdout.contains("0 new"))
        #expect(try docs(try cli.run(["docs", "--json"], in: folder).stdout).count == 5)

        let search = try cli.run(["search", "ammunition trains"], in: folder)
        #expect(search.stdout.hasPrefix("1. \(byFile["004_"]!.id)"))
        #expect(search.stdout.contains("["))

        let since = try docs(try cli.run(["docs", "--json", "--since", "2024"], in: folder).stdout)
        #expect(since.map(\.id) == [byFile["000_"]!.id])
        let show = try cli.run(["show", String(byFile["004_"]!.id.prefix(6))], in: folder)
        #expect(show.stdout.contains("Jack Buckby"))
    }

    @Test("--db and FAULTLINE_DB choose the store file")
    func storeChoice() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Kyiv Says Drones Downed\n\nUkraine said it downed 30 drones overnight.".utf8).write(to: folder.appendingPathComponent("a.txt"))
        #expect(try cli.run(["ingest", "--db", "chosen.db", "a.txt"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("chosen.db").path))
        #expect(try cli.run(["ingest", "a.txt"], in: folder, environment: ["FAULTLINE_DB": "env.db"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("env.db").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("faultline.db").path))
    }

    @Test("a failed file makes the exit status 1, names the file and the reason, and the good file is stored")
    func failureStatus() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Minsk Protests\n\nThousands marched in Minsk on Sunday.".utf8).write(to: folder.appendingPathComponent("good.txt"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        let result = try cli.run(["ingest", "good.txt", "empty.txt"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("empty.txt: empty file"))
        #expect(try docs(try cli.run(["docs", "--json"], in: folder).stdout).count == 1)
    }

    @Test("- reads an article from standard input")
    func standardInput() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try cli.run(["ingest", "-"], in: folder, input: "Piped Headline\n\nBy Ana Reyes\n\nText that came through a pipe.")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let listed = try docs(try cli.run(["docs", "--json"], in: folder).stdout)
        #expect(listed.first?.origin == "-")
        #expect(listed.first?.authors == ["Ana Reyes"])
    }

    @Test("demo ingests the bundled corpus into a fresh store and prints it")
    func demo() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        for _ in 0..<2 {
            let result = try cli.run(["demo"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("12 new, 1 near-duplicate, 0 already stored, 0 failed, 0 skipped"))
            #expect(result.stdout.contains("Meridian Wire"))
            #expect(result.stdout.contains("== Events (faultline events"))
            #expect(result.stdout.contains("== Claims (faultline claims"))
        }
        let listed = try docs(try cli.run(["docs", "--json", "--db", "faultline-demo.db"], in: folder).stdout)
        #expect(listed.count == 13)
        #expect(listed.allSatisfy { $0.origin.hasPrefix("demo/") })
    }

    @Test("a run killed mid-way keeps every batch it committed, and a rerun completes it")
    func crashKeepsCommittedWork() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        let count = 3_000
        for i in 0..<count {
            let text = "Report \(i)\n\nUnit \(i) of the border service moved \(i % 41) vehicles to checkpoint \(i % 17), a spokesman in region \(i) said."
            try Data(text.utf8).write(to: inputs.appendingPathComponent(String(format: "%05d.txt", i)))
        }
        // Without extraction: what is checked is the transactions, and 3,000 files would take
        // a debug build minutes to extract.
        let process = try cli.start(["ingest", "--no-extract", "--jobs", "1", "in"], in: folder)
        let db = folder.appendingPathComponent("faultline.db").path
        var seen = 0
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            usleep(20_000)
            seen = (try? countDocuments(db)) ?? 0
            if seen > 0 { break }
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let kept = try countDocuments(db)
        #expect(kept >= seen)
        #expect(try sqlite(db, "PRAGMA integrity_check") == "ok")
        let rerun = try cli.run(["ingest", "--no-extract", "in"], in: folder)
        #expect(rerun.status == 0)
        #expect(try countDocuments(db) == count)
    }

    func countDocuments(_ db: String) throws -> Int {
        Int(try sqlite(db, "SELECT COUNT(*) FROM document")) ?? -1
    }

    /// Asks the sqlite3 shell, a separate reader, as a user inspecting the file would.
    func sqlite(_ db: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", db, sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
