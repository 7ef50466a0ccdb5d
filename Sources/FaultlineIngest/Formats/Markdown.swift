/// Undoes the inline markdown that articles copied from the web carry:
/// `[text](url)` becomes `text`, images vanish, `**bold**` and `__bold__` lose their marks.
enum InlineMarkdown {
    static func unwrap(_ line: Substring) -> String {
        guard line.contains("](") || line.contains("**") || line.contains("__") else { return String(line) }
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

    /// Whether the whole line is one link, as footers' "[Become a member](…)" lines are.
    static func isLinkOnly(_ line: Substring) -> Bool {
        let t = line.trimmingWhitespace()
        return t.hasPrefix("[") && t.hasSuffix(")") && t.contains("](") && !t.dropFirst().contains("[")
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> Substring {
        let s = Substring(self)
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return s[s.endIndex...] }
        let last = s.lastIndex(where: { !$0.isWhitespace })!
        return s[first...last]
    }
}
