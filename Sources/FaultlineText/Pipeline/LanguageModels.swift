import Foundation

/// The trained models of the language layer, read from the package's resources (or a folder).
///
///     let models = try LanguageModels.shipped()
///     let pipeline = LanguagePipeline(models: models)
public struct LanguageModels: Sendable {
    public var splitter: SentenceSplitter
    public var tagger: PartOfSpeechTagger
    public var lemmatizer: Lemmatizer
    public var recognizer: EntityRecognizer
    public var parser: DependencyParser

    public init(splitter: SentenceSplitter, tagger: PartOfSpeechTagger, lemmatizer: Lemmatizer, recognizer: EntityRecognizer, parser: DependencyParser) {
        self.splitter = splitter
        self.tagger = tagger
        self.lemmatizer = lemmatizer
        self.recognizer = recognizer
        self.parser = parser
    }

    /// File names inside a model folder.
    public enum File: String, CaseIterable, Sendable {
        case splitter = "splitter.bin"
        case tagger = "tagger.bin"
        case lemmatizer = "lemmatizer.bin"
        case recognizer = "ner.bin"
        case parser = "parser.bin"
    }

    /// The folder of models shipped inside the package.
    public static var shippedFolder: URL? {
        Bundle.module.resourceURL?.appendingPathComponent("models")
    }

    /// The shipped models, read once per process.
    public static func shipped() throws -> LanguageModels {
        try cache.get()
    }

    private static let cache = ShippedCache()

    /// Reads every model from `folder`.
    public static func load(from folder: URL) throws -> LanguageModels {
        func data(_ file: File) throws -> Data {
            let url = folder.appendingPathComponent(file.rawValue)
            guard let d = try? Data(contentsOf: url) else { throw ModelFileError.missing(url.path) }
            return d
        }
        // Every model was trained with the word groups; without them they still run, but worse,
        // which is a broken install rather than something to carry on with quietly.
        guard WordClusters.shipped.count > 0 else { throw ModelFileError.missing("clusters.bin (package resources)") }
        return LanguageModels(
            splitter: try SentenceSplitter(data: data(.splitter)),
            tagger: try PartOfSpeechTagger(data: data(.tagger)),
            lemmatizer: try Lemmatizer(data: data(.lemmatizer)),
            recognizer: try EntityRecognizer(data: data(.recognizer)),
            parser: try DependencyParser(data: data(.parser)))
    }
}

/// Loads the shipped models at most once, whichever thread asks first.
private final class ShippedCache: @unchecked Sendable {
    private let lock = NSLock()
    private var models: LanguageModels?

    func get() throws -> LanguageModels {
        lock.lock()
        defer { lock.unlock() }
        if let models { return models }
        guard let folder = LanguageModels.shippedFolder else { throw ModelFileError.missing("models (package resources)") }
        let loaded = try LanguageModels.load(from: folder)
        models = loaded
        return loaded
    }
}
