import Foundation

/// Where the tests find the repository and the shared data beside it.
public enum TestPaths {
    /// The repository root (the folder holding Package.swift).
    public static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("cannot find the repository root above \(#filePath)")
    }()

    /// `../shared` beside the repository: the seeds, the gold data and the scorers.
    public static var shared: URL { repository.deletingLastPathComponent().appendingPathComponent("shared") }

    public struct SharedMissing: Error, CustomStringConvertible {
        public var path: String
        public var description: String {
            "this test reads \(path), which is missing: check out the project with ../shared beside it"
        }
    }

    /// A folder or file under `../shared`, or an error saying clearly that it is missing.
    public static func shared(_ relative: String) throws -> URL {
        let url = shared.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else { throw SharedMissing(path: url.path) }
        return url
    }

    /// A fresh temporary folder, removed by the caller's `defer`.
    public static func temporaryFolder(_ name: String = "faultline-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
