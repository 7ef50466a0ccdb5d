import CLibXML2

/// An element the walk keeps a record of: every block-level element, and inline elements
/// whose names mark them as furniture. Records are in document order (preorder), so an
/// element's descendants are the records `index + 1 ..< end`, and its text blocks are
/// `firstBlock ..< blockEnd`.
struct PageElement {
    var parent: Int32
    var kind: TagKind
    /// The class/id/role weight (``ClassHints``), clamped to `Int8`.
    var hint: Int8
    /// Marked as the article body by the page itself: `itemprop="articleBody"`, or a strong
    /// content name (`article-body`, `entry-content`).
    var isMarkedBody: Bool
    var end: Int32
    var firstBlock: Int32
    var blockEnd: Int32
    /// The element in the tree (valid while the tree lives), for explaining a choice.
    var node: xmlNodePtr
}

/// A run of text between two block boundaries, as a reader sees one paragraph, heading,
/// list item or table cell. The text is a byte range of ``PageModel/text`` (UTF-8, white
/// space collapsed, `\n` for `<br>`).
struct TextBlock {
    var start: Int32
    var end: Int32
    /// The innermost kept element holding the block.
    var element: Int32
    /// Characters other than white space (Unicode scalars).
    var chars: Int32
    /// Of those, the ones inside `<a>`.
    var linkChars: Int32
    /// `.`, `!`, `?` and `,`: prose has them, menus and labels rarely.
    var punctuation: Int32
    var words: Int32
}

/// A page as the extractor sees it: its element records, its text blocks and what it says
/// about itself for the metadata.
struct PageModel {
    var elements: [PageElement] = []
    var blocks: [TextBlock] = []
    var text: [UInt8] = []
    var sources = MetadataSources()

    func string(_ block: TextBlock) -> String {
        String(decoding: text[Int(block.start)..<Int(block.end)], as: UTF8.self)
    }
}

/// Reads a libxml2 tree once, in document order, into a ``PageModel``.
///
/// The walk is iterative (a page of 100,000 nested `<div>`s must not overflow the stack)
/// and allocates no `String` per node: element and attribute names are recognised by their
/// interned pointers (``NameTable``) and text is copied byte by byte into one buffer.
struct PageWalker {
    private var tags = NameTable<TagKind>(placeholder: .container, classify: TagKind.of(name:))
    private var attributeNames = NameTable<AttributeName>(placeholder: .other, classify: AttributeName.of(name:))
    private let hints = ClassHints.shared
    private var model = PageModel()
    /// Records of the open block-level elements, innermost last.
    private var open: [Int32] = []
    /// For each open element, what leaving it undoes (``Leave``).
    private var leaving: [UInt8] = []
    private var linkDepth = 0
    private var headDepth = 0

    // The block being filled.
    private var blockStart = -1
    private var chars: Int32 = 0
    private var linkChars: Int32 = 0
    private var punctuation: Int32 = 0
    private var words: Int32 = 0
    private var pendingSpace = false
    private var pendingBreak = false

    private enum Leave {
        static let record: UInt8 = 1
        static let link: UInt8 = 2
        static let head: UInt8 = 4
    }

    /// Walks the document of `tree` (from its root element).
    static func walk(_ tree: MarkupTree) -> PageModel {
        var walker = PageWalker()
        walker.model.text.reserveCapacity(1 << 16)
        if let root = xmlDocGetRootElement(tree.document) { walker.walk(from: root) }
        walker.closeBlock()
        return walker.model
    }

    private mutating func walk(from start: xmlNodePtr) {
        var node = start
        var entering = true
        while true {
            if entering {
                let type = node.pointee.type
                if type == XML_ELEMENT_NODE {
                    if enter(node) {
                        if let child = node.pointee.children {
                            node = child
                            continue
                        }
                        leave()
                    }
                } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE {
                    if headDepth == 0, let content = node.pointee.content { append(content) }
                }
            }
            if node == start { break }
            if let next = node.pointee.next {
                node = next
                entering = true
                continue
            }
            guard let parent = node.pointee.parent else { break }
            node = parent
            leave()
            entering = false
        }
    }

    // MARK: - Elements

    /// Opens an element; false when its content is not to be read.
    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        guard let name = node.pointee.name else { return false }
        let kind = tags.value(for: name)
        if kind.isSkipped {
            switch kind {
            case .head:
                headDepth += 1
                leaving.append(Leave.head)
                return true
            case .metaTag: readMeta(node)
            case .linkTag: readLink(node)
            case .titleTag:
                if model.sources.documentTitle == nil {
                    model.sources.documentTitle = HTMLMetadata.collapse(MarkupNode(pointer: node).text(limit: 4096))
                }
            case .script: readScript(node)
            default: break
            }
            return false
        }
        if headDepth > 0 { return false }

        var hint = 0
        var hidden = false
        var byline = false
        var markedBody = false
        var namesBody = false
        var datetime: UnsafePointer<UInt8>?
        var pubdate = false
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let attributeName = current.pointee.name else { continue }
            let which = attributeNames.value(for: attributeName)
            if which == .other { continue }
            let value = Self.value(of: current)
            switch which {
            case .class, .id:
                if let value {
                    let found = hints.score(cString: value)
                    hint += found.weight
                    byline = byline || found.byline
                    namesBody = namesBody || found.namesBody
                }
            case .style:
                if let value, Self.styleHides(value) { hidden = true }
            case .hidden:
                hidden = true
            case .ariaHidden:
                if let value, Self.equals(value, "true") { hidden = true }
            case .role:
                if let value { hint += Self.roleWeight(value) }
            case .itemprop:
                if let value {
                    if Self.equals(value, "articlebody") {
                        markedBody = true
                    } else if Self.equals(value, "author") {
                        byline = true
                    } else if Self.equals(value, "datepublished") {
                        pubdate = true
                    }
                }
            case .rel:
                if let value, Self.equals(value, "author") { byline = true }
            case .datetime:
                datetime = value
            case .pubdate:
                pubdate = true
            case .lang:
                if model.elements.isEmpty, model.sources.rootLanguage == nil, let value {
                    model.sources.rootLanguage = String(cString: value)
                }
            default:
                break
            }
        }
        if hidden { return false }
        if markedBody { hint += 4 }
        // "sidebar-right" and other layout modifiers carry weight 3 too, but name no body.
        if namesBody && hint >= 3 { markedBody = true }

        if kind == .time, let datetime {
            model.sources.times.append((String(cString: datetime), pubdate))
        }
        if byline, model.sources.bylines.isEmpty {
            let text = HTMLMetadata.collapse(MarkupNode(pointer: node).text(limit: 2048))
            if !text.isEmpty, text.count <= 200 { model.sources.bylines.append(text) }
        }
        if kind == .heading1, model.sources.h1 == nil {
            model.sources.h1 = HTMLMetadata.collapse(MarkupNode(pointer: node).text(limit: 4096))
        }

        var leave: UInt8 = 0
        if kind.isBlock || hint < 0 {
            closeBlock()
            let index = Int32(model.elements.count)
            model.elements.append(
                PageElement(
                    parent: open.last ?? -1, kind: kind, hint: Int8(clamping: hint), isMarkedBody: markedBody,
                    end: index + 1, firstBlock: Int32(model.blocks.count), blockEnd: Int32(model.blocks.count),
                    node: node))
            open.append(index)
            leave |= Leave.record
        } else if kind == .link {
            linkDepth += 1
            leave |= Leave.link
        } else if kind == .lineBreak, blockStart >= 0 {
            pendingBreak = true
        }
        leaving.append(leave)
        return true
    }

    private mutating func leave() {
        guard let leave = leaving.popLast() else { return }
        if leave & Leave.record != 0 {
            closeBlock()
            if let index = open.popLast() {
                model.elements[Int(index)].end = Int32(model.elements.count)
                model.elements[Int(index)].blockEnd = Int32(model.blocks.count)
            }
        }
        if leave & Leave.link != 0 { linkDepth -= 1 }
        if leave & Leave.head != 0 { headDepth -= 1 }
    }

    // MARK: - Text

    /// Appends a text node's content, collapsing white space (and no-break spaces) to one
    /// space and counting what the scorer needs.
    private mutating func append(_ content: UnsafePointer<UInt8>) {
        var i = 0
        while true {
            let byte = content[i]
            if byte == 0 { break }
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                i += 1
                continue
            }
            if byte == 0xC2 && content[i + 1] == 0xA0 {
                pendingSpace = true
                i += 2
                continue
            }
            if blockStart < 0 {
                openBlock()
            } else if pendingBreak {
                model.text.append(0x0A)
                words += 1
            } else if pendingSpace {
                model.text.append(0x20)
                words += 1
            }
            pendingSpace = false
            pendingBreak = false
            model.text.append(byte)
            if byte & 0xC0 != 0x80 {
                // A CJK or Hangul character (a three-byte sequence from U+3000) carries about
                // as much as two Latin letters.
                let weight: Int32 = byte >= 0xE3 && byte < 0xF0 ? 2 : 1
                chars += weight
                if linkDepth > 0 { linkChars += weight }
                if byte == 0x2E || byte == 0x2C || byte == 0x21 || byte == 0x3F {
                    punctuation += 1
                } else if byte == 0xE3, content[i + 1] == 0x80, content[i + 2] == 0x81 || content[i + 2] == 0x82 {
                    punctuation += 1  // 、。
                } else if byte == 0xEF, content[i + 1] == 0xBC,
                    content[i + 2] == 0x81 || content[i + 2] == 0x8C || content[i + 2] == 0x9F
                {
                    punctuation += 1  // ！，？
                }
            }
            i += 1
        }
    }

    private mutating func openBlock() {
        blockStart = model.text.count
        chars = 0
        linkChars = 0
        punctuation = 0
        words = 1
        pendingSpace = false
        pendingBreak = false
    }

    private mutating func closeBlock() {
        pendingSpace = false
        pendingBreak = false
        guard blockStart >= 0 else { return }
        defer { blockStart = -1 }
        guard chars > 0, let element = open.last else {
            model.text.removeSubrange(blockStart...)
            return
        }
        model.blocks.append(
            TextBlock(
                start: Int32(blockStart), end: Int32(model.text.count), element: element, chars: chars,
                linkChars: linkChars, punctuation: punctuation, words: words))
    }

    // MARK: - Attributes and metadata

    /// An attribute's value as libxml2's HTML parser stores it: one text child (none for a
    /// boolean attribute such as `hidden`).
    private static func value(of attribute: xmlAttrPtr) -> UnsafePointer<UInt8>? {
        guard let child = attribute.pointee.children, let content = child.pointee.content else { return nil }
        return UnsafePointer(content)
    }

    /// ASCII case-insensitive equality of a C string with a lowercase literal, ignoring
    /// surrounding white space.
    static func equals(_ value: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        var i = 0
        while value[i] == 0x20 || value[i] == 0x09 || value[i] == 0x0A { i += 1 }
        let expected = literal.utf8Start
        for j in 0..<literal.utf8CodeUnitCount {
            var byte = value[i + j]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != expected[j] { return false }
        }
        var k = i + literal.utf8CodeUnitCount
        while value[k] == 0x20 || value[k] == 0x09 || value[k] == 0x0A { k += 1 }
        return value[k] == 0
    }

    /// `display:none` or `visibility:hidden` in a `style` attribute, with any spacing and case.
    static func styleHides(_ style: UnsafePointer<UInt8>) -> Bool {
        // Compare letters only, skipping white space: "display : None" reads "display:none".
        func matches(_ start: Int, _ pattern: StaticString) -> Bool {
            var i = start
            let expected = pattern.utf8Start
            var j = 0
            while j < pattern.utf8CodeUnitCount {
                var byte = style[i]
                if byte == 0 { return false }
                i += 1
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != expected[j] { return false }
                j += 1
            }
            return true
        }
        var i = 0
        while style[i] != 0 && i < 4096 {
            let byte = style[i] | 0x20
            if byte == 0x64 && matches(i, "display:none") { return true }
            if byte == 0x76 && matches(i, "visibility:hidden") { return true }
            i += 1
        }
        return false
    }

    /// ARIA landmark roles: `main` and `article` lean to content; navigation, banners, site
    /// footers, sidebars, menus and dialogs are furniture.
    private static func roleWeight(_ value: UnsafePointer<UInt8>) -> Int {
        if equals(value, "main") || equals(value, "article") { return 2 }
        for furniture: StaticString in [
            "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
            "menubar", "toolbar", "alert",
        ] where equals(value, furniture) {
            return -3
        }
        return 0
    }

    private mutating func readMeta(_ node: xmlNodePtr) {
        var key: xmlAttrPtr?
        var keyRank = Int.max
        var content: xmlAttrPtr?
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let name = current.pointee.name else { continue }
            // The key is the first of property, name, itemprop, http-equiv that is present.
            let which = attributeNames.value(for: name)
            let rank: Int
            switch which {
            case .property: rank = 0
            case .name: rank = 1
            case .itemprop: rank = 2
            case .httpEquiv: rank = 3
            case .content:
                if content == nil { content = current }
                continue
            default: continue
            }
            if rank < keyRank {
                keyRank = rank
                key = current
            }
        }
        guard let key, let content else { return }
        let name = (Self.value(of: key).map { String(cString: $0) } ?? "").lowercased()
        guard model.sources.meta[name] == nil else { return }
        let value = HTMLMetadata.trim(Self.value(of: content).map { String(cString: $0) } ?? "")
        if !value.isEmpty { model.sources.meta[name] = value }
    }

    private mutating func attributes(of node: xmlNodePtr) -> [AttributeName: String] {
        var found: [AttributeName: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let name = current.pointee.name else { continue }
            let which = attributeNames.value(for: name)
            if which != .other, found[which] == nil {
                found[which] = Self.value(of: current).map { String(cString: $0) } ?? ""
            }
        }
        return found
    }

    private mutating func readLink(_ node: xmlNodePtr) {
        guard model.sources.canonical == nil else { return }
        let found = attributes(of: node)
        if found[.rel]?.lowercased().split(separator: " ").contains("canonical") == true {
            model.sources.canonical = found[.href]
        }
    }

    private mutating func readScript(_ node: xmlNodePtr) {
        var attribute = node.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let name = current.pointee.name, attributeNames.value(for: name) == .type,
                let value = Self.value(of: current)
            else { continue }
            if Self.equals(value, "application/ld+json") {
                model.sources.jsonLD.append(MarkupNode(pointer: node).text(limit: 1 << 20))
            }
            return
        }
    }
}
