import Foundation

/// The sample corpus written by the Faultline team for `faultline demo` and the tests:
/// plain-text articles, saved pages, an RSS and an Atom feed and a JSON Lines export.
/// Every incident, outlet, journalist and quote in it is invented.
///
/// ```swift
/// let folder = SampleCorpus.directory  // …/demo
/// ```
public enum SampleCorpus {
    /// The folder that holds the corpus (`txt/`, `html/`, `feeds/`, `jsonl/`).
    public static var directory: URL {
        guard let url = Bundle.module.url(forResource: "demo", withExtension: nil) else {
            fatalError("the FaultlineSamples resource bundle has no demo folder; rebuild the package")
        }
        return url
    }
}
