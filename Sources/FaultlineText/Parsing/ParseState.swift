/// The configuration of the arc-hybrid transition system for one sentence.
///
/// Words are numbered 1…n, 0 is the artificial root at the bottom of the stack. SHIFT pushes
/// the buffer's front; LEFT pops the stack's top and makes it a dependent of the buffer's
/// front; RIGHT pops the top and makes it a dependent of the word below it. The root takes a
/// dependent only when the buffer is empty, so every tree has exactly one root word.
struct ParseState {
    let n: Int
    var stack: [Int] = [0]
    /// The buffer's front (words `front…n` are still in the buffer).
    var front = 1
    var heads: [Int]
    var labels: [Int]
    // Two nearest children on each side, and how many, for the feature templates.
    var left1: [Int]
    var left2: [Int]
    var right1: [Int]
    var right2: [Int]
    var leftCount: [UInt8]
    var rightCount: [UInt8]

    init(count n: Int) {
        self.n = n
        heads = Array(repeating: -1, count: n + 1)
        labels = Array(repeating: -1, count: n + 1)
        left1 = Array(repeating: -1, count: n + 1)
        left2 = Array(repeating: -1, count: n + 1)
        right1 = Array(repeating: -1, count: n + 1)
        right2 = Array(repeating: -1, count: n + 1)
        leftCount = Array(repeating: 0, count: n + 1)
        rightCount = Array(repeating: 0, count: n + 1)
        stack.reserveCapacity(n + 1)
    }

    var isTerminal: Bool { front > n && stack.count == 1 }

    @inline(__always) var s0: Int { stack.count >= 1 ? stack[stack.count - 1] : -1 }
    @inline(__always) var s1: Int { stack.count >= 2 ? stack[stack.count - 2] : -1 }
    @inline(__always) var s2: Int { stack.count >= 3 ? stack[stack.count - 3] : -1 }
    @inline(__always) var b0: Int { front <= n ? front : -1 }

    var canShift: Bool { front <= n }
    /// LEFT needs a real word on top and a buffer front to attach it to.
    var canLeft: Bool { stack.count >= 2 && front <= n }
    /// RIGHT onto the root only when the buffer is empty.
    var canRight: Bool { stack.count >= 3 || (stack.count == 2 && front > n) }

    mutating func shift() {
        stack.append(front)
        front += 1
    }

    mutating func left(label: Int) {
        let d = stack.removeLast()
        attach(d, to: front, label: label)
    }

    mutating func right(label: Int) {
        let d = stack.removeLast()
        attach(d, to: stack[stack.count - 1], label: label)
    }

    private mutating func attach(_ d: Int, to h: Int, label: Int) {
        heads[d] = h
        labels[d] = label
        if d < h {
            left2[h] = left1[h]
            left1[h] = d  // later left dependents are further left
            leftCount[h] &+= 1
        } else {
            right2[h] = right1[h]
            right1[h] = d  // later right dependents are further right
            rightCount[h] &+= 1
        }
    }
}
