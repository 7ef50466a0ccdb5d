import Foundation

/// Runs the built `faultline` executable, as a user at a terminal would.
public struct CommandRunner {
    public struct Output {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public struct ExecutableMissing: Error, CustomStringConvertible {
        public var looked: [String]
        public var description: String { "the faultline executable was not built; looked at \(looked.joined(separator: ", "))" }
    }

    public let executable: URL

    /// Finds `faultline` beside the test bundle (where `swift build`/`swift test` put it).
    public init() throws {
        let argument = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates: [URL] = []
        var folder = argument.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("faultline"))
            folder.deleteLastPathComponent()
        }
        candidates.append(TestPaths.repository.appendingPathComponent(".build/debug/faultline"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ExecutableMissing(looked: candidates.map(\.path))
        }
        executable = found
    }

    /// Runs `faultline ARGUMENTS` in `folder`, feeding `input` on standard input.
    public func run(_ arguments: [String], in folder: URL, input: String? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = try start(arguments, in: folder, environment: environment, input: input != nil)
        if let input, let pipe = process.standardInput as? Pipe {
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        }
        // Output goes to files: a pipe could fill up and stall the child.
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: folder.appendingPathComponent(".stdout"), encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: folder.appendingPathComponent(".stderr"), encoding: .utf8)) ?? "")
    }

    /// Starts `faultline ARGUMENTS` in `folder` and returns at once.
    public func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:], input: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "FAULTLINE_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(".stdout").path, contents: nil)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(".stderr").path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: folder.appendingPathComponent(".stdout"))
        process.standardError = try FileHandle(forWritingTo: folder.appendingPathComponent(".stderr"))
        process.standardInput = input ? Pipe() : FileHandle.nullDevice
        try process.run()
        return process
    }
}
