/// Decodes HTML character references left in metadata values.
///
/// libxml2 decodes references once, as HTML says; but pages often escape twice (`&amp;#8216;`
/// in a `content` attribute) and JSON-LD, which is not HTML, carries `&#8217;` and `&amp;`
/// verbatim from the CMS. Titles and names read better decoded. Text without `&` is returned
/// as it is.
///
/// ```swift
/// HTMLEntities.decode("&#8216;The Medium&#8217; &amp; more")  // "‘The Medium’ & more"
/// ```
enum HTMLEntities {
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", let semicolon = scalars[i...].prefix(12).firstIndex(of: ";") else {
                out.append(scalars[i])
                i += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
            if let scalar = reference(name) {
                out.append(scalar)
                i = semicolon + 1
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// The scalar a reference names (`#8217`, `#x2019`, `amp`), or nil.
    private static func reference(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).flatMap(visible)
        }
        if name.hasPrefix("#") {
            return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).flatMap(visible)
        }
        return named[name]
    }

    /// No control characters through a reference.
    private static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        scalar.value < 0x20 && scalar != "\t" && scalar != "\n" ? nil : scalar
    }

    /// The references CMSs leave in titles and names.
    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": " ", "rsquo": "\u{2019}",
        "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "ndash": "\u{2013}", "mdash": "\u{2014}",
        "hellip": "\u{2026}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "eacute": "\u{00E9}", "egrave": "\u{00E8}",
        "aacute": "\u{00E1}", "oacute": "\u{00F3}", "uacute": "\u{00FA}", "iacute": "\u{00ED}", "ntilde": "\u{00F1}",
        "uuml": "\u{00FC}", "ouml": "\u{00F6}", "auml": "\u{00E4}", "ccedil": "\u{00E7}", "pound": "\u{00A3}",
        "euro": "\u{20AC}", "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}",
    ]
}
