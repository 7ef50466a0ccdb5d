import FaultlineIngest
import FaultlineModel
import FaultlineTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every kind of bad input gives a failure that names the input and says why; none crashes.
@Suite("Bad input")
struct BadInputTests {
    let reader = ArticleReader(loader: ByteLoader(maxBytes: 1024 * 1024))

    func write(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func failure(_ bytes: [UInt8], name: String) throws -> IngestFailure? {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write(bytes, name, in: folder)
        let result = reader.read(path: path)
        #expect(result.articles.isEmpty)
        #expect(result.failures.first?.origin == path)
        return result.failures.first
    }

    @Test("an empty file is reported as empty")
    func empty() throws {
        #expect(try failure([], name: "empty.txt")?.code == .empty)
        #expect(try failure(Array("  \n\n\t ".utf8), name: "blank.txt")?.code == .empty)
    }

    @Test("a binary file is reported as binary, named by kind when known")
    func binary() throws {
        let pdf = try failure(Array("%PDF-1.7\n".utf8) + [0, 1, 2, 3], name: "report.txt")
        #expect(pdf?.code == .binary)
        #expect(pdf?.message.contains("PDF") == true)
        var noise = [UInt8](repeating: 0, count: 4096)
        for i in noise.indices { noise[i] = UInt8(truncatingIfNeeded: i &* 7919) }
        #expect(try failure(noise, name: "noise.html")?.code == .binary)
    }

    @Test("a file over the size limit is refused before it is read")
    func tooLarge() throws {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 1024 * 1024 + 1)
        let result = try failure(big, name: "big.txt")
        #expect(result?.code == .tooLarge)
        #expect(result?.message.contains("limit") == true)
    }

    @Test("a gzip file that inflates past the limit is stopped (a gzip bomb)")
    func gzipBomb() throws {
        let zeros = [UInt8](repeating: UInt8(ascii: "a"), count: 8 * 1024 * 1024)
        #expect(try failure(try gzip(zeros), name: "bomb.txt.gz")?.code == .tooLarge)
    }

    @Test("a truncated gzip file is reported as truncated")
    func truncatedGzip() throws {
        let compressed = try gzip(Array(String(repeating: "Belarus closed the border. ", count: 2000).utf8))
        let cut = Array(compressed.prefix(compressed.count / 2))
        #expect(try failure(cut, name: "cut.html.gz")?.code == .truncatedGzip)
    }

    @Test("a whole gzip file is read")
    func goodGzip() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write(try gzip(Array("<html><body><p>Inside a gzip.</p></body></html>".utf8)), "page.html.gz", in: folder)
        #expect(reader.read(path: path).articles.first?.text == "Inside a gzip.")
    }

    @Test("invalid UTF-8 is read as Windows-1252 with a warning, not lost")
    func invalidUTF8() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try write(Array("Na".utf8) + [0xEF, 0x76, 0x65, 0x20, 0x93, 0x71, 0x94, 0x2E], "latin.txt", in: folder)
        let result = reader.read(path: path)
        #expect(result.articles.first?.text == "Naïve “q”.")
        #expect(result.articles.first?.warnings.isEmpty == false)
    }

    @Test("a broken link, a missing file and a FIFO are reported, never waited on")
    func unreadable() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("dangling.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.appendingPathComponent("gone.txt").path)
        #expect(reader.read(path: link).failures.first?.code == .notFound)
        #expect(reader.read(path: folder.appendingPathComponent("missing.txt").path).failures.first?.code == .notFound)
        let fifo = folder.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(reader.read(path: fifo).failures.first?.code == .notRegularFile)
        let denied = try write(Array("secret".utf8), "denied.txt", in: folder)
        chmod(denied, 0)
        // Root reads anything; for everyone else an unreadable file is a failure with a reason.
        if getuid() != 0 { #expect(reader.read(path: denied).failures.first?.code == .unreadable) }
    }

    @Test("malformed XML is reported with its line")
    func malformedXML() throws {
        let result = try failure(Array("<?xml version=\"1.0\"?>\n<rss>\n<channel>\n<title>x</title>\n<<<".utf8), name: "bad.rss")
        #expect(result?.code == .malformedXML)
        #expect(result?.message.contains("line") == true)
    }

    /// Compresses with the system's gzip, as a user's files would have been.
    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let folder = try TestPaths.temporaryFolder("gzip")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("plain")
        try Data(bytes).write(to: plain)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c \"$0\" > \"$0.gz\"", plain.path]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: folder.appendingPathComponent("plain.gz")))
    }
}
