import CLibXML2

/// What an HTML element means to the main-content extractor.
///
/// The walk looks this up for every element, so it is a one-byte value found by the
/// element's interned name pointer (see ``TagCache``), never by building a Swift `String`.
enum TagKind: UInt8, Sendable {
    /// Not read at all, with everything inside: scripts, styles, media, form controls, `<head>`.
    case skipped
    /// Page furniture by its tag (`nav`, `aside`, `footer`, `menu`): read, but counted against
    /// any container that holds it and never part of the article.
    case furniture
    /// A caption (`figcaption`, a table's `caption`): dropped from the article text.
    case caption
    /// `<form>`: weak furniture (a search box, a newsletter sign-up, a comment form), though
    /// some sites wrap the whole page in one.
    case form
    /// Plain block containers (`div`, `section`, `article`, `main`, `form`, unknown elements …).
    case container
    case paragraph
    case heading1
    case heading
    case listItem
    case list
    case quote
    case preformatted
    case table
    case tableRow
    case tableCell
    /// `<br>`: a line break inside the current block.
    case lineBreak
    /// `<hr>` and other empty separators: end the current block.
    case separator
    /// `<a>`: inline, and its text is link text.
    case link
    /// Inline markup (`span`, `em`, `b`, …): text flows through it.
    case inline
    /// `<time>`: inline, and its `datetime` is a date for the metadata.
    case time
    /// Skipped for the text, read for the metadata: `<head>`, `<meta>`, `<link>`, `<title>`, `<script>`.
    case head, metaTag, linkTag, titleTag, script

    /// Whether the element starts and ends a block of text.
    var isBlock: Bool {
        switch self {
        case .inline, .link, .lineBreak, .time: false
        default: !isSkipped
        }
    }

    /// Whether the element's content is never text of the page.
    var isSkipped: Bool {
        switch self {
        case .skipped, .head, .metaTag, .linkTag, .titleTag, .script: true
        default: false
        }
    }

    /// The kind for a lowercase element name. Custom elements (`hl-trusted-source` around a
    /// citation link, `amp-img`) and namespaced ones (`o:p`) flow inline like `<span>`, so a
    /// paragraph holding one stays one paragraph; other unknown names (misspelt or obsolete
    /// tags) are containers, the safe reading for word breaks.
    static func of(name: String) -> TagKind {
        names[name] ?? (name.contains(":") || name.contains("-") ? .inline : .container)
    }

    private static let names: [String: TagKind] = {
        var t: [String: TagKind] = [:]
        for n in [
            "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
            "button", "select", "textarea", "input", "option", "optgroup", "label", "dialog", "video",
            "audio", "picture", "map", "source", "track", "img", "frame", "frameset",
            "applet", "param", "datalist", "output", "progress", "meter", "area", "base", "col", "colgroup",
        ] { t[n] = .skipped }
        t["head"] = .head
        t["meta"] = .metaTag
        t["link"] = .linkTag
        t["title"] = .titleTag
        t["script"] = .script
        t["time"] = .time
        for n in ["nav", "aside", "footer", "menu"] { t[n] = .furniture }
        for n in ["figcaption", "caption"] { t[n] = .caption }
        for n in [
            "div", "section", "article", "main", "header", "hgroup", "fieldset", "legend", "figure",
            "address", "center", "details", "summary", "body", "html", "dl", "noframes", "search",
        ] { t[n] = .container }
        t["form"] = .form
        t["p"] = .paragraph
        t["h1"] = .heading1
        for n in ["h2", "h3", "h4", "h5", "h6"] { t[n] = .heading }
        for n in ["li", "dt", "dd"] { t[n] = .listItem }
        for n in ["ul", "ol", "dir"] { t[n] = .list }
        t["blockquote"] = .quote
        for n in ["pre", "listing", "xmp", "plaintext"] { t[n] = .preformatted }
        t["table"] = .table
        for n in ["tr", "tbody", "thead", "tfoot"] { t[n] = .tableRow }
        for n in ["td", "th"] { t[n] = .tableCell }
        t["br"] = .lineBreak
        t["hr"] = .separator
        t["a"] = .link
        for n in [
            "span", "b", "i", "em", "strong", "font", "small", "big", "sup", "sub", "abbr", "acronym",
            "cite", "code", "q", "u", "s", "strike", "mark", "ins", "del", "var", "kbd", "samp", "bdi", "bdo",
            "wbr", "data", "tt", "dfn", "nobr", "blink", "marquee", "ruby", "rt", "rp", "slot",
        ] { t[n] = .inline }
        return t
    }()
}

/// Values by libxml2 name pointer, for one document.
///
/// libxml2's HTML parser interns element and attribute names in the document's dictionary,
/// so every `<p>` of a page shares one name pointer: a small open-addressing table on the
/// pointer's address answers in a few instructions, and only a name seen for the first time
/// is turned into a `String`. Invariant: a table is used with one document only.
struct NameTable<Value> {
    private var keys: [UInt] = Array(repeating: 0, count: 512)
    private var values: [Value]
    private var filled = 0
    private let classify: (String) -> Value

    init(placeholder: Value, classify: @escaping (String) -> Value) {
        values = Array(repeating: placeholder, count: 512)
        self.classify = classify
    }

    mutating func value(for name: UnsafePointer<xmlChar>) -> Value {
        let key = UInt(bitPattern: name)
        var slot = Int(truncatingIfNeeded: (key >> 3) &* 0x9E37_79B9) & 511
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { break }
            slot = (slot + 1) & 511
        }
        // libxml2's HTML parser lowercases names already; XML-ish markup may not.
        var upper = false
        var i = 0
        while name[i] != 0 {
            if name[i] >= 0x41 && name[i] <= 0x5A { upper = true }
            i += 1
        }
        let string = String(cString: name)
        let value = classify(upper ? string.lowercased() : string)
        // A page with hundreds of distinct names (generated markup) stops caching;
        // the answer stays correct, only slower.
        if filled < 384 {
            keys[slot] = key
            values[slot] = value
            filled += 1
        }
        return value
    }
}

/// The attributes the walk reads; every other name is `.other`.
enum AttributeName: UInt8 {
    case other, `class`, id, style, hidden, ariaHidden, role, itemprop, datetime, pubdate, type, rel, href
    case content, property, name, httpEquiv, lang

    static func of(name: String) -> AttributeName {
        switch name {
        case "class": .class
        case "id": .id
        case "style": .style
        case "hidden": .hidden
        case "aria-hidden": .ariaHidden
        case "role": .role
        case "itemprop": .itemprop
        case "datetime": .datetime
        case "pubdate": .pubdate
        case "type": .type
        case "rel": .rel
        case "href": .href
        case "content": .content
        case "property": .property
        case "name": .name
        case "http-equiv": .httpEquiv
        case "lang", "xml:lang": .lang
        default: .other
        }
    }
}
