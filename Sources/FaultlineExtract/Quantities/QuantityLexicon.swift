/// The words quantities are built from: scales, units, currencies, hedges.
enum QuantityLexicon {
    /// Words that multiply the number before them.
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
        "mln": 1e6, "mn": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12, "k": 1e3,
    ]

    /// Plural number words that stand for a vague amount of at least this much (`thousands of`).
    static let vague: [String: Double] = [
        "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "tens": 10, "millions": 1e6,
        "billions": 1e9,
    ]

    /// Number words, as for time expressions, with `a dozen`'s dozen.
    static let numberWords: [String: Double] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]

    /// Currency signs before a number.
    static let currencySigns: [String: String] = [
        "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₴": "UAH", "c$": "CAD",
        "a$": "AUD",
    ]

    /// Unit words after a number (one word), by normalised unit.
    static let units: [String: String] = [
        "ton": "t", "tons": "t", "tonne": "t", "tonnes": "t", "t": "t", "kilotons": "kt", "kilotonnes": "kt",
        "kg": "kg", "kilogram": "kg", "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg",
        "km": "km", "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
        "mile": "mi", "miles": "mi", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
        "hectare": "ha", "hectares": "ha", "km2": "km²", "km²": "km²", "acres": "acre",
        "percent": "%", "per-cent": "%", "%": "%", "pct": "%",
        "dollars": "USD", "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
        "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rub": "RUB", "hryvnias": "UAH", "hryvnia": "UAH",
        "hryvnia's": "UAH", "uah": "UAH", "yuan": "CNY", "pounds": "GBP", "sterling": "GBP", "gbp": "GBP",
        "barrels": "bbl", "barrel": "bbl", "liters": "l", "litres": "l", "gallons": "gal",
        "megawatts": "MW", "mw": "MW", "gigawatts": "GW",
    ]

    /// `square` + a length unit.
    static let squareUnits: [String: String] = [
        "kilometers": "km²", "kilometres": "km²", "kilometer": "km²", "kilometre": "km²", "km": "km²",
        "miles": "mi²", "mile": "mi²", "meters": "m²", "metres": "m²",
    ]

    /// Hedges and bounds before an amount, one word.
    static let modifiers: [String: String] = [
        "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
        "nearly": "LESS_THAN", "almost": "LESS_THAN", "over": "MORE_THAN", "under": "LESS_THAN",
        "estimated": "APPROX", "approx.": "APPROX", "circa": "APPROX", "c.": "APPROX",
    ]

    /// Words that end the noun phrase after a number: function words, auxiliaries, reporting verbs.
    static let phraseStops: Set<String> = [
        "of", "in", "from", "to", "and", "or", "but", "the", "a", "an", "with", "by", "for", "on", "at", "that",
        "which", "who", "whom", "whose", "will", "would", "was", "were", "is", "are", "has", "have", "had", "be",
        "been", "said", "says", "per", "each", "as", "than", "since", "into", "onto", "over", "under", "after",
        "before", "during", "while", "if", "when", "where", "this", "these", "those", "its", "their", "his", "her",
        "it", "they", "we", "he", "she", "i", "you", "not", "no", "could", "can", "may", "might", "should",
        "must", "do", "does", "did", "also", "more", "less", "than", "up", "down", "out", "off", "through",
        "across", "against", "between", "among", "near", "within", "without", "ago", "earlier", "later", "so",
        "such", "only", "just", "even", "still", "yet", "already", "there", "here", "then", "now", "all",
        "both", "either", "neither", "some", "any", "many", "much", "few", "several", "other", "another",
        "about", "around", "because", "including", "like", "amid", "toward", "towards", "via", "s", "'s",
        "each", "every", "last", "next", "year", "years", "month", "months", "week", "weeks", "day", "days",
        "times", "percent", "times", "fold",
    ]

    /// Prepositions that join a measure to what it measures: `492 tons of ammunition`,
    /// `$2.7 billion in tainted oil`, `$5 million worth of arms`.
    static let objectLinks: Set<String> = ["of", "in", "worth"]

    /// Every word that can begin a quantity (numbers aside).
    static let starters: Set<String> = {
        var s = Set(modifiers.keys).union(currencySigns.keys).union(vague.keys).union(numberWords.keys)
        s.formUnion(["at", "more", "fewer", "less", "up", "as", "an", "a", "one"])
        return s
    }()
}
