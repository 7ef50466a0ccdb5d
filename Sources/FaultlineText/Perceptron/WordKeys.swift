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

    public init(_ form: String) {
        let scalars = Array(form.unicodeScalars)
        var lower: [Unicode.Scalar] = []
        lower.reserveCapacity(scalars.count)
        var shape: [Unicode.Scalar] = []
        var flags: UInt64 = 0
        var upper = 0
        var letters = 0
        var punctuation = 0
        var last: Unicode.Scalar = " "
        var run = 0
        for (i, c) in scalars.enumerated() {
            let isUpper = CharClass.isUpper(c)
            let isLetter = CharClass.isLetter(c)
            let isDigit = CharClass.isDigit(c)
            if isUpper { upper += 1 }
            if isLetter { letters += 1 }
            if isDigit { flags |= 4 }
            if c == "-" { flags |= 8 }
            if !isLetter && !isDigit { punctuation += 1 }
            if i == 0 && isUpper { flags |= 1 }
            // Normalise curly apostrophes so Kiev’s and Kiev's share features.
            lower.append(CharClass.isApostrophe(c) ? "'" : CharClass.lower(c))
            let s: Unicode.Scalar = isUpper ? "X" : isLetter ? "x" : isDigit ? "d" : c
            if s == last { run += 1 } else { run = 1; last = s }
            if run <= 3 { shape.append(s) }
        }
        if letters > 0 { flags |= 32 }
        if letters > 0 && upper == letters { flags |= 2 }
        if punctuation == scalars.count { flags |= 16 }
        self.flags = flags
        length = scalars.count
        self.form = FeatureHash.scalars(scalars)
        self.lower = FeatureHash.scalars(lower)
        self.shape = FeatureHash.scalars(shape)
        let n = lower.count
        prefix1 = FeatureHash.scalars(lower.prefix(1))
        prefix2 = n >= 2 ? FeatureHash.scalars(lower.prefix(2)) : 0
        prefix3 = n >= 3 ? FeatureHash.scalars(lower.prefix(3)) : 0
        suffix1 = FeatureHash.scalars(lower.suffix(1))
        suffix2 = n >= 2 ? FeatureHash.scalars(lower.suffix(2)) : 0
        suffix3 = n >= 3 ? FeatureHash.scalars(lower.suffix(3)) : 0
        suffix4 = n >= 4 ? FeatureHash.scalars(lower.suffix(4)) : 0
    }

    /// Keys standing for "no word here" (before the start or after the end of a sentence).
    public static let start = WordKeys("<s>")
    public static let end = WordKeys("</s>")
}
