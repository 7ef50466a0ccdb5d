import Foundation
/// Finds the charset a page or feed declares in its first bytes: `<meta charset>`,
/// `<meta http-equiv="Content-Type" content="…; charset=…">` or `<?xml … encoding="…"?>`.
enum CharsetSniffer {
    static func declared(in bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            var search = head.startIndex
            while let range = head.range(of: marker, range: search..<head.endIndex) {
                search = range.upperBound
                var value = head[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
                value = value.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ":" || $0 == "." })
                if !value.isEmpty { return String(value) }
            }
        }
        return nil
    }
}
