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

    public static func guess(_ text: String) -> String? {
        var counts = [Int](repeating: 0, count: stopwords.count)
        var words = 0
        for word in text.prefix(4000).lowercased().split(whereSeparator: { !$0.isLetter }) {
            words += 1
            let w = String(word)
            for (i, entry) in stopwords.enumerated() where entry.1.contains(w) { counts[i] += 1 }
        }
        guard words >= 8, let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] * 20 >= words
        else { return nil }
        return stopwords[best].0
    }
}
