import ArgumentParser
import FaultlineSamples
import Foundation

/// The real articles benchmarks run on: the sample corpus's .txt files, and those of a folder
/// the user names (e.g. ../shared/seeds).
enum BenchArticles {
    static func texts(from extra: String?) throws -> [String] {
        var texts: [String] = []
        for folder in [SampleCorpus.directory.appendingPathComponent("txt").path] + (extra.map { [$0] } ?? []) {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? [] where name.hasSuffix(".txt") {
                if let text = try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8) { texts.append(text) }
            }
        }
        guard !texts.isEmpty else { throw ValidationError("no .txt articles found") }
        return texts
    }
}
