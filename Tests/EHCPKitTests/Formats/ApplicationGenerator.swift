@testable import EHCPKit

/// A small seeded generator (SplitMix64), so every run checks the same applications.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random applications that fill any subset of the canonical schema with values of the right
/// type, including text that stresses every syntax (markup characters, quotes, commas, line breaks,
/// non-ASCII letters, and text that would read as a number or boolean).
struct ApplicationGenerator {
    var random: SeededRandom

    private static let words = [
        "Amelia", "Zoë", "O'Neil", "Smith-Jones", "李", "a < b", "R&D", "\"quoted\"", "one, two", "true", "0123",
        "12.50", "null", "~", "- dash", "# hash", "{n}", "line one\nline two", "Ōkafor", "tab\there"
    ]

    mutating func application() -> Application {
        var root = record(CanonicalSchema.root, depth: 0)
        root["schemaVersion"] = Value(.text(CanonicalSchema.version))
        return Application(root: root, file: "generated")
    }

    private mutating func record(_ fields: [Field], depth: Int) -> Record {
        var record = Record()
        for field in fields where field.required || Int.random(in: 0..<10, using: &random) < 7 {
            if let value = value(field.type, depth: depth) { record[field.name] = value }
        }
        return record
    }

    private mutating func value(_ type: FieldType, depth: Int) -> Value? {
        switch type {
        case .text: return Value(.text(text()))
        case .identifier(let kind):
            if kind == .laCode { return Value(.text(["926", "822", "202", "860", "383", "886"].randomElement(using: &random)!)) }
            return Value(.text(String((0..<Int.random(in: 1...12, using: &random)).map { _ in "ABCDEFGHJK0123456789-".randomElement(using: &random)! })))
        case .date:
            return CalendarDate(
                year: Int.random(in: 1995...2030, using: &random), month: Int.random(in: 1...12, using: &random),
                day: Int.random(in: 1...28, using: &random)
            ).map { Value(.date($0)) }
        case .number: return Value(.number([0, 1, 2.5, 38, 2280, 6000.75, 0.25, 1e6].randomElement(using: &random)!))
        case .integer: return Value(.number(Double(Int.random(in: 0...900, using: &random))))
        case .boolean: return Value(.boolean(Bool.random(using: &random)))
        case .code(let vocabulary): return Value(.text(vocabulary.codes.randomElement(using: &random)!))
        case .object(let fields):
            let inner = record(fields, depth: depth + 1)
            return inner.fields.isEmpty ? nil : Value(.object(inner))
        case .list(let fields):
            let count = Int.random(in: 0...5, using: &random)
            return Value(.list((0..<count).map { _ in Value(.object(record(fields, depth: depth + 1))) }))
        }
    }

    private mutating func text() -> String {
        (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.words.randomElement(using: &random)! }.joined(separator: " ")
    }
}
