import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns bytes into clean text: byte-order mark, declared charset, else UTF-8 with a
/// Windows-1252 fallback; then NFC, `\n` line ends and no stray control characters.
///
/// ```swift
/// let decoded = TextDecoder.decode(bytes, declaredCharset: "windows-1251")
/// decoded.text      // NFC String
/// decoded.warning   // "not valid UTF-8; read as Windows-1252"
/// ```
public enum TextDecoder {
    public struct Decoded: Sendable {
        public var text: String
        /// The charset the bytes were read as, lowercased (`utf-8`, `windows-1252`, …).
        public var charset: String
        public var warning: String?
    }

    public static func decode(_ bytes: [UInt8], declaredCharset: String? = nil) -> Decoded {
        var raw = decodeRaw(bytes, declaredCharset: declaredCharset)
        raw.text = clean(raw.text)
        return raw
    }

    static func decodeRaw(_ bytes: [UInt8], declaredCharset: String?) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: true), charset: "utf-16le")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: false), charset: "utf-16be")
        }
        let declared = declaredCharset.map(normalizedName)
        switch declared {
        case nil, "utf-8", "utf8", "unicode-1-1-utf-8", "us-ascii", "ascii":
            // ASCII is a subset of UTF-8; and a page that says ASCII usually is not.
            return utf8(bytes)
        case "windows-1252", "cp1252", "iso-8859-1", "latin1", "iso8859-1", "l1", "x-cp1252":
            // Browsers read Latin-1 declarations as Windows-1252, and so do we.
            if let text = String(validating: bytes, as: UTF8.self), bytes.contains(where: { $0 >= 0x80 }) {
                return Decoded(text: text, charset: "utf-8", warning: "declared \(declared!) but is valid UTF-8; read as UTF-8")
            }
            return Decoded(text: windows1252(bytes), charset: "windows-1252")
        case let name?:
            if name.hasPrefix("utf-16") {
                return Decoded(text: utf16(bytes[...], littleEndian: name != "utf-16be"), charset: name)
            }
            if let text = iconvDecode(bytes, from: name) {
                return Decoded(text: text, charset: name)
            }
            var fallback = utf8(bytes)
            fallback.warning = "unknown or wrong charset \"\(name)\"; " + (fallback.warning ?? "read as UTF-8")
            return fallback
        }
    }

    /// UTF-8 when valid; with a few bad bytes among real UTF-8, replacement characters;
    /// otherwise Windows-1252, which every byte sequence decodes in.
    static func utf8(_ bytes: [UInt8]) -> Decoded {
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, charset: "utf-8")
        }
        let (valid, invalid) = utf8SequenceCounts(bytes)
        if valid > invalid * 4 {
            return Decoded(
                text: String(decoding: bytes, as: UTF8.self), charset: "utf-8",
                warning: "\(invalid) invalid UTF-8 sequence(s) replaced with U+FFFD")
        }
        return Decoded(text: windows1252(bytes), charset: "windows-1252", warning: "not valid UTF-8; read as Windows-1252")
    }

    /// Counts well-formed multi-byte UTF-8 sequences and bytes that start no valid sequence.
    static func utf8SequenceCounts(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0
        var invalid = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
            if length > 0 && i + length <= bytes.count
                && bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 })
            {
                valid += 1
                i += length
            } else {
                invalid += 1
                i += 1
            }
        }
        return (valid, invalid)
    }

    /// The 0x80–0x9F row of Windows-1252; the rest of the code page is Latin-1.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = byte >= 0x80 && byte < 0xA0 ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index])
            let b = UInt16(bytes[index + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Any other charset the C library knows (windows-1251, koi8-r, iso-8859-2 …).
    static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let result = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        guard result != -1 || inLeft == 0 else { return nil }
        return String(decoding: output[0..<(output.count - outLeft)], as: UTF8.self)
    }

    static func normalizedName(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\"'")))
            .lowercased()
    }

    /// NFC, `\n` line ends, no control characters but tab and newline, no NUL.
    static func clean(_ text: String) -> String {
        guard needsCleaning(text.utf8) else {
            return needsNormalization(text) ? text.precomposedStringWithCanonicalMapping : text
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.utf8.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousCR = v == 0x0D }
            switch v {
            case 0x0D: scalars.append("\n")
            case 0x0A: if !previousCR { scalars.append("\n") }
            case 0x09: scalars.append(scalar)
            case 0x2028, 0x2029, 0x0B, 0x0C, 0x85: scalars.append("\n")
            case 0xA0: scalars.append(" ")  // no-break spaces split words like spaces
            case 0xFEFF, 0x200B: continue  // stray byte-order marks and zero-width spaces
            case 0x00..<0x20, 0x7F..<0xA0: continue
            default: scalars.append(scalar)
            }
        }
        let joined = String(scalars)
        return needsNormalization(joined) ? joined.precomposedStringWithCanonicalMapping : joined
    }

    /// Whether any byte asks for the slow path: control characters, CR, C1 controls and
    /// no-break spaces (C2 80–A0), line/paragraph separators and zero-width spaces (E2 80 8B/A8/A9),
    /// byte-order marks (EF BB BF).
    static func needsCleaning(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 && byte != 0x0A && byte != 0x09 { return true }
            if byte == 0x7F { return true }
            if previous == 0xC2 && byte >= 0x80 && byte <= 0xA0 { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0x8B || byte == 0xA8 || byte == 0xA9) { return true }
            if beforePrevious == 0xEF && previous == 0xBB && byte == 0xBF { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Whether NFC could change the text: only where a scalar is a combining mark, composes
    /// with what precedes it, or is a canonical singleton; most news text has none and skips
    /// Foundation's costly pass.
    static func needsNormalization(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value >= 0x300 && mayChangeUnderNFC(scalar.value) {
            return true
        }
        return false
    }

    /// Scalars that are combining marks, compose with what precedes them, or are canonical
    /// singletons: where NFC may differ from the input. Conservative: a scalar listed here
    /// only costs the slow path.
    static func mayChangeUnderNFC(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0374, 0x037E, 0x0387, 0x0483...0x0489, 0x0591...0x05C7, 0x0610...0x061A,
            0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0711, 0x0730...0x074A, 0x07EB...0x07F3,
            0x0816...0x082D, 0x0859...0x085B, 0x08D3...0x08FF, 0x0900...0x0DFF, 0x0E31...0x0E4E,
            0x0EB1...0x0ECD, 0x0F00...0x0FFF, 0x102B...0x109F, 0x1100...0x11FF, 0x135D...0x135F,
            0x1712...0x1734, 0x17B4...0x17DD, 0x1A17...0x1A7F, 0x1AB0...0x1AFF, 0x1B00...0x1BFF,
            0x1C24...0x1C37, 0x1CD0...0x1CF9, 0x1DC0...0x1DFF, 0x1F00...0x1FFF, 0x2000...0x2001,
            0x20D0...0x20FF, 0x2126, 0x212A...0x212B, 0x2329...0x232A, 0x2ADC, 0x2CEF...0x2CF1,
            0x2D7F, 0x2DE0...0x2DFF, 0x302A...0x302F, 0x3099...0x309A, 0xA66F...0xA67D, 0xA69E...0xA69F,
            0xA6F0...0xA6F1, 0xA802...0xA82C, 0xA880...0xA8FF, 0xA926...0xA953, 0xA980...0xA9C0,
            0xAA29...0xAA4D, 0xAAB0...0xAAC1, 0xAAEB...0xAAF6, 0xABE3...0xABED, 0xF900...0xFAFF,
            0xFB1D...0xFB4F, 0xFE00...0xFE0F, 0xFE20...0xFE2F, 0x10000...:
            return true
        default:
            return false
        }
    }
}
