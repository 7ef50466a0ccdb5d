import FaultlineExtract

/// The shipped extraction models, loaded once for every test in this target (about half a
/// second each time otherwise).
enum SharedModels {
    private static let loaded = Result { try ExtractionModels.shipped() }

    static func get() throws -> ExtractionModels { try loaded.get() }
}
