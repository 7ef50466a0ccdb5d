import FaultlineIngest
import Foundation
import Testing

@Suite("Character sets")
struct TextDecoderTests {
    @Test("a UTF-8 byte-order mark is dropped")
    func utf8BOM() {
        let decoded = TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Kyiv".utf8))
        #expect(decoded.text == "Kyiv")
        #expect(decoded.warning == nil)
    }

    @Test("UTF-16 with a byte-order mark is read in both byte orders")
    func utf16() {
        let little: [UInt8] = [0xFF, 0xFE] + Array("Мінськ".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + Array("Мінськ".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(TextDecoder.decode(little).text == "Мінськ")
        #expect(TextDecoder.decode(big).text == "Мінськ")
    }

    @Test("bytes that are not UTF-8 are read as Windows-1252, with a warning")
    func windows1252Fallback() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94, 0x20, 0x96, 0x20, 0x80]
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.text == "Café “quoted” – €")
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.warning != nil)
    }

    @Test("a stray bad byte in real UTF-8 becomes U+FFFD instead of garbling the rest")
    func strayByte() {
        let bytes = Array("Białowieża, Łódź and Kraków: ".utf8) + [0xFF] + Array(" more".utf8)
        let decoded = TextDecoder.decode(bytes)
        #expect(decoded.text.hasPrefix("Białowieża, Łódź and Kraków"))
        #expect(decoded.text.contains("\u{FFFD}"))
        #expect(decoded.charset == "utf-8")
    }

    @Test("a declared charset the C library knows is used (windows-1251)")
    func declaredCyrillic() {
        // "Минск" in windows-1251
        let decoded = TextDecoder.decode([0xCC, 0xE8, 0xED, 0xF1, 0xEA], declaredCharset: "windows-1251")
        #expect(decoded.text == "Минск")
    }

    @Test("text is stored in NFC with \\n line ends and no control characters")
    func normalises() {
        let decomposed = "Bela\u{0301}rus\r\nline two\rline three\u{0007}\u{00A0}end"
        let decoded = TextDecoder.decode(Array(decomposed.utf8))
        #expect(decoded.text == "Belárus\nline two\nline three end")
        #expect(decoded.text.unicodeScalars.contains("\u{00E1}"))
    }
}
