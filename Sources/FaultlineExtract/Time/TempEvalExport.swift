import FaultlineModel
import Foundation

/// The documents `score_timex.py export` prints, one JSON object a line:
/// `{"doc": "ABC19980108.1830.0711.tml", "dct": "1998-01-08", "text": "…"}`, and the
/// prediction lines `score_timex.py score` reads back.
///
/// ```swift
/// let docs = try TempEvalExport.read(Data(contentsOf: url))
/// let line = TempEvalExport.predictionLine(doc: docs[0].doc, timex: timex)
/// ```
///
/// The input comes from outside the program: every line is checked, and a bad one is an error
/// that names its line, never a crash.
public enum TempEvalExport {
    /// One exported document.
    public struct Document: Sendable, Hashable, Codable {
        public var doc: String
        /// The document creation time as TimeML gives it (`1998-01-08`, `1998-06-26T07:07:00`).
        public var dct: String?
        public var text: String

        public init(doc: String, dct: String?, text: String) {
            self.doc = doc
            self.dct = dct
            self.text = text
        }

        /// The creation day, when `dct` begins with a valid `YYYY-MM-DD`.
        public var creationDate: PublicationDate? {
            guard let dct, dct.utf8.count >= 10 else { return nil }
            return PublicationDate(isoString: String(dct.prefix(10)))
        }
    }

    /// What is wrong with an export, and on which line.
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        public enum Code: String, Sendable, Hashable { case notUTF8 = "not-utf8", tooLarge = "too-large", badLine = "bad-line" }
        public var code: Code
        /// 1-based; 0 for the whole input.
        public var line: Int
        public var message: String
        public var description: String { line > 0 ? "line \(line): \(message)" : message }
    }

    /// The largest export read (TBAQ is about 0.7 MB; this leaves room for larger corpora).
    public static let maxBytes = 256 << 20
    /// The largest single document line.
    public static let maxLineBytes = 16 << 20

    /// Reads an export; blank lines are skipped.
    public static func read(_ data: Data) throws -> [Document] {
        guard data.count <= maxBytes else {
            throw ReadError(code: .tooLarge, line: 0, message: "the export is \(data.count) bytes, more than \(maxBytes)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(code: .notUTF8, line: 0, message: "the export is not UTF-8")
        }
        var documents: [Document] = []
        let decoder = JSONDecoder()
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            guard line.utf8.count <= maxLineBytes else {
                throw ReadError(code: .tooLarge, line: number, message: "a line of \(line.utf8.count) bytes, more than \(maxLineBytes)")
            }
            do {
                documents.append(try decoder.decode(Document.self, from: Data(line.utf8)))
            } catch {
                throw ReadError(code: .badLine, line: number, message: "not a document object {doc, dct, text}: \(Self.reason(error))")
            }
        }
        return documents
    }

    /// One prediction line: `{"doc":…,"end":…,"start":…,"type":…,"value":…}`.
    public static func predictionLine(doc: String, timex: Timex) -> String {
        struct Prediction: Encodable {
            var doc: String
            var start: Int
            var end: Int
            var type: String
            var value: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let p = Prediction(doc: doc, start: timex.start, end: timex.end, type: timex.type.rawValue, value: timex.value)
        return (try? String(decoding: encoder.encode(p), as: UTF8.self)) ?? "{}"
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "malformed JSON"
        default: return "\(error)"
        }
    }
}
