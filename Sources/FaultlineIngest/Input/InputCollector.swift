import Foundation

/// Expands the paths a user names into the files to read: folders recursively, in a
/// stable order, hidden files and unknown types passed over.
///
/// ```swift
/// let inputs = InputCollector.collect(["seeds", "extra/page.html"])
/// inputs.files     // sorted paths
/// inputs.skipped   // files of types Faultline does not read
/// ```
public enum InputCollector {
    public struct Inputs: Sendable {
        /// Files to read, folders' contents sorted by path.
        public var files: [String] = []
        /// Files inside folders that are not of a type Faultline reads.
        public var skipped: [String] = []
        /// Named paths that do not exist or cannot be listed.
        public var failures: [IngestFailure] = []
    }

    public static func collect(_ paths: [String]) -> Inputs {
        var inputs = Inputs()
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A dangling link exists as a name but not as a file.
                let message = (try? manager.destinationOfSymbolicLink(atPath: path)).map { "broken link to \($0)" } ?? "no such file or folder"
                inputs.failures.append(IngestFailure(origin: path, code: .notFound, message: message))
                continue
            }
            guard isDirectory.boolValue else {
                // A file named on the command line is read whatever its extension.
                inputs.files.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                inputs.failures.append(IngestFailure(origin: path, code: .unreadable, message: "cannot list folder"))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    if enumerator.fileAttributes?[.type] as? FileAttributeType == .typeDirectory { enumerator.skipDescendants() }
                    continue
                }
                let type = enumerator.fileAttributes?[.type] as? FileAttributeType
                if type == .typeDirectory { continue }
                let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                if ArticleReader.isReadable(path: full) {
                    found.append(full)
                } else {
                    inputs.skipped.append(full)
                }
            }
            inputs.files.append(contentsOf: found.sorted())
        }
        return inputs
    }
}
