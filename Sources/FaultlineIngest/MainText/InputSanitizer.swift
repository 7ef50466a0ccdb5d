/// Looks at a page's bytes before they are parsed.
enum InputSanitizer {
    /// The bytes without a document type's internal subset (`<!DOCTYPE html [ <!ENTITY …> ]>`),
    /// or nil when there is none.
    ///
    /// HTML has no internal subset; in XML-ish markup it is where entity declarations, and so
    /// "billion laughs" bombs, live. libxml2's HTML parser expands none of them, but would show
    /// the declarations as page text; removing the subset keeps them out of the article.
    static func withoutInternalSubset(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8]?, removed: Bool) {
        guard let open = doctypeSubsetStart(bytes) else { return (nil, false) }
        // The subset ends at the first `]` followed (after white space) by `>`.
        var i = open + 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "]") {
                var j = i + 1
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: ">") {
                    var out = Array(bytes[..<open])
                    out.append(contentsOf: bytes[(i + 1)...])
                    return (out, true)
                }
            }
            i += 1
        }
        // An unterminated subset: nothing after it can be trusted as markup.
        var out = Array(bytes[..<open])
        out.append(UInt8(ascii: ">"))
        return (out, true)
    }

    /// The offset of the `[` opening an internal subset in a `<!DOCTYPE` at the start.
    private static func doctypeSubsetStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let head = min(bytes.count, 4096)
        var i = 0
        while i + 9 < head {
            if bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "!") {
                let word = bytes[(i + 2)..<(i + 9)].map { $0 | 0x20 }
                if word == Array("doctype".utf8) {
                    var j = i + 9
                    while j < bytes.count, bytes[j] != UInt8(ascii: ">") {
                        if bytes[j] == UInt8(ascii: "[") { return j }
                        j += 1
                    }
                    return nil
                }
            }
            i += 1
        }
        return nil
    }

    /// Whether the markup is a fragment (a feed item's content) rather than a page: no
    /// `<html>`, `<head>` or `<body>` tag near the start.
    static func isFragment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let head = min(bytes.count, 8192)
        var i = 0
        while i + 5 < head {
            if bytes[i] == UInt8(ascii: "<") {
                let a = bytes[i + 1] | 0x20
                let b = bytes[i + 2] | 0x20
                let c = bytes[i + 3] | 0x20
                let d = bytes[i + 4] | 0x20
                if (a == 0x68 && b == 0x74 && c == 0x6D && d == 0x6C)  // html
                    || (a == 0x68 && b == 0x65 && c == 0x61 && d == 0x64)  // head
                    || (a == 0x62 && b == 0x6F && c == 0x64 && d == 0x79)  // body
                {
                    return false
                }
            }
            i += 1
        }
        return bytes.count <= 8192 || !containsBody(bytes)
    }

    private static func containsBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i + 5 < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), bytes[i + 1] | 0x20 == 0x62, bytes[i + 2] | 0x20 == 0x6F,
                bytes[i + 3] | 0x20 == 0x64, bytes[i + 4] | 0x20 == 0x79
            {
                return true
            }
            i += 1
        }
        return false
    }

    /// The charset a page declares in its first 4 KiB when it is not UTF-8 or ASCII, for
    /// warning that UTF-8 bytes were read as UTF-8 against it. Only pages that name a charset
    /// at all pay for more than a byte scan.
    static func declaredLegacyCharset(_ bytes: ArraySlice<UInt8>) -> String? {
        let head = bytes.prefix(4096)
        var i = head.startIndex
        while i + 8 < head.endIndex {
            // `charset=` or `encoding=`, any case; the value follows, maybe quoted.
            var after = -1
            if head[i] | 0x20 == 0x63, matches(head, i, "charset=") {
                after = i + 8
            } else if head[i] | 0x20 == 0x65, matches(head, i, "encoding=") {
                after = i + 9
            }
            i += 1
            guard after >= 0 else { continue }
            var j = after
            while j < head.endIndex, head[j] == 0x22 || head[j] == 0x27 || head[j] == 0x20 { j += 1 }
            var name: [UInt8] = []
            while j < head.endIndex, name.count < 40 {
                let b = head[j] | (head[j] >= 0x41 && head[j] <= 0x5A ? 0x20 : 0)
                let letterOrDigit = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                guard letterOrDigit || b == 0x2D || b == 0x5F || b == 0x3A || b == 0x2E else { break }
                name.append(b)
                j += 1
            }
            if name.isEmpty { continue }
            let declared = String(decoding: name, as: UTF8.self)
            return ["utf-8", "utf8", "us-ascii", "ascii", "unicode-1-1-utf-8"].contains(declared) ? nil : declared
        }
        return nil
    }

    private static func matches(_ bytes: ArraySlice<UInt8>, _ at: Int, _ literal: StaticString) -> Bool {
        guard at + literal.utf8CodeUnitCount <= bytes.endIndex else { return false }
        for k in 0..<literal.utf8CodeUnitCount where bytes[at + k] | 0x20 != literal.utf8Start[k] | 0x20 {
            return false
        }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
