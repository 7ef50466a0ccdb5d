import Foundation

/// Splits UTF-8 text into folded, hashed words in one pass over its bytes: the hot loop under
/// the actor matcher and the gazetteer's name index.
///
/// Words are runs of letters and digits (any non-ASCII scalar that is not punctuation counts as a
/// letter). An apostrophe (', ’, ‘, ʼ) inside a word stays in it ("Bat'ka", "d'Ivoire"); a
/// possessive "'s" and a trailing apostrophe ("Belarus’") are dropped, so "Kiev’s" is "Kiev".
/// Hyphens and full stops split words ("T-72" is "t" "72", "U.S." is "u" "s") and are recorded
/// as a joining gap, which a multi-word name may cross; other punctuation may not be crossed.
///
/// ASCII words are folded and hashed byte by byte; a word with any non-ASCII byte takes a slow
/// path through Foundation's case and diacritic folding, which is rare in English text.
enum TokenScanner {
    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// The tokens of a string (a convenience for names; text goes through ``scan(_:into:)``).
    static func tokens(of text: String) -> [TextToken] {
        var copy = text
        var tokens: [TextToken] = []
        copy.withUTF8 { scan($0, into: &tokens) }
        return tokens
    }

    /// Appends the tokens of `bytes` to `tokens`.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [TextToken]) {
        let n = bytes.count
        var i = 0
        var scalar: Int32 = 0
        var gap = Gap.space
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if isASCIIWordByte(b) {
                    scanWord(bytes, &i, &scalar, gap: gap, into: &tokens)
                    gap = .space
                    continue
                }
                gap = max(gap, asciiGap(b))
                i += 1
                scalar += 1
                continue
            }
            let (value, length) = decode(bytes, at: i)
            if let separator = separatorGap(value) {
                gap = max(gap, separator)
                i += length
                scalar += 1
                continue
            }
            scanWord(bytes, &i, &scalar, gap: gap, into: &tokens)
            gap = .space
        }
    }

    // MARK: - Words

    @inline(__always)
    private static func scanWord(
        _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ scalar: inout Int32, gap: Gap, into tokens: inout [TextToken]
    ) {
        let n = bytes.count
        let byteStart = i
        let scalarStart = scalar
        var hash = fnvOffset
        var previous = fnvOffset
        var hasUpper = false
        var hasLower = false
        var nonASCII = false
        var byteEnd = -1
        var scalarEnd: Int32 = 0
        while i < n {
            let b = bytes[i]
            var apostropheLength = 0
            if b < 0x80 {
                if isASCIIWordByte(b) {
                    var folded = b
                    if b >= 65 && b <= 90 {
                        folded = b | 0x20
                        hasUpper = true
                    } else if b >= 97 {
                        hasLower = true
                    }
                    previous = hash
                    hash = (hash ^ UInt64(folded)) &* fnvPrime
                    i += 1
                    scalar += 1
                    continue
                }
                if b == 0x27 { apostropheLength = 1 } else { break }
            } else {
                let (value, length) = decode(bytes, at: i)
                if value == 0x2019 || value == 0x2018 || value == 0x02BC {
                    apostropheLength = length
                } else if separatorGap(value) != nil {
                    break
                } else {
                    nonASCII = true
                    i += length
                    scalar += 1
                    continue
                }
            }
            // An apostrophe: inside the word, a possessive "'s", or the word's end.
            let next = i + apostropheLength
            guard next < n, isWordStart(bytes, at: next) else { break }
            if bytes[next] | 0x20 == UInt8(ascii: "s"), next + 1 >= n || !isWordStart(bytes, at: next + 1) {
                byteEnd = i
                scalarEnd = scalar
                i = next + 1
                scalar += 2
                break
            }
            previous = hash
            hash = (hash ^ 0x27) &* fnvPrime
            i = next
            scalar += 1
        }
        if byteEnd < 0 {
            byteEnd = i
            scalarEnd = scalar
        }
        var shape: CaseShape = []
        var pluralHash: UInt64 = 0
        if nonASCII {
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[byteStart..<byteEnd]), as: UTF8.self)
            hash = hashOfFolded(word)
            if let first = word.first, first.isUppercase { shape.insert(.initialUpper) }
            if word.contains(where: \.isUppercase), !word.contains(where: \.isLowercase) { shape.insert(.allUpper) }
            if word.hasSuffix("s"), word.count >= 3, !shape.contains(.allUpper) {
                pluralHash = hashOfFolded(String(word.dropLast()))
            }
        } else {
            let first = bytes[byteStart]
            if first >= 65 && first <= 90 { shape.insert(.initialUpper) }
            if hasUpper && !hasLower { shape.insert(.allUpper) }
            if bytes[byteEnd - 1] == UInt8(ascii: "s"), byteEnd - byteStart >= 3 {
                pluralHash = previous
            }
        }
        tokens.append(
            TextToken(
                hash: hash, pluralHash: pluralHash, start: scalarStart, end: scalarEnd, byteStart: Int32(byteStart),
                byteEnd: Int32(byteEnd), shape: shape, gap: gap))
    }

    /// Case- and diacritic-folds a word and hashes it as the ASCII path would, without building
    /// the folded string for Latin letters.
    static func hashOfFolded(_ word: String) -> UInt64 {
        var hash = fnvOffset
        for scalar in word.unicodeScalars {
            let value = Int(scalar.value)
            if value < 0x80 {
                let byte = value >= 65 && value <= 90 ? UInt64(value | 0x20) : UInt64(value)
                hash = (hash ^ byte) &* fnvPrime
            } else if value < 0x250 || (0x1E00..<0x1F00).contains(value) {
                for byte in latinFoldBytes[value < 0x250 ? value : 0x250 + value - 0x1E00] { hash = (hash ^ UInt64(byte)) &* fnvPrime }
            } else {
                for byte in foundationFold(String(scalar)).utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
            }
        }
        return hash
    }

    /// The folded UTF-8 of U+0000…U+024F, then of U+1E00…U+1EFF.
    private static let latinFoldBytes: [[UInt8]] = (0..<0x250).map { Array(fold(scalar: $0).utf8) }
        + (0x1E00..<0x1F00).map { Array(fold(scalar: $0).utf8) }

    private static func fold(scalar value: Int) -> String {
        guard let scalar = Unicode.Scalar(value) else { return "" }
        return value < 0x80 ? String(scalar).lowercased() : foundationFold(String(scalar))
    }

    /// Lower case without diacritics, with the letters that folding keeps spelled out
    /// (ł → l, ß → ss, ø → o…) and every apostrophe written as '.
    ///
    /// Latin letters (the scripts of news names and of the gazetteer's alternate names) go
    /// through a table built once; other scripts through Foundation, scalar by scalar. Both
    /// give the same result as folding the whole word, for text in NFC.
    static func fold(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            let value = Int(scalar.value)
            if value < 0x80 {
                out.append(value >= 65 && value <= 90 ? Unicode.Scalar(UInt8(value) | 0x20) : scalar)
            } else if value < latinFolds.count, let folded = latinFolds[value] {
                out.append(contentsOf: folded.unicodeScalars)
            } else if (0x1E00..<0x1F00).contains(value), let folded = extendedFolds[value - 0x1E00] {
                out.append(contentsOf: folded.unicodeScalars)
            } else {
                out.append(contentsOf: foundationFold(String(scalar)).unicodeScalars)
            }
        }
        return String(out)
    }

    /// Folds of U+0000…U+024F and U+1E00…U+1EFF, computed once.
    private static let latinFolds: [String?] = (0..<0x250).map { $0 < 0x80 ? nil : Unicode.Scalar($0).map { foundationFold(String($0)) } }
    private static let extendedFolds: [String?] = (0x1E00..<0x1F00).map { Unicode.Scalar($0).map { foundationFold(String($0)) } }

    private static func foundationFold(_ word: String) -> String {
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        guard !folded.unicodeScalars.allSatisfy(\.isASCII) else { return folded }
        var out = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "ł": out.append("l")
            case "ø": out.append("o")
            case "đ", "ð": out.append("d")
            case "ı": out.append("i")
            case "ß": out.append(contentsOf: "ss".unicodeScalars)
            case "æ": out.append(contentsOf: "ae".unicodeScalars)
            case "œ": out.append(contentsOf: "oe".unicodeScalars)
            case "þ": out.append(contentsOf: "th".unicodeScalars)
            case "\u{2019}", "\u{2018}", "\u{02BC}": out.append("'")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    // MARK: - Bytes

    @inline(__always)
    static func isASCIIWordByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57)
    }

    /// Whether a word character (ASCII or not) starts at `index`.
    @inline(__always)
    private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let b = bytes[index]
        if b < 0x80 { return isASCIIWordByte(b) }
        let (value, _) = decode(bytes, at: index)
        return separatorGap(value) == nil && value != 0x2019 && value != 0x2018 && value != 0x02BC
    }

    @inline(__always)
    private static func asciiGap(_ b: UInt8) -> Gap {
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D: .space
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "'"): .joiner
        default: .punctuation
        }
    }

    /// The gap a non-ASCII scalar makes, or nil when it is part of a word.
    @inline(__always)
    static func separatorGap(_ v: UInt32) -> Gap? {
        switch v {
        case 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: .space
        case 0x2010...0x2015, 0x2212, 0x2018, 0x2019, 0x02BC: .joiner
        case 0x80...0xBF where v != 0xAA && v != 0xB5 && v != 0xBA: .punctuation
        case 0xD7, 0xF7, 0x2016...0x206F, 0x20A0...0x20CF, 0x2100...0x2BFF, 0x3001...0x303F, 0xFE10...0xFE6F,
            0xFF01...0xFF0F, 0x1F000...0x1FAFF, 0xFFFD:
            .punctuation
        default: nil
        }
    }

    /// The scalar at `index` and its length in bytes; a malformed byte decodes as U+FFFD, length 1.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let b0 = bytes[index]
        let n = bytes.count
        if b0 < 0xC0 { return (0xFFFD, 1) }
        if b0 < 0xE0 {
            guard index + 1 < n else { return (0xFFFD, 1) }
            return (UInt32(b0 & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard index + 2 < n else { return (0xFFFD, 1) }
            return (UInt32(b0 & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        guard index + 3 < n else { return (0xFFFD, 1) }
        return (
            UInt32(b0 & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4
        )
    }
}
