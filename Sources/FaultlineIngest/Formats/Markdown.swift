/// Undoes the inline markdown that articles copied from the web carry:
/// `[text](url)` becomes `text`, images vanish, `**bold**` and `__bold__` lose their marks.
enum InlineMarkdown {
    static func unwrap(_ line: Substring) -> String {
        guard mayHaveMarkup(line.utf8) else { return String(line) }
        var out = ""
        out.reserveCapacity(line.utf8.count)
        var i = line.startIndex
        while i < line.endIndex {
            let ch = line[i]
            if ch == "[" || (ch == "!" && line.index(after: i) < line.endIndex && line[line.index(after: i)] == "[") {
                let image = ch == "!"
                let open = image ? line.index(after: i) : i
                if let close = line[open...].firstIndex(of: "]"),
                    line.index(after: close) < line.endIndex, line[line.index(after: close)] == "(",
                    let end = line[line.index(after: close)...].firstIndex(of: ")")
                {
                    if !image { out += line[line.index(after: open)..<close] }
                    i = line.index(after: end)
                    continue
                }
            }
            if (ch == "*" || ch == "_"), line.index(after: i) < line.endIndex, line[line.index(after: i)] == ch {
                i = line.index(i, offsetBy: 2)
                continue
            }
            out.append(ch)
            i = line.index(after: i)
        }
        return out
    }

    /// Whether `](`, `**` or `__` occurs: a byte scan, as this runs on every line.
    static func mayHaveMarkup(_ bytes: Substring.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if (previous == 0x5D && byte == 0x28) || (byte == previous && (byte == 0x2A || byte == 0x5F)) { return true }
            previous = byte
        }
        return false
    }

    /// Whether the whole line is one link, as footers' "[Become a member](…)" lines are.
    static func isLinkOnly(_ line: Substring) -> Bool {
        let t = line.trimmingWhitespace()
        return t.hasPrefix("[") && t.hasSuffix(")") && mayHaveMarkup(t.utf8) && !t.dropFirst().contains("[")
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space (ASCII white space and the
    /// Unicode spaces U+00A0, U+2000–U+200A, U+202F, U+3000), found on bytes: this runs on
    /// every line of every article.
    func trimmingWhitespace() -> Substring {
        let s = Substring(self)
        let bytes = s.utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, let width = Self.spaceWidth(bytes, at: start) { start = bytes.index(start, offsetBy: width) }
        while start < end {
            var back = bytes.index(before: end)
            while back > start, bytes[back] & 0xC0 == 0x80 { back = bytes.index(before: back) }
            guard Self.spaceWidth(bytes, at: back) != nil else { break }
            end = back
        }
        return s[start..<end]
    }

    /// The byte width of the white-space character at `index`, or nil when there is none.
    private static func spaceWidth(_ bytes: Substring.UTF8View, at index: Substring.UTF8View.Index) -> Int? {
        let b0 = bytes[index]
        if b0 == 0x20 || (b0 >= 0x09 && b0 <= 0x0D) { return 1 }
        guard b0 == 0xC2 || b0 == 0xE2 || b0 == 0xE3 else { return nil }
        let i1 = bytes.index(after: index)
        guard i1 < bytes.endIndex else { return nil }
        let b1 = bytes[i1]
        if b0 == 0xC2 { return b1 == 0xA0 ? 2 : nil }
        let i2 = bytes.index(after: i1)
        guard i2 < bytes.endIndex else { return nil }
        let b2 = bytes[i2]
        if b0 == 0xE2 && b1 == 0x80 && (b2 <= 0x8A || b2 == 0xAF) { return 3 }
        if b0 == 0xE3 && b1 == 0x80 && b2 == 0x80 { return 3 }
        return nil
    }

    /// The lines of the text, split on `\n` by bytes (not by grapheme clusters).
    func lineSlices() -> [Substring] {
        let s = Substring(self)
        var lines: [Substring] = []
        var start = s.utf8.startIndex
        var index = start
        while index < s.utf8.endIndex {
            if s.utf8[index] == 0x0A {
                lines.append(s[start..<index])
                start = s.utf8.index(after: index)
            }
            index = s.utf8.index(after: index)
        }
        lines.append(s[start..<s.utf8.endIndex])
        return lines
    }
}

extension Collection where Element == UInt8 {
    /// The offset of the first occurrence of `needle`: a plain byte search, which is what
    /// ASCII needles in UTF-8 text need and much cheaper than a Unicode-aware one.
    func firstOffset(of needle: some Collection<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        let rest = needle.dropFirst()
        var offset = 0
        var index = startIndex
        while index != endIndex {
            if self[index] == first {
                var a = self.index(after: index)
                var b = rest.startIndex
                while b != rest.endIndex, a != endIndex, self[a] == rest[b] {
                    a = self.index(after: a)
                    b = rest.index(after: b)
                }
                if b == rest.endIndex { return offset }
            }
            index = self.index(after: index)
            offset += 1
        }
        return nil
    }
}

extension Collection where Element == UInt8 {
    /// Whether `needle` (lowercase ASCII) occurs, ignoring the case of ASCII letters.
    func containsIgnoringASCIICase(_ needle: some Collection<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        var index = startIndex
        while index != endIndex {
            if self[index] | 0x20 == first {
                var a = self.index(after: index)
                var b = needle.index(after: needle.startIndex)
                while b != needle.endIndex, a != endIndex, self[a] | (self[a] >= 0x41 && self[a] <= 0x5A ? 0x20 : 0) == needle[b] {
                    a = self.index(after: a)
                    b = needle.index(after: b)
                }
                if b == needle.endIndex { return true }
            }
            index = self.index(after: index)
        }
        return false
    }
}
