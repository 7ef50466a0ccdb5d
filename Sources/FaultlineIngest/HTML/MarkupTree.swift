import Foundation
import CLibXML2

/// A document parsed by libxml2 (HTML or XML), freed when the value goes away.
///
/// libxml2 is the parser lxml gives trafilatura: fast, forgiving with broken HTML, and with
/// limits against entity expansion. Nodes are only valid while the tree lives.
final class MarkupTree {
    let document: xmlDocPtr

    private init(document: xmlDocPtr) { self.document = document }
    deinit { xmlFreeDoc(document) }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// A parse problem: libxml2's message and the line it was found on.
    struct ParseError: Error {
        var message: String
        var line: Int
    }

    /// Parses HTML given as UTF-8, recovering from any markup error, as browsers do.
    static func html(utf8 bytes: [UInt8], url: String? = nil) -> MarkupTree? {
        bytes.withUnsafeBufferPointer { html(utf8: $0, url: url) }
    }

    /// Parses HTML given as UTF-8, recovering from any markup error, as browsers do.
    ///
    /// libxml2 stops at 256 nested elements unless told `XML_PARSE_HUGE`, and what follows
    /// the deep part is lost; every reader of the tree walks it without recursion, so the
    /// limit is lifted (the HTML parser expands no entities, and the input size is bounded by
    /// the caller). The declared `<meta charset>` is ignored: the bytes are UTF-8 by now.
    static func html(utf8 bytes: UnsafeBufferPointer<UInt8>, url: String? = nil) -> MarkupTree? {
        _ = initialized
        guard let base = bytes.baseAddress, bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | XML_PARSE_HUGE.rawValue)
        let doc = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
            htmlReadMemory(pointer, Int32(bytes.count), url, "UTF-8", options)
        }
        return doc.map(MarkupTree.init(document:))
    }

    /// Parses XML given as UTF-8. Strict unless `recover`; never loads the network or a DTD,
    /// never substitutes entities (no entity bombs).
    static func xml(utf8 bytes: [UInt8], recover: Bool = false) -> Result<MarkupTree, ParseError> {
        _ = initialized
        guard let context = xmlNewParserCtxt() else {
            return .failure(ParseError(message: "cannot create XML parser", line: 0))
        }
        defer { xmlFreeParserCtxt(context) }
        var options = XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
        if recover { options |= XML_PARSE_RECOVER.rawValue }
        let doc = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), nil, "UTF-8", Int32(options))
            }
        }
        if let doc, recover || context.pointee.wellFormed != 0 {
            return .success(MarkupTree(document: doc))
        }
        if let doc { xmlFreeDoc(doc) }
        var error = ParseError(message: "not well-formed XML", line: 0)
        if let last = xmlCtxtGetLastError(context), let message = last.pointee.message {
            error.message = String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
            error.line = Int(last.pointee.line)
        }
        return .failure(error)
    }

    var root: MarkupNode? {
        xmlDocGetRootElement(document).map(MarkupNode.init)
    }
}

/// An element or text node of a ``MarkupTree``; valid while its tree lives.
struct MarkupNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name, lowercased (HTML names are case-insensitive; XML feeds' are lowercase).
    var name: String {
        guard let raw = pointer.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    var firstChild: MarkupNode? { pointer.pointee.children.map(MarkupNode.init) }
    var next: MarkupNode? { pointer.pointee.next.map(MarkupNode.init) }
    var parent: MarkupNode? { pointer.pointee.parent.map(MarkupNode.init) }

    var children: [MarkupNode] {
        var out: [MarkupNode] = []
        var child = firstChild
        while let node = child {
            out.append(node)
            child = node.next
        }
        return out
    }

    var elementChildren: [MarkupNode] { children.filter(\.isElement) }

    /// The raw text of a text node.
    var content: String {
        guard let raw = pointer.pointee.content else { return "" }
        return String(cString: raw)
    }

    func attribute(_ name: String) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let raw = current.pointee.name, String(cString: raw).lowercased() == name {
                guard let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
                else { return nil }
                defer { faultline_xmlFree(value) }
                return String(cString: value)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// Text of the node and its descendants, without entity expansion, at most `limit` bytes.
    func text(limit: Int = 1 << 22) -> String {
        var out = ""
        var stack: [MarkupNode] = [self]
        while let node = stack.popLast() {
            if node.isText {
                out += node.content
                if out.utf8.count > limit { break }
            } else if node.isElement || node.pointer == pointer {
                var children = node.children
                children.reverse()
                stack.append(contentsOf: children)
            }
        }
        return out
    }

    /// Every element below this one, in document order, without recursion.
    func descendants(where predicate: (MarkupNode) -> Bool) -> [MarkupNode] {
        var out: [MarkupNode] = []
        var stack: [MarkupNode] = elementChildren.reversed()
        while let node = stack.popLast() {
            if predicate(node) { out.append(node) }
            stack.append(contentsOf: node.elementChildren.reversed())
        }
        return out
    }
}
