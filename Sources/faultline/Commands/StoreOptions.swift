import ArgumentParser
import FaultlineStore

/// The `--db` option every command that reads or writes the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", discussion: "Default: FAULTLINE_DB, else faultline.db in the working folder.", valueName: "path"))
    var db: String?

    var path: String { db ?? SQLiteStore.defaultPath() }

    func open() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: path)
        } catch {
            throw ValidationError("cannot open the store at \(path): \(error)")
        }
    }
}
