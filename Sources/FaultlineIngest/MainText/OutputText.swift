/// Finishes the article text: the same result as ``TextDecoder/clean(_:)`` (NFC, no control
/// characters but `\n` and tab), without its cost where it has nothing to do.
///
/// Normalising to NFC goes through Foundation and costs more than extracting a page; but text
/// whose every scalar is outside the ranges where NFC changes anything (combining marks,
/// Hangul jamo, a few canonical singletons such as U+212B ANGSTROM SIGN) is already NFC, and
/// that is nearly every news article: Latin, Cyrillic, Greek, CJK, curly quotes and dashes.
enum OutputText {
    static func finish(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return needsCleaning(text) ? TextDecoder.clean(text) : text
    }

    /// Whether the text has a control character (other than `\n` and tab), a no-break or
    /// zero-width space, a line or paragraph separator, or a scalar NFC might change.
    static func needsCleaning(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v < 0x20 && v != 0x0A && v != 0x09 || v == 0x7F { return true }
                continue
            }
            if v < 0xA1 || v == 0x2028 || v == 0x2029 || v == 0xFEFF || v == 0x200B { return true }
            if mayChangeUnderNFC(v) { return true }
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
