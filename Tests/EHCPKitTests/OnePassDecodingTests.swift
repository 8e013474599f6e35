import EHCPSource
import EHCPTestSupport
import EHCPYAML
import Foundation
import Testing

@testable import EHCPKit

/// The one-pass reader of canonical YAML and JSON gives what the tree reader and decoder give:
/// the same application, findings and unknown fields, or nothing when the tree reader is to say why
/// the document is refused.
@Suite struct OnePassDecodingTests {
    /// Both readings of `text`; `onePass` is nil when the one pass left the document to the tree.
    private func readBoth(_ text: String, json: Bool = false) -> (onePass: ReadResult?, tree: ReadResult?) {
        let bytes = Array(text.utf8)
        let onePass = ApplicationEventDecoder.read(bytes, file: "doc", json: json)
        let node = json ? try? JSONReader.document(bytes, file: "doc") : try? YAMLReader.document(bytes, file: "doc")
        let tree = node.map { node -> ReadResult in
            var decoder = ApplicationDecoder()
            let application = decoder.decode(node)
            return ReadResult(application: application, findings: decoder.findings, unknownFields: decoder.unknownFields)
        }
        return (onePass, tree)
    }

    /// Expects the same reading both ways, and (unless `mayFallBack`) that the one pass took it.
    private func expectSame(
        _ text: String, json: Bool = false, mayFallBack: Bool = false, _ comment: Comment? = nil,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let (onePass, tree) = readBoth(text, json: json)
        guard let tree else {
            #expect(onePass == nil, "the tree reader refuses it, so the one pass must too", sourceLocation: sourceLocation)
            return
        }
        guard let onePass else {
            #expect(mayFallBack, "the one pass left an ordinary document to the tree", sourceLocation: sourceLocation)
            return
        }
        #expect(onePass.application == tree.application, comment, sourceLocation: sourceLocation)
        #expect(onePass.findings == tree.findings, comment, sourceLocation: sourceLocation)
        #expect(onePass.unknownFields == tree.unknownFields, comment, sourceLocation: sourceLocation)
    }

    @Test func everyYAMLAndJSONFileOfTheRepositoryReadsTheSameBothWays() throws {
        let root = RepositoryPaths.root
        let folders = ["Examples", "LocalAuthorities", "Tests", "Fuzz", "Schemas"]
        var count = 0
        for folder in folders {
            let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder)
            while let relative = enumerator?.nextObject() as? String {
                let json = relative.hasSuffix(".json")
                guard json || relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
                guard let data = FileManager.default.contents(atPath: root + "/" + folder + "/" + relative) else { continue }
                expectSame(String(decoding: data, as: UTF8.self), json: json, mayFallBack: true, "\(folder)/\(relative)")
                count += 1
            }
        }
        #expect(count > 100)
    }

    @Test func theCanonicalExampleIsReadInOnePass() throws {
        let text = try RepositoryPaths.text("Examples/riverside-request/application.yaml")
        #expect(readBoth(text).onePass != nil)
        expectSame(text)
    }

    @Test(arguments: [
        // Every kind where another belongs, at the root, in objects, lists and list items.
        "- a\n- b\n", "just text\n", "", "~\n", "''\n", "--- \n",
        "schemaVersion: [1]\nchild: text\nparents: {a: 1}\nform: [x]\nsetting: ''\nneeds: ' '\nconsent: x\n",
        "parents:\n- name: A\n- plain\n- ''\n- ~\n- [1, 2]\n- {name: B, parentalResponsibility: maybe}\n",
        "child:\n  gp: {name: [x], practice: {a: b}}\n  dateOfBirth: 2016-02-30\n  sex: X\n  lookedAfter: 'true'\n",
        "attendance: {sessionsPossible: 10.5, sessionsAttended: '3', from: 2026-01-01}\n",
        "provision:\n- {hoursPerWeek: 1e2, weeksPerYear: +3, annualCost: inf, description: 0x10}\n- hoursPerWeek: nan\n",
        // Unknown fields, with suggestions and nested content that is passed over.
        "schemaVersoin: '1'\nextra: {deep: [1, {a: b}], more: {x: y}}\nchild: {givenName: A, unknown: [1]}\n",
        "schemaVersion: '2'\nauthority: '926'\ndateOfRequest: 2026-10-05\n",
        "schemaVersion: 1.1\n", "schemaVersion: !!str 1\n",
        "views: {child: {summary: s, evidence: e1}, parents: ~, youngPerson: ''}\nevidence: []\nneeds: []\n",
        // Left to the tree: anchors and aliases, duplicate keys, collection keys, two documents.
        "a: &x 1\nb: *x\n", "a: 1\na: 2\n", "? [a]\n: 1\n", "a: 1\n---\nb: 2\n", "a: [1\n"
    ])
    func yamlReadsTheSameBothWays(_ text: String) {
        expectSame(text, mayFallBack: text.contains("&x"))
    }

    @Test(arguments: [
        #"{"schemaVersion": "1", "child": {"givenNames": "A", "dateOfBirth": "2016-03-14"}, "needs": [{"rank": 1.5}]}"#,
        #"{"parents": [null, "x", [], {"name": "\ud83d\ude00"}]}"#,
        #"[1, 2]"#, #""text""#, #"{"a": 1,}"#, #"{'a': 1}"#, #"{"a": 1} // c"#, #"{"a": yes}"#, "a: 1\n",
        #"{"a": 1, "a": 2}"#, #"{"lookedAfter": true, "rank": -0.5e3}"#
    ])
    func jsonReadsTheSameBothWays(_ text: String) {
        expectSame(text, json: true, mayFallBack: text.contains(#"\ud83d"#))
    }

    /// Seeded edits of the canonical example (lines repeated, moved in or out, cut, YAML syntax
    /// dropped in): whatever the tree makes of each, the one pass makes the same or leaves it alone.
    @Test func editedDocumentsReadTheSameBothWays() throws {
        let lines = try RepositoryPaths.text("Examples/riverside-request/application.yaml").split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let pieces = [" ", "  ", ":", "- ", "[", "]", "{", "}", ",", "'", "\"", "~", "#", "? ", "x: 1", "&a ", "*a", "!!str ", "\t", "é"]
        var seed: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var onePassCount = 0
        for _ in 0..<400 {
            var edited = lines
            for _ in 0..<(1 + next(3)) {
                let line = next(edited.count)
                switch next(4) {
                case 0: edited.insert(edited[line], at: next(edited.count))
                case 1: edited[line] = (next(2) == 0 ? "  " : "") + edited[line].drop { $0 == " " && next(3) > 0 }
                case 2: edited.remove(at: line)
                default:
                    var text = edited[line]
                    text.insert(contentsOf: pieces[next(pieces.count)], at: text.index(text.startIndex, offsetBy: next(text.count + 1)))
                    edited[line] = text
                }
                if edited.isEmpty { edited = [""] }
            }
            let text = edited.joined(separator: "\n")
            expectSame(text, mayFallBack: true, "\(text)")
            if readBoth(text).onePass != nil { onePassCount += 1 }
        }
        // Most edits leave a document the one pass reads, so the comparison is not empty.
        #expect(onePassCount > 100)
    }

    @Test func nestingBeyondTheLimitIsLeftToTheTree() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(readBoth(deep).onePass == nil)
        #expect(readBoth(deep, json: true).onePass == nil)
    }
}
