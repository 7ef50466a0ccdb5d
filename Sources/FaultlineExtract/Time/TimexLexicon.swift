/// The words time expressions are built from, by what they mean.
///
/// Keys are lowercased token forms as ``Tokenizer`` cuts them (`sept.`, `a.m.`, `mid-1990s`
/// stays one token; `third-quarter` is three).
enum TimexLexicon {
    /// Calendar units a duration or shift counts in.
    enum Unit: Int, Sendable, Hashable, Comparable {
        case second, minute, hour, day, weekend, week, month, quarter, half, season, year, decade, century, millennium

        static func < (a: Unit, b: Unit) -> Bool { a.rawValue < b.rawValue }

        /// The TIMEX3 duration designator (`Y`, `M`, `W`, `D`, `H`, `Q`, `DE`, `CE`) and whether it
        /// sits after the `T` (times of day).
        var designator: (String, Bool) {
            switch self {
            case .second: return ("S", true)
            case .minute: return ("M", true)
            case .hour: return ("H", true)
            case .day: return ("D", false)
            case .weekend: return ("WE", false)
            case .week: return ("W", false)
            case .month: return ("M", false)
            case .quarter: return ("Q", false)
            case .half: return ("H", false)
            case .season: return ("M", false)
            case .year: return ("Y", false)
            case .decade: return ("DE", false)
            case .century: return ("CE", false)
            case .millennium: return ("ML", false)
            }
        }
    }

    static let months: [String: Int] = {
        var m: [String: Int] = [:]
        let names = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        for (i, name) in names.enumerated() {
            m[name] = i + 1
            if name != "may" { m[String(name.prefix(3)) + "."] = i + 1 }
        }
        // Without their period only where the short form is not an English word ("mar", "may").
        for (short, month) in [("jan", 1), ("feb", 2), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)] {
            m[short] = month
        }
        m["sept."] = 9
        return m
    }()

    static let weekdays: [String: Int] = {
        var w: [String: Int] = [:]
        for (i, name) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() {
            w[name] = i + 1
            w[String(name.prefix(3)) + "."] = i + 1
        }
        w["tues."] = 2
        w["thur."] = 4
        w["thurs."] = 4
        return w
    }()

    /// Plural weekdays (`Mondays`) are sets.
    static let weekdayPlurals: [String: Int] = [
        "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6, "sundays": 7,
    ]

    static let units: [String: Unit] = [
        "second": .second, "seconds": .second, "sec": .second, "secs": .second,
        "minute": .minute, "minutes": .minute, "min": .minute, "mins": .minute,
        "hour": .hour, "hours": .hour, "hr": .hour, "hrs": .hour,
        "day": .day, "days": .day, "weekend": .weekend, "weekends": .weekend,
        "week": .week, "weeks": .week, "fortnight": .week,
        "month": .month, "months": .month, "quarter": .quarter, "quarters": .quarter,
        "year": .year, "years": .year, "yr": .year, "yrs": .year,
        "decade": .decade, "decades": .decade, "century": .century, "centuries": .century,
        "millennium": .millennium, "millennia": .millennium,
    ]

    static let numberWords: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    ]

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "twenty-first": 21, "thirtieth": 30, "last": -1,
    ]

    /// Season codes of TIMEX3.
    static let seasons: [String: String] = [
        "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
        "springtime": "SP", "summertime": "SU", "wintertime": "WI",
    ]

    /// Parts of the day, as TIMEX3 codes.
    static let partsOfDay: [String: String] = [
        "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
        "daytime": "DT", "midday": "MI", "mid-afternoon": "AF", "mid-morning": "MO",
    ]

    /// Decades spelled out (`the nineties`).
    static let decadeWords: [String: Int] = [
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
        "nineties": 9,
    ]

    /// Words that stand alone for a fuzzy reference to now, the past or the future.
    ///
    /// Left out because TimeML annotators mostly did not mark them (TBAQ: `previously` 3 of 23,
    /// `soon` 4 of 17, bare `future` and `recent` fewer than half): `previously`, `soon`,
    /// `formerly`, `future`, `recent` (kept in `recent weeks`).
    static let references: [String: String] = [
        "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "presently": "PRESENT_REF",
        "nowadays": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    ]

    /// Sets expressed by one adverb. `annual`, `annually` and `quarterly` are left out: in
    /// reporting they mostly qualify a figure (`annual growth`, `quarterly dividend`) and
    /// TimeML annotators did not mark them.
    static let setWords: [String: String] = [
        "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D",
        "biweekly": "P2W",
    ]

    /// Modifiers before a point in time (`early May`), as TIMEX3 `mod`.
    static let pointModifiers: [String: String] = [
        "early": "START", "late": "END", "mid": "MID", "mid-": "MID", "middle": "MID",
    ]

    /// Approximations and bounds before an amount (`about two years`, `at least 72 hours`).
    static let amountModifiers: [String: String] = [
        "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX", "some": "APPROX",
        "nearly": "LESS_THAN", "almost": "LESS_THAN", "over": "MORE_THAN", "under": "LESS_THAN",
        "only": "EQUAL_OR_LESS", "just": "EQUAL_OR_LESS",
    ]

    /// Numbers small enough to spell, or digits: `two`, `twenty-four` (as one form), `12`, `1.5`.
    static func number(_ lower: String) -> Double? {
        if let n = numberWords[lower] { return Double(n) }
        if let first = lower.unicodeScalars.first, first.value >= 48 && first.value <= 57 {
            var clean = ""
            for c in lower.unicodeScalars where c != "," { clean.unicodeScalars.append(c) }
            return Double(clean)
        }
        return nil
    }
}
