import Foundation

/// Writes a deterministic corpus of news-like articles for benchmarks: plain-text reposts
/// with bylines and footers, and saved pages with metadata, about 450 words each.
struct SyntheticCorpus {
    var count: Int
    var seed: UInt64 = 0x5EED
    private var state: UInt64 = 0

    init(count: Int, seed: UInt64 = 0x5EED) {
        self.count = count
        self.seed = seed
    }

    private static let actors = [
        "Belarus", "Russia", "Ukraine", "Poland", "Lithuania", "Latvia", "NATO", "the European Union", "Minsk",
        "Moscow", "Kyiv", "Warsaw", "Vilnius", "the Kremlin", "the border service", "the defence ministry",
        "the State Border Committee", "Lukashenko", "the Wagner group", "the Union State",
    ]
    private static let verbs = [
        "accused", "warned", "deployed troops near", "shot down a drone over", "signed an agreement with",
        "imposed sanctions on", "held talks with", "closed checkpoints facing", "moved artillery toward",
        "criticised", "reported increased activity by", "expelled diplomats from", "pledged support to",
        "denied claims by", "threatened", "condemned",
    ]
    private static let places = [
        "Gomel", "Brest", "Grodno", "Mozyr", "Orsha", "Vitebsk", "Chernihiv", "Kharkiv", "Suwałki", "Bialystok",
        "Daugavpils", "Rostov", "Belgorod", "Kursk", "Crimea", "Donbas",
    ]
    private static let hedges = [
        "according to officials", "the ministry said", "local media reported", "the claim could not be verified",
        "analysts said", "a spokesman confirmed", "sources told reporters", "the report alleges",
    ]
    private static let names = [
        "Anna Petrova", "Marek Nowak", "John Carter", "Olena Shevchuk", "Tomas Rimkus", "Ivan Sidorov",
        "Laura Berg", "Peter Hale",
    ]
    private static let outlets = ["Eastern Desk", "Border Monitor", "Policy Wire", "Regional Ledger"]
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// Writes the files and returns their total size in bytes.
    mutating func write(to folder: URL) throws -> Int {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        state = seed
        var bytes = 0
        for i in 0..<count {
            let html = i % 5 == 4
            let article = makeArticle(index: i, html: html)
            let url = folder.appendingPathComponent(String(format: "%05d.%@", i, html ? "html" : "txt"))
            let data = Data(article.utf8)
            try data.write(to: url)
            bytes += data.count
        }
        return bytes
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick(_ list: [String]) -> String { list[Int(next() % UInt64(list.count))] }

    private mutating func sentence() -> String {
        let number = Int(next() % 900) + 10
        return "\(pick(Self.actors).capitalizedFirst) \(pick(Self.verbs)) \(pick(Self.actors)) near \(pick(Self.places)) "
            + "on \(Int(next() % 28) + 1) \(pick(Self.months)), \(pick(Self.hedges)), citing \(number) incidents."
    }

    private mutating func makeArticle(index: Int, html: Bool) -> String {
        let title = "\(pick(Self.actors).capitalizedFirst) \(pick(Self.verbs)) \(pick(Self.actors)) as tensions rise (\(index))"
        let author = pick(Self.names)
        let outlet = pick(Self.outlets)
        let date = "\(pick(Self.months)) \(Int(next() % 28) + 1), \(2019 + Int(next() % 7))"
        var paragraphs: [String] = []
        for _ in 0..<8 {
            paragraphs.append((0..<3).map { _ in sentence() }.joined(separator: " "))
        }
        if html {
            let body = paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
            return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title) | \(outlet)</title>
                <meta property="og:site_name" content="\(outlet)"><meta name="author" content="\(author)">
                <link rel="canonical" href="https://bench.example/\(index)"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>\(title)</h1>
                <p class="byline">By \(author)</p>\(body)</article><footer>© \(outlet)</footer></body></html>
                """
        }
        return "\(title)\n\nBy \(author)\n\n\(outlet), \(date)\n\n" + paragraphs.joined(separator: "\n\n")
            + "\n\nThis article was originally published on \(pick(Self.outlets)).\n\n\(author) is a journalist covering Eastern Europe.\n"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
