import Foundation
import Testing
@testable import EHCPYAML
import EHCPSource

// Conformance of the YAML reader against the YAML test suite (MIT licence, see
// Tests/Fixtures/yaml-test-suite/License). Every case is checked three ways:
//   (a) a valid case's events, in the suite's notation, must equal its `test.event`;
//   (b) a case with an `error` file must be rejected by the parser;
//   (c) where the case has `in.json`, the documents the reader builds must equal it, with plain
//       scalars resolved by the YAML 1.2 core schema and quoted scalars kept as strings.
// The reader can be no better than libyaml 0.2.5 under it, so the cases where it differs are listed
// below with the reason. A listed case must still differ (so the list cannot go stale); every
// other case must pass.

/// Case id → why the result differs from the suite.
let knownLibyamlDeviations: [String: String] = [:]

// MARK: - Cases

struct SuiteCase: Sendable, CustomTestStringConvertible {
    /// The case's folder name, with the sub-case number for variants ("MUS6/00").
    let id: String
    let directory: URL

    var testDescription: String { "\(id) \(text("===")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")" }
    var expectsError: Bool { FileManager.default.fileExists(atPath: directory.appendingPathComponent("error").path) }

    func data(_ name: String) -> Data? { try? Data(contentsOf: directory.appendingPathComponent(name)) }
    func text(_ name: String) -> String? { data(name).map { String(decoding: $0, as: UTF8.self) } }
}

enum YAMLTestSuite {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/yaml-test-suite")

    /// Every folder holding an `in.yaml`, one level deep or in numbered sub-folders.
    static let cases: [SuiteCase] = {
        let files = FileManager.default
        func folders(in url: URL) -> [String] {
            ((try? files.contentsOfDirectory(atPath: url.path)) ?? []).sorted().filter { name in
                var isFolder: ObjCBool = false
                return files.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isFolder)
                    && isFolder.boolValue
            }
        }
        var found: [SuiteCase] = []
        for name in folders(in: root) {
            let folder = root.appendingPathComponent(name)
            if files.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                found.append(SuiteCase(id: name, directory: folder))
            } else {
                for sub in folders(in: folder) {
                    found.append(SuiteCase(id: "\(name)/\(sub)", directory: folder.appendingPathComponent(sub)))
                }
            }
        }
        return found
    }()

    /// What is wrong with a case; empty when it conforms.
    static func problems(of testCase: SuiteCase) throws -> [String] {
        let input = try #require(testCase.data("in.yaml"), "\(testCase.id) has no in.yaml")
        var problems: [String] = []

        // (a) and (b): the event stream.
        var events: [String] = []
        var parseError: YAMLError?
        do {
            try YAMLParser.parse(input, file: "in.yaml") { events.append($0.testSuiteNotation) }
        } catch let error as YAMLError {
            parseError = error
        }
        if testCase.expectsError {
            if parseError == nil { problems.append("the parser accepted input the suite marks as an error") }
            return problems
        }
        if let parseError { return problems + ["the parser rejected valid input: \(parseError)"] }
        let expected = lines(of: try #require(testCase.text("test.event"), "\(testCase.id) has no test.event"))
        if events != expected {
            let index = zip(events, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(events.count, expected.count)
            let got = index < events.count ? events[index] : "(end)"
            let want = index < expected.count ? expected[index] : "(end)"
            problems.append("event \(index + 1) is \(got), expected \(want)")
        }

        // (c): the loaded value.
        guard let json = testCase.data("in.json") else { return problems }
        let expectedValues = try jsonValues(json)
        do {
            let actual = try YAMLReader.documents(input, file: "in.yaml").map(value(of:))
            if actual != expectedValues { problems.append("loaded \(actual), expected \(expectedValues)") }
        } catch {
            problems.append("the reader refused it: \(error)")
        }
        return problems
    }

    static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

// MARK: - Values

/// A JSON value, for comparing what the reader built with `in.json`.
enum JSONValue: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let items): "[\(items.map(\.description).joined(separator: ", "))]"
        case .object(let entries):
            "{\(entries.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", "))}"
        }
    }

    /// Converts what `JSONSerialization` returns.
    init(foundation object: Any) {
        switch object {
        case is NSNull: self = .null
        case let text as String: self = .string(text)
        // JSON booleans come back as NSNumbers whose type code is "c" (char).
        case let number as NSNumber:
            self = String(cString: number.objCType) == "c" ? .bool(number.boolValue) : .number(number.doubleValue)
        case let items as [Any]: self = .array(items.map(JSONValue.init(foundation:)))
        case let entries as [String: Any]: self = .object(entries.mapValues(JSONValue.init(foundation:)))
        default: self = .string("unexpected \(type(of: object))")
        }
    }
}

extension YAMLTestSuite {
    /// The values of `in.json`, which holds one JSON text per document of a multi-document stream.
    static func jsonValues(_ data: Data) throws -> [JSONValue] {
        let bytes = Array(data)
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var values: [JSONValue] = []
        var index = 0
        while index < bytes.count {
            if isSpace(bytes[index]) { index += 1; continue }
            // Find where this value ends: its closing bracket or quote, or the next space for a bare word.
            let start = index
            var depth = 0
            var inString = false
            scan: while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if inString {
                    if byte == backslash { index += 1 } else if byte == quote {
                        inString = false
                        if depth == 0 { break scan }
                    }
                    continue
                }
                switch byte {
                case quote: inString = true
                case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                    if depth == 0 { break scan }
                case _ where depth == 0 && isSpace(byte):
                    index -= 1
                    break scan
                default: break
                }
            }
            let object = try JSONSerialization.jsonObject(with: Data(bytes[start..<index]), options: .fragmentsAllowed)
            values.append(JSONValue(foundation: object))
        }
        return values
    }

    /// The JSON value of a node: mappings and sequences as they are, scalars by the core schema.
    static func value(of node: SourceNode) -> JSONValue {
        switch node.content {
        case .mapping(let entries):
            .object(Dictionary(entries.map { ($0.key, value(of: $0.value)) }, uniquingKeysWith: { first, _ in first }))
        case .sequence(let items): .array(items.map(value(of:)))
        case .scalar(let scalar): resolve(scalar, tag: node.tag)
        }
    }

    /// YAML 1.2 core schema: quoted and block scalars, `!` and `!!str` are strings; plain scalars
    /// (or ones tagged with a core type) are null, booleans or numbers when they look like one.
    static func resolve(_ scalar: Scalar, tag: String?) -> JSONValue {
        let core = "tag:yaml.org,2002:"
        let text = scalar.value
        switch tag {
        case "!", core + "str": return .string(text)
        case core + "null", core + "bool", core + "int", core + "float": break
        default: if scalar.style != .plain { return .string(text) }
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        if let match = text.wholeMatch(of: #/0o([0-7]+)/#), let number = Int(match.1, radix: 8) {
            return .number(Double(number))
        }
        if let match = text.wholeMatch(of: #/0x([0-9a-fA-F]+)/#), let number = Int(match.1, radix: 16) {
            return .number(Double(number))
        }
        if text.wholeMatch(of: #/[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/#) != nil,
            let number = Double(text.hasSuffix(".") ? text + "0" : text)
        {
            return .number(number)
        }
        return .string(text)
    }
}

// MARK: - Tests

@Suite("YAML test suite")
struct YAMLTestSuiteTests {
    @Test("The fixture folder holds the whole suite")
    func suiteIsPresent() {
        #expect(YAMLTestSuite.cases.count > 300, "only \(YAMLTestSuite.cases.count) cases under \(YAMLTestSuite.root.path)")
    }

    @Test("Every listed deviation names a case of the suite")
    func deviationsNameRealCases() {
        let ids = Set(YAMLTestSuite.cases.map(\.id))
        for id in knownLibyamlDeviations.keys.sorted() where !ids.contains(id) {
            Issue.record("knownLibyamlDeviations lists \(id), which is not a case of the suite")
        }
    }

    @Test("Case conforms, or still deviates as listed", arguments: YAMLTestSuite.cases)
    func conformance(_ testCase: SuiteCase) throws {
        let problems = try YAMLTestSuite.problems(of: testCase)
        if let reason = knownLibyamlDeviations[testCase.id] {
            #expect(!problems.isEmpty, "\(testCase.id) now conforms; remove it from knownLibyamlDeviations (\(reason))")
        } else {
            for problem in problems { Issue.record("\(testCase.id): \(problem)") }
        }
    }
}
