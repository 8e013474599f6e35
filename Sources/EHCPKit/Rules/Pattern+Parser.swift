/// Reading a `pattern` into a syntax tree: the regular-expression subset rules may use.
extension Pattern {
    /// A node of a parsed pattern.
    indirect enum Node {
        case characters(CharacterTest)
        case start
        case end
        case sequence([Node])
        case alternatives([Node])
        case repeated(Node, min: Int, max: Int?)
    }

    /// One character position: a set of characters, or its complement.
    struct CharacterTest: Sendable {
        /// `\d`, `\w` and `\s`.
        enum Named: Character, Sendable {
            case digit = "d"
            case word = "w"
            case space = "s"

            func contains(_ character: Character) -> Bool {
                switch self {
                case .digit: character.isASCII && character.isNumber
                case .word: character.isLetter || character.isNumber || character == "_"
                case .space: character.isWhitespace
                }
            }
        }

        var ranges: [ClosedRange<Character>] = []
        /// Named classes, each possibly inverted (`\D`).
        var named: [(class: Named, inverted: Bool)] = []
        var negated = false

        func accepts(_ character: Character) -> Bool {
            let inside = ranges.contains { $0.contains(character) } || named.contains { $0.class.contains(character) != $0.inverted }
            return inside != negated
        }

        static let any = CharacterTest(negated: true)
    }

    /// A recursive-descent reader over the pattern's characters.
    struct Parser {
        private let characters: [Character]
        private var index = 0
        private var depth = 0

        /// The largest `{n,m}` count accepted.
        static let largestCount = 1_000
        /// The most groups one inside another: parsing and compiling recurse once per level.
        static let deepestNesting = 50

        init(_ text: String) { characters = Array(text) }

        mutating func parse() throws(Problem) -> Node {
            let node = try alternatives()
            if index < characters.count { throw .unsupported("an unmatched ')'") }
            return node
        }

        private var next: Character? { index < characters.count ? characters[index] : nil }

        private mutating func take() -> Character? {
            defer { index += 1 }
            return next
        }

        private mutating func alternatives() throws(Problem) -> Node {
            var branches = [try sequence()]
            while next == "|" {
                index += 1
                branches.append(try sequence())
            }
            return branches.count == 1 ? branches[0] : .alternatives(branches)
        }

        private mutating func sequence() throws(Problem) -> Node {
            var items: [Node] = []
            while let character = next, character != "|", character != ")" {
                items.append(try quantified(try atom()))
            }
            return .sequence(items)
        }

        private mutating func atom() throws(Problem) -> Node {
            switch take()! {
            case "^": return .start
            case "$": return .end
            case ".": return .characters(.any)
            case "[": return .characters(try characterClass())
            case "\\": return .characters(try escape())
            case "(":
                if next == "?" {
                    guard index + 1 < characters.count, characters[index + 1] == ":" else {
                        throw .unsupported("lookaround and named or flagged groups")
                    }
                    index += 2
                }
                depth += 1
                guard depth <= Self.deepestNesting else { throw .unsupported("groups nested more than \(Self.deepestNesting) deep") }
                let inner = try alternatives()
                guard take() == ")" else { throw .unsupported("an unclosed '('") }
                depth -= 1
                return inner
            case "*", "+", "?", "{": throw .unsupported("a quantifier with nothing before it")
            case let literal: return .characters(CharacterTest(ranges: [literal...literal]))
            }
        }

        private mutating func quantified(_ node: Node) throws(Problem) -> Node {
            guard let character = next else { return node }
            let bounds: (Int, Int?)
            switch character {
            case "*": bounds = (0, nil)
            case "+": bounds = (1, nil)
            case "?": bounds = (0, 1)
            case "{": bounds = try counted()
            default: return node
            }
            if character != "{" { index += 1 }
            if next == "?" { index += 1 }  // lazy: the same language when the whole value must match
            if next == "+" { throw .unsupported("possessive quantifiers") }
            if let next, "*+?{".contains(next) { throw .unsupported("a quantifier straight after another") }
            return .repeated(node, min: bounds.0, max: bounds.1)
        }

        private mutating func counted() throws(Problem) -> (Int, Int?) {
            index += 1
            func number() -> Int? {
                var digits = ""
                while let digit = next, digit.isASCII, digit.isNumber {
                    digits.append(digit)
                    index += 1
                }
                return digits.isEmpty ? nil : Int(digits.prefix(7))
            }
            guard let low = number() else { throw .unsupported("'{' that does not start a count {n}, {n,} or {n,m}") }
            var high: Int? = low
            if next == "," {
                index += 1
                high = number()
            }
            guard take() == "}" else { throw .unsupported("'{' that does not start a count {n}, {n,} or {n,m}") }
            guard low <= Self.largestCount, (high ?? low) <= Self.largestCount, low <= (high ?? low) else {
                throw .tooLarge
            }
            return (low, high)
        }

        private mutating func characterClass() throws(Problem) -> CharacterTest {
            var test = CharacterTest()
            if next == "^" {
                test.negated = true
                index += 1
            }
            var first = true
            while let character = next, character != "]" || first {
                first = false
                index += 1
                if character == "\\" {
                    let escaped = try escape()
                    test.ranges += escaped.ranges
                    test.named += escaped.named
                    continue
                }
                if next == "-", index + 1 < characters.count, characters[index + 1] != "]" {
                    let upper = characters[index + 1]
                    guard character <= upper else { throw .unsupported("a range whose end comes before its start") }
                    test.ranges.append(character...upper)
                    index += 2
                } else {
                    test.ranges.append(character...character)
                }
            }
            guard take() == "]" else { throw .unsupported("an unclosed '['") }
            return test
        }

        private mutating func escape() throws(Problem) -> CharacterTest {
            guard let character = take() else { throw .unsupported("a '\\' at the end") }
            if let named = CharacterTest.Named(rawValue: Character(character.lowercased())) {
                return CharacterTest(named: [(named, character.isUppercase)])
            }
            let controls: [Character: Character] = ["n": "\n", "t": "\t", "r": "\r"]
            if let control = controls[character] { return CharacterTest(ranges: [control...control]) }
            guard !character.isLetter, !character.isNumber else {
                throw .unsupported("the escape '\\\(character)' (back-references, anchors and classes other than \\d \\w \\s)")
            }
            return CharacterTest(ranges: [character...character])
        }
    }
}
