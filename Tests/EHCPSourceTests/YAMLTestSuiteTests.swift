import EHCPSource
import Foundation
import Testing

@testable import EHCPYAML

// Conformance of the YAML reader against the YAML test suite (MIT licence, see
// Tests/Fixtures/yaml-test-suite/License). Every case is checked this way:
//   (a) a valid case's parse events, in the suite's notation, must equal its `test.event`;
//   (b) a case with an `error` file must be rejected by the parser;
//   (c) the reader must build every valid case, and where the case has `in.json` the documents must
//       equal it, with plain scalars resolved by the YAML 1.2 core schema and quoted ones as strings.
// The reader can be no better than libyaml 0.2.5 under it, so the cases where libyaml differs from
// the suite are listed below with the reason, as are the cases the reader refuses by design. A
// listed case must still deviate (so the list cannot go stale); every other case must pass.

/// Case id → why the result differs from the suite. Reasons are shared through `Why` below.
let knownLibyamlDeviations: [String: String] = [
    // libyaml rejects valid YAML 1.2.
    "2JQS": Why.emptyKey, "6M2F": Why.emptyKey, "M2N8/00": Why.emptyKey, "NHX8": Why.emptyKey,
    "NKF9": Why.emptyKey, "S3PD": Why.emptyKey, "SM9W/01": Why.emptyKey, "UKK6/00": Why.emptyKey,
    "CFD4": Why.emptyFlowKey, "FRK4": Why.emptyFlowKey,
    "4ABK": Why.colonInFlow, "58MP": Why.colonInFlow, "5T43": Why.colonInFlow, "DBG4": Why.colonInFlow,
    "HM87/00": Why.colonInFlow,
    "4MUZ/00": Why.flowKeyLines, "4MUZ/01": Why.flowKeyLines, "4MUZ/02": Why.flowKeyLines,
    "5MUD": Why.flowKeyLines, "9SA2": Why.flowKeyLines, "K3WX": Why.flowKeyLines, "NJ66": Why.flowKeyLines,
    "UT92": Why.flowKeyLines, "VJP3/01": Why.flowKeyLines,
    "2SXE": Why.anchorName, "8XYN": Why.anchorName, "W5VH": Why.anchorName,
    "2LFX": Why.unknownDirective, "6LVF": Why.unknownDirective, "MUS6/05": Why.unknownDirective,
    "MUS6/06": Why.unknownDirective,
    "BEC7": "libyaml rejects %YAML 1.3, which YAML 1.2 accepts with a warning",
    "W4TN": "libyaml reads a block scalar line starting with % as a directive",
    "7Z25": Why.bareAfterEnd, "M7A3": Why.bareAfterEnd,
    "DK3J": Why.zeroIndentScalar, "FP8R": Why.zeroIndentScalar,
    "HWV9": Why.endWithoutDocument, "QT73": Why.endWithoutDocument,
    "6BCT": Why.tabSeparation, "6CA3": Why.tabSeparation, "A2M4": Why.tabSeparation,
    "DK95/00": Why.tabSeparation, "DK95/03": Why.tabSeparation, "DK95/04": Why.tabSeparation,
    "Q5MG": Why.tabSeparation, "Y79Y/010": Why.tabSeparation,
    "96NN/00": Why.tabInBlockScalar, "96NN/01": Why.tabInBlockScalar, "R4YG": Why.tabInBlockScalar,
    "Y79Y/001": Why.tabInBlockScalar,
    // libyaml yields different events.
    "652Z": Why.questionMark, "HM87/01": Why.questionMark,
    "Y2GN": "libyaml ends an anchor name at ':' and reads the rest as the value",
    "JEF9/02": Why.trailingSpaces, "L24T/01": Why.trailingSpaces,
    // libyaml accepts invalid input.
    "9JBA": Why.commentSpace, "CVW2": Why.commentSpace, "MUS6/00": Why.commentSpace, "SU5Z": Why.commentSpace,
    "X4QW": Why.commentSpace,
    "9HCY": Why.directiveAfterDocument, "EB22": Why.directiveAfterDocument, "MUS6/01": Why.directiveAfterDocument,
    "RHX7": Why.directiveAfterDocument,
    "9C9N": Why.flowIndent, "QB6E": Why.flowIndent, "DK95/01": Why.flowIndent, "Y79Y/003": Why.flowIndent,
    "G5U8": Why.loneDash, "YJV2": Why.loneDash,
    "S98Z": "libyaml accepts leading blank lines of a block scalar indented deeper than its first content line",
    // The reader refuses, by design, a mapping key that is a collection (JSON cannot hold one either).
    "4FJ6": Why.complexKey, "6BFJ": Why.complexKey, "6PBE": Why.complexKey, "9MMW": Why.complexKey,
    "KK5P": Why.complexKey, "LX3P": Why.complexKey, "M2N8/01": Why.complexKey, "M5DY": Why.complexKey,
    "Q9WF": Why.complexKey, "RZP5": Why.complexKey, "SBG9": Why.complexKey, "V9D5": Why.complexKey,
    "X38W": Why.complexKey, "XW4D": Why.complexKey
]

private enum Why {
    static let emptyKey = "libyaml rejects an empty (null) implicit key in a block mapping (`: value`)"
    static let emptyFlowKey = "libyaml rejects an empty key in a flow collection (`[ : value ]`, `{ : value }`)"
    static let colonInFlow = "libyaml rejects a plain scalar in a flow collection that starts or ends with ':'"
    static let flowKeyLines = "libyaml rejects a flow mapping key that spans lines or whose ':' is on the next line"
    static let anchorName = "libyaml allows only ASCII letters, digits, '-' and '_' in anchor names"
    static let unknownDirective = "libyaml fails on an unknown directive, which YAML 1.2 ignores with a warning"
    static let bareAfterEnd = "libyaml requires '---' before a document that follows '...'"
    static let zeroIndentScalar = "libyaml rejects a top-level block scalar whose content starts in column 1"
    static let endWithoutDocument = "libyaml rejects a '...' marker with no document before it"
    static let tabSeparation = "libyaml rejects a tab used as separation space around indentation or indicators"
    static let tabInBlockScalar = "libyaml rejects a tab at the start of block scalar content after the indentation"
    static let questionMark = "libyaml reads '?' before a non-space in a flow collection as a key indicator, not as text"
    static let trailingSpaces = "libyaml drops a final space-only line without a line break from a block scalar"
    static let commentSpace = "libyaml accepts a '#' comment not preceded by white space"
    static let directiveAfterDocument = "libyaml accepts a directive after a document not closed by '...'"
    static let flowIndent = "libyaml accepts flow content continued on lines indented too little or with a tab"
    static let loneDash = "libyaml reads a lone '-' in a flow sequence as a plain scalar"
    static let complexKey = "the reader refuses a collection as a mapping key"
}

// MARK: - Cases

struct SuiteCase: Sendable, CustomTestStringConvertible {
    let id: String  // the folder name, with the sub-case number for variants ("MUS6/00")
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
            let index =
                zip(events, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(events.count, expected.count)
            let got = index < events.count ? events[index] : "(end)"
            let want = index < expected.count ? expected[index] : "(end)"
            problems.append("event \(index + 1) is \(got), expected \(want)")
        }

        // (c): the documents the reader builds, compared with in.json where the case has one.
        let expectedValues = try testCase.data("in.json").map(jsonValues)
        do {
            let values = try YAMLReader.documents(input, file: "in.yaml").map(value(of:))
            if let expectedValues, values != expectedValues {
                problems.append("loaded \(values), expected \(expectedValues)")
            }
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
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        var values: [JSONValue] = []
        var index = 0
        while index < bytes.count {
            if isSpace(bytes[index]) {
                index += 1
                continue
            }
            // Find where this value ends: its closing bracket or quote, or the next space for a bare word.
            let start = index
            var (depth, inString) = (0, false)
            scan: while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if inString {
                    if byte == backslash {
                        index += 1
                    } else if byte == quote {
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
        default: break  // .inf and .nan are left out: JSON cannot hold them.
        }
        if let match = text.wholeMatch(of: #/0o([0-7]+)|0x([0-9a-fA-F]+)/#) {
            return .number(Double(match.1.flatMap { Int($0, radix: 8) } ?? match.2.flatMap { Int($0, radix: 16) } ?? 0))
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
        let count = YAMLTestSuite.cases.count
        #expect(count > 300, "only \(count) cases under \(YAMLTestSuite.root.path)")
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
