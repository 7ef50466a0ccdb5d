/// The classes of the parser's classifier: SHIFT, and LEFT and RIGHT for every label.
enum ParserTransition {
    @inline(__always) static let shift = 0
    @inline(__always) static func left(_ label: Int) -> Int { 1 + 2 * label }
    @inline(__always) static func right(_ label: Int) -> Int { 2 + 2 * label }
    @inline(__always) static func isLeft(_ c: Int) -> Bool { c > 0 && c % 2 == 1 }
    @inline(__always) static func label(_ c: Int) -> Int { (c - 1) / 2 }

    static func classNames(labels: [String]) -> [String] {
        var names = ["SHIFT"]
        for l in labels {
            names.append("L-\(l)")
            names.append("R-\(l)")
        }
        return names
    }

    @inline(__always)
    static func isValid(_ c: Int, _ state: ParseState) -> Bool {
        if c == shift { return state.canShift }
        return isLeft(c) ? state.canLeft : state.canRight
    }

    @inline(__always)
    static func apply(_ c: Int, _ state: inout ParseState) {
        if c == shift {
            state.shift()
        } else if isLeft(c) {
            state.left(label: label(c))
        } else {
            state.right(label: label(c))
        }
    }
}
