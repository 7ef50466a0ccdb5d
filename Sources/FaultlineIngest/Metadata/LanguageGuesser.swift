/// Guesses the language of a text from its script and its commonest words.
///
/// Good enough to tell English from Russian, Ukrainian, Belarusian, Polish, German, French,
/// Spanish or Italian reporting; nil when the text is too short to say.
public enum LanguageGuesser {
    private static let stopwords: [(String, Set<String>)] = [
        ("en", ["the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "by", "are", "this"]),
        ("de", ["der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "auf", "sich", "dem", "auch"]),
        ("fr", ["le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui", "sur", "pas", "du"]),
        ("es", ["el", "la", "los", "las", "y", "que", "en", "del", "se", "por", "una", "con", "para", "es"]),
        ("it", ["il", "di", "che", "la", "e", "per", "un", "non", "della", "sono", "del", "una", "con", "gli"]),
        ("pl", ["i", "w", "na", "z", "się", "nie", "do", "że", "jest", "to", "o", "jak", "po", "przez"]),
        ("ru", ["и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "для", "он", "от", "его"]),
        ("uk", ["і", "в", "не", "на", "що", "з", "до", "це", "як", "та", "для", "від", "його", "у"]),
        ("be", ["і", "ў", "не", "на", "што", "з", "да", "гэта", "як", "для", "ад", "яго", "таксама"]),
    ]

    /// Each stopword with the languages it belongs to.
    private static let index: [String: [Int]] = {
        var index: [String: [Int]] = [:]
        for (i, entry) in stopwords.enumerated() {
            for word in entry.1 { index[word, default: []].append(i) }
        }
        return index
    }()

    public static func guess(_ text: String) -> String? {
        var counts = [Int](repeating: 0, count: stopwords.count)
        var words = 0
        // Words are runs of bytes that are not ASCII punctuation, digits or space: non-ASCII
        // bytes count as letters, which is right for the Cyrillic and Latin scripts compared.
        var word: [UInt8] = []
        func finish() {
            guard !word.isEmpty else { return }
            words += 1
            if word.count <= 16, let languages = index[String(decoding: word, as: UTF8.self)] {
                for i in languages { counts[i] += 1 }
            }
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8.prefix(4_000) {
            if byte >= 0x80 || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
                // ASCII lowercased here; Cyrillic stopwords are lowercase and sentence-initial
                // capitals are a small loss.
                word.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            } else {
                finish()
            }
        }
        finish()
        guard words >= 8, let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] * 20 >= words
        else { return nil }
        return stopwords[best].0
    }
}
