import CLibXML2
import Foundation
/// The visible text of a page, blocks on lines of their own.
///
/// This is the simple reading (the whole `<article>`, `<main>` or `<body>`, minus scripts,
/// navigation, forms and hidden elements); the main-content extractor refines it.
enum PageText {
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "head", "nav", "footer", "aside", "form", "button", "select", "textarea", "input", "label",
        "dialog", "menu", "figure", "video", "audio", "picture", "map",
    ]

    static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
        "li", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "br",
        "hr", "address", "figcaption", "center", "body", "html", "caption", "details", "summary",
    ]

    /// The node to read the text from: the one `<article>`, else `<main>`, else `<body>`.
    static func contentRoot(of tree: MarkupTree) -> MarkupNode? {
        guard let root = tree.root else { return nil }
        let articles = root.descendants { $0.name == "article" }
        if articles.count == 1 { return articles[0] }
        if let main = root.descendants(where: { $0.name == "main" }).first { return main }
        return root.descendants { $0.name == "body" }.first ?? root
    }

    static func text(of node: MarkupNode) -> String {
        var lines: [String] = []
        var current = ""
        var pendingSpace = false
        func breakLine() {
            let trimmed = current.trimmingWhitespace()
            if !trimmed.isEmpty { lines.append(String(trimmed)) }
            current = ""
            pendingSpace = false
        }
        // Depth-first without recursion: deeply nested pages must not overflow the stack.
        enum Step { case enter(MarkupNode), leave(String) }
        var stack: [Step] = [.enter(node)]
        while let step = stack.popLast() {
            switch step {
            case .leave(let name):
                if blocks.contains(name) { breakLine() }
            case .enter(let current_):
                if current_.isText {
                    for ch in current_.content {
                        if ch.isWhitespace {
                            pendingSpace = true
                        } else {
                            if pendingSpace && !current.isEmpty { current.append(" ") }
                            pendingSpace = false
                            current.append(ch)
                        }
                    }
                    continue
                }
                guard current_.isElement else { continue }
                let name = current_.name
                if skipped.contains(name) || isHidden(current_) { continue }
                if blocks.contains(name) { breakLine() }
                stack.append(.leave(name))
                var child = current_.pointer.pointee.last.map(MarkupNode.init)
                while let c = child {
                    stack.append(.enter(c))
                    child = c.pointer.pointee.prev.map(MarkupNode.init)
                }
            }
        }
        breakLine()
        return lines.joined(separator: "\n")
    }

    static func isHidden(_ node: MarkupNode) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden") == "true" { return true }
        if let style = node.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return false
    }
}
