import FaultlineTestSupport
import Foundation
import Testing

@Suite("faultline kb and eval geo")
struct KBCommandTests {
    @Test("kb lookup prints the actor, its code on the date and its names")
    func lookup() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli-kb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let in2019 = try cli.run(["kb", "lookup", "Trump", "--date", "2019-05-05"], in: folder)
        #expect(in2019.status == 0, "\(in2019.stderr)")
        #expect(in2019.stdout.contains("person:donald-trump"))
        #expect(in2019.stdout.contains("code on 2019-05-05: USAGOV"))
        let in2022 = try cli.run(["kb", "lookup", "Trump", "--date", "2022-06-01"], in: folder)
        #expect(in2022.stdout.contains("code on 2022-06-01: USAELI"))
        let unknown = try cli.run(["kb", "lookup", "Nobody Atall"], in: folder)
        #expect(unknown.status != 0)
        let badDate = try cli.run(["kb", "lookup", "Trump", "--date", "2019-13-45"], in: folder)
        #expect(badDate.status != 0)
    }

    @Test("kb stats counts actors, roles, places and codes")
    func stats() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli-kb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try cli.run(["kb", "stats"], in: folder)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("roles: "))
        #expect(output.stdout.contains("CAMEO event codes: "))
    }

    @Test("a user's own actor folder is added to the shipped files")
    func userActors() throws {
        let cli = try CommandRunner()
        let folder = try TestPaths.temporaryFolder("cli-kb")
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "id\tname\twikidata\taliases\tnote\nperson:jane-roe\tJane Roe\t\tRoe\t\n".write(
            to: mine.appendingPathComponent("people.tsv"), atomically: true, encoding: .utf8)
        try "person\tcameo\ttitle\torganisation_or_country\tstart\tend\tnote\nperson:jane-roe\tBLRGOV\tMinister\tcountry:blr\t2020-01-01\t\t\n"
            .write(to: mine.appendingPathComponent("roles.tsv"), atomically: true, encoding: .utf8)
        let output = try cli.run(["kb", "lookup", "Roe", "--date", "2021-01-01", "--actors", mine.path], in: folder)
        #expect(output.stdout.contains("code on 2021-01-01: BLRGOV"), "\(output.stdout)\(output.stderr)")
        try "id\tname\twikidata\taliases\tnote\nbroken\n".write(to: mine.appendingPathComponent("people.tsv"), atomically: true, encoding: .utf8)
        let broken = try cli.run(["kb", "lookup", "Roe", "--actors", mine.path], in: folder)
        #expect(broken.status != 0)
        #expect(broken.stderr.contains("people.tsv:2"))
    }
}
