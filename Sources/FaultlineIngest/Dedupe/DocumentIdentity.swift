import Crypto
import FaultlineModel

/// The stable id and content hash of an article.
///
/// The id hashes the canonical URL when the article has one, else the normalised text, so
/// the same article read twice, from a file or a feed, gets the same id.
///
/// ```swift
/// let identity = DocumentIdentity(article)
/// identity.id           // "3f2a9c0e1b7d4a55"
/// ```
public struct DocumentIdentity: Sendable, Hashable {
    public var id: String
    public var contentHash: String

    public init(_ article: Article) {
        contentHash = Self.hex(SHA256.hash(data: Self.normalizedBytes(article.text)))
        if let url = article.metadata.url.flatMap(URLCanonicalizer.canonical) {
            id = String(Self.hex(SHA256.hash(data: Array(("url\u{0}" + url).utf8))).prefix(16))
        } else {
            id = String(contentHash.prefix(16))
        }
    }

    /// The text as UTF-8 with runs of white space folded to one space (spacing is not
    /// content), computed on bytes: this runs on every article.
    static func normalizedBytes(_ text: String) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            // Stored text is clean: ASCII white space is all there is (no-break spaces became spaces).
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return out
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
