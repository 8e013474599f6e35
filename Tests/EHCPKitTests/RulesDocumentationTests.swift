import EHCPSource
import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

/// docs/rules.md describes the rule language; its examples are tested so they stay true.
///
/// A block fenced ```` ```yaml ```` is a whole rule set that must lint clean (notes aside); ```` ```yaml rejected ````
/// one that lint refuses, its first line `# lint: TEXT` giving what the message says;
/// ```` ```yaml expected-findings ```` an expected-findings file of examples.
@Suite struct RulesDocumentationTests {
    struct Block: CustomTestStringConvertible, Sendable {
        var kind: String
        var line: Int
        var text: String
        var testDescription: String { "docs/rules.md:\(line) (yaml \(kind))".replacingOccurrences(of: " ()", with: "") }
    }

    static let blocks: [Block] = {
        guard let text = try? RepositoryPaths.text("docs/rules.md") else { return [] }
        var blocks: [Block] = []
        var open: Block?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if var block = open {
                if line == "```" {
                    blocks.append(block)
                    open = nil
                } else {
                    block.text += line + "\n"
                    open = block
                }
            } else if line.hasPrefix("```yaml") {
                open = Block(kind: line.dropFirst("```yaml".count).trimmingCharacters(in: .whitespaces), line: index + 1, text: "")
            }
        }
        return blocks
    }()

    private func lint(_ block: Block) throws -> [Diagnostic] {
        let file = try EHCPProcess.temporaryFolder() + "/rules.yaml"
        try block.text.write(toFile: file, atomically: true, encoding: .utf8)
        return RuleSetCatalog.builtIn.lint(Array(block.text.utf8), file: file)
    }

    @Test func everyKindOfBlockIsThere() {
        let kinds = Set(Self.blocks.map(\.kind))
        #expect(kinds == ["", "rejected", "expected-findings"], "\(kinds)")
        #expect(Self.blocks.count >= 10)
    }

    @Test(arguments: blocks.filter { $0.kind.isEmpty })
    func ruleSetLintsClean(_ block: Block) throws {
        let found = try lint(block).filter { $0.severity != .info }
        #expect(found.isEmpty, "\(found)")
    }

    @Test(arguments: blocks.filter { $0.kind == "rejected" })
    func rejectedRuleSetGivesTheDocumentedMessage(_ block: Block) throws {
        let first = try #require(block.text.split(separator: "\n").first)
        #expect(first.hasPrefix("# lint: "))
        let expected = String(first.dropFirst("# lint: ".count))
        let found = try lint(block)
        #expect(found.contains { $0.message.contains(expected) && $0.location?.line != nil }, "\(found)")
    }

    @Test(arguments: blocks.filter { $0.kind == "expected-findings" })
    func expectedFindingsFileReads(_ block: Block) throws {
        let file = try EHCPProcess.temporaryFolder() + "/case.expected.yaml"
        try block.text.write(toFile: file, atomically: true, encoding: .utf8)
        let expected = try ExampleRunner.expectations(file)
        #expect(!expected.isEmpty)
        #expect(expected.contains { $0.path?.contains("[") == true }, "the example shows a quoted path with an index")
    }

    /// Every check kind, condition form and computed path of the language is described.
    @Test func everyFormIsDocumented() throws {
        let text = try RepositoryPaths.text("docs/rules.md")
        for key in RuleSetLoader.checkKeys { #expect(text.contains("### `\(key)`"), "check \(key)") }
        for form in ["`present: path`", "`absent: path`", "`xpath: \"EXPR\"`", "`path: [a, b]`", "`unless`"] {
            #expect(text.contains(form), "condition \(form)")
        }
        for path in CanonicalSchema.computed.keys { #expect(text.contains("| `\(path)` |"), "computed path \(path)") }
        for grade in SourceGrade.allCases { #expect(text.contains(grade.rawValue), "grade \(grade.rawValue)") }
    }
}
