/// The hashed strings of one word that the feature templates of every model combine:
/// computed once per word, so no feature builds a string.
public struct WordKeys: Sendable {
    public var form: UInt64
    public var lower: UInt64
    public var shape: UInt64
    public var prefix1: UInt64
    public var prefix2: UInt64
    public var prefix3: UInt64
    public var suffix1: UInt64
    public var suffix2: UInt64
    public var suffix3: UInt64
    public var suffix4: UInt64
    /// Bits: 1 starts upper, 2 all upper, 4 has digit, 8 has hyphen, 16 all punctuation, 32 has letter.
    public var flags: UInt64
    public var length: Int
    /// The word's groups in `WordClusters.shipped` at 64, 256 and 1024 groups (0 if unknown).
    public var cluster64: UInt64
    public var cluster256: UInt64
    public var cluster1024: UInt64

    public init(_ form: String) {
        // One pass over the scalars, no allocation: FNV-1a hashes of the form, the lowercased
        // form, the shape and the first three lowered scalars are built as we go; the last four
        // lowered scalars are kept for the suffixes (hashed in text order at the end).
        let prime: UInt64 = 0x100_0000_01b3
        let basis: UInt64 = 0xcbf2_9ce4_8422_2325
        var hForm = basis
        var hLower = basis
        var hShape = basis
        var p1 = basis
        var p2 = basis
        var p3 = basis
        var tail: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)  // last four lowered, oldest first
        var flags: UInt64 = 0
        var upper = 0
        var letters = 0
        var punctuation = 0
        var last: UInt32 = 32
        var run = 0
        var n = 0
        for c in form.unicodeScalars {
            let isUpper = CharClass.isUpper(c)
            let isLetter = CharClass.isLetter(c)
            let isDigit = CharClass.isDigit(c)
            if isUpper { upper += 1 }
            if isLetter { letters += 1 }
            if isDigit { flags |= 4 }
            if c == "-" { flags |= 8 }
            if !isLetter && !isDigit { punctuation += 1 }
            if n == 0 && isUpper { flags |= 1 }
            hForm = (hForm ^ UInt64(c.value)) &* prime
            let l = Self.folded(c)
            hLower = (hLower ^ UInt64(l)) &* prime
            if n < 1 { p1 = (p1 ^ UInt64(l)) &* prime }
            if n < 2 { p2 = (p2 ^ UInt64(l)) &* prime }
            if n < 3 { p3 = (p3 ^ UInt64(l)) &* prime }
            tail = (tail.1, tail.2, tail.3, l)
            let shapeScalar: UInt32 = isUpper ? 88 : isLetter ? 120 : isDigit ? 100 : c.value  // X x d
            if shapeScalar == last { run += 1 } else { run = 1; last = shapeScalar }
            if run <= 3 { hShape = (hShape ^ UInt64(shapeScalar)) &* prime }
            n += 1
        }
        if letters > 0 { flags |= 32 }
        if letters > 0 && upper == letters { flags |= 2 }
        if punctuation == n { flags |= 16 }
        self.flags = flags
        length = n
        self.form = hForm
        lower = hLower
        shape = hShape
        prefix1 = p1
        prefix2 = n >= 2 ? p2 : 0
        prefix3 = n >= 3 ? p3 : 0
        suffix1 = n >= 1 ? (basis ^ UInt64(tail.3)) &* prime : basis
        suffix2 = n >= 2 ? ((basis ^ UInt64(tail.2)) &* prime ^ UInt64(tail.3)) &* prime : 0
        suffix3 = n >= 3 ? (((basis ^ UInt64(tail.1)) &* prime ^ UInt64(tail.2)) &* prime ^ UInt64(tail.3)) &* prime : 0
        (cluster64, cluster256, cluster1024) = WordClusters.shipped.lookup(hLower)
        suffix4 = n >= 4 ? ((((basis ^ UInt64(tail.0)) &* prime ^ UInt64(tail.1)) &* prime ^ UInt64(tail.2)) &* prime ^ UInt64(tail.3)) &* prime : 0
    }

    /// The hash `lower` holds, for any scalars: lowercased, curly apostrophes straightened.
    public static func lowerHash(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in scalars { h = (h ^ UInt64(folded(c))) &* 0x100_0000_01b3 }
        return h
    }

    /// A scalar as `lower` hashes it: lowercased, and curly apostrophes folded into straight
    /// ones so Kiev’s and Kiev's share features.
    @inline(__always)
    static func folded(_ c: Unicode.Scalar) -> UInt32 {
        CharClass.isApostrophe(c) ? 39 : CharClass.lower(c).value
    }

    /// Keys standing for "no word here" (before the start or after the end of a sentence).
    public static let start = WordKeys("<s>")
    public static let end = WordKeys("</s>")
}
