/// A `field` check's `pattern`: a regular expression matched against the whole value in time
/// proportional to the value's length times the pattern's size, whatever the pattern.
///
/// Rule sets are untrusted input. A backtracking engine (Swift's `Regex`, PCRE) takes exponential
/// time on patterns such as `(a+)+$` against `aaaa…a!`; this one simulates every alternative at
/// once (Thompson's construction), so no pattern can hang ehcp. It accepts the common subset:
/// literals, `.`, `[…]` and `[^…]` with ranges, `\d \w \s` and their capitals, escaped punctuation,
/// `\n \t \r`, groups `(…)` and `(?:…)`, `|`, `* + ?`, `{n}`, `{n,}`, `{n,m}` (up to 1,000), `^` and
/// `$`. Back-references and lookaround, which no linear-time matcher can offer, are refused.
public struct Pattern: Sendable {
    /// Why a pattern is refused.
    public enum Problem: Error, Sendable, Equatable {
        case unsupported(String)
        case tooLarge

        /// The reason, for a rule-set diagnostic.
        public var message: String {
            switch self {
            case .unsupported(let what): "pattern uses \(what), which ehcp's patterns do not support"
            case .tooLarge: "pattern is too large: counted repeats ({n,m}) may expand to at most \(Pattern.largestSize) steps"
            }
        }
    }

    /// The most states a compiled pattern may have.
    public static let largestSize = 10_000

    private enum State: Sendable {
        case character(CharacterTest, next: Int)
        case split(Int, Int)
        case start(next: Int)
        case end(next: Int)
        case match
    }

    /// The pattern as written.
    public let source: String
    /// True when an unbounded repeat (`*`, `+`, `{n,}`) holds another, as in `(a+)+`: harmless
    /// here, but exponential in the backtracking engines other tools use, and never needed.
    public private(set) var nestsUnboundedRepeats = false
    private var states: [State] = [.match]
    private var initial = 0

    /// Compiles `source`.
    ///
    /// - Throws: ``Problem`` for syntax outside the subset, or a pattern too large once counts expand.
    public init(_ source: String) throws(Problem) {
        self.source = source
        var parser = Parser(source)
        let tree = try parser.parse()
        nestsUnboundedRepeats = Self.nestsUnboundedRepeats(tree)
        initial = try compile(tree, next: 0)
    }

    // MARK: - Compiling

    private static func repeatsUnboundedly(_ node: Node) -> Bool {
        switch node {
        case .characters, .start, .end: false
        case .sequence(let items), .alternatives(let items): items.contains(where: repeatsUnboundedly)
        case .repeated(let inner, _, let max): max == nil || repeatsUnboundedly(inner)
        }
    }

    private static func nestsUnboundedRepeats(_ node: Node) -> Bool {
        switch node {
        case .characters, .start, .end: false
        case .sequence(let items), .alternatives(let items): items.contains(where: nestsUnboundedRepeats)
        case .repeated(let inner, _, let max): (max == nil && repeatsUnboundedly(inner)) || nestsUnboundedRepeats(inner)
        }
    }

    /// The state that matches `node` then continues at `next`, built back to front.
    private mutating func compile(_ node: Node, next: Int) throws(Problem) -> Int {
        switch node {
        case .characters(let test): return try add(.character(test, next: next))
        case .start: return try add(.start(next: next))
        case .end: return try add(.end(next: next))
        case .sequence(let items):
            var entry = next
            for item in items.reversed() { entry = try compile(item, next: entry) }
            return entry
        case .alternatives(let branches):
            var entry = try compile(branches.last!, next: next)
            for branch in branches.dropLast().reversed() {
                let start = try compile(branch, next: next)
                entry = try add(.split(start, entry))
            }
            return entry
        case .repeated(let inner, let min, let max):
            var entry = next
            if let max {
                for _ in 0..<(max - min) {
                    let start = try compile(inner, next: entry)
                    entry = try add(.split(start, entry))
                }
            } else {
                let loop = try add(.split(0, next))
                let body = try compile(inner, next: loop)
                states[loop] = .split(body, next)
                entry = loop
            }
            for _ in 0..<min { entry = try compile(inner, next: entry) }
            return entry
        }
    }

    private mutating func add(_ state: State) throws(Problem) -> Int {
        guard states.count < Self.largestSize else { throw .tooLarge }
        states.append(state)
        return states.count - 1
    }

    // MARK: - Matching

    /// True when the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        let characters = Array(text)
        var current: [Int] = []
        var seen = [Int](repeating: -1, count: states.count)
        follow(initial, at: 0, length: characters.count, into: &current, seen: &seen)
        for (position, character) in characters.enumerated() {
            var next: [Int] = []
            for index in current {
                if case .character(let test, let target) = states[index], test.accepts(character) {
                    follow(target, at: position + 1, length: characters.count, into: &next, seen: &seen)
                }
            }
            current = next
            if current.isEmpty { return false }
        }
        return current.contains { if case .match = states[$0] { true } else { false } }
    }

    /// Adds `index` and every state reachable from it without reading a character.
    private func follow(_ index: Int, at position: Int, length: Int, into list: inout [Int], seen: inout [Int]) {
        var pending = [index]
        while let index = pending.popLast() {
            guard seen[index] != position else { continue }
            seen[index] = position
            switch states[index] {
            case .split(let first, let second): pending += [second, first]
            case .start(let next): if position == 0 { pending.append(next) }
            case .end(let next): if position == length { pending.append(next) }
            case .character, .match: list.append(index)
            }
        }
    }
}
