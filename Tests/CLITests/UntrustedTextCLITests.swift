import EHCPTestSupport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Names, keys and file names from a request reach terminals, CI logs, XML and Markdown as text:
/// none of them can drive a terminal, break a document or render markup.
@Suite struct UntrustedTextCLITests {
    /// Terminal control (OSC title, BEL, CR, CSI as C1) and Markdown/HTML markup in one name.
    static let hostile = "req\u{1B}]0;owned\u{07}<img src=x onerror=alert(1)>![i](https:x.png)`*_[l](https:e)|\r\u{9B}2J\u{7F}"
    /// The same as a double-quoted YAML key.
    static let hostileKey = #""\e]0;title\a<img src=x onerror=alert(1)>![i](https://e.org/x.png)`code`|cell\r\x9b""#

    /// An intake folder: a copy of the example under a hostile name, with a hostile key and an
    /// unlisted file with a hostile name; a bundle whose document cannot be read, also badly named;
    /// and the plain example.
    static func intake() throws -> String {
        let intake = try EHCPProcess.temporaryFolder()
        let bundle = intake + "/" + hostile
        try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: bundle)
        let document = try String(contentsOfFile: bundle + "/application.yaml", encoding: .utf8)
        try (hostileKey + ": 1\n" + document).write(toFile: bundle + "/application.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: bundle + "/evidence/apdr-1.pdf", toPath: bundle + "/evidence/\u{1B}[31mred\u{07}.pdf")
        try FileManager.default.createDirectory(atPath: intake + "/bad\u{1B}[2J\u{9B}", withIntermediateDirectories: true)
        try "schemaVersion: \"1\"\nchild: [\n".write(toFile: intake + "/bad\u{1B}[2J\u{9B}/application.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: intake + "/plain")
        return intake
    }

    /// True when `text` holds a control character other than a line feed.
    static func holdsControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" }
    }

    @Test func bidirectionalOverridesInABundleNameAreShownNotApplied() throws {
        let intake = try EHCPProcess.temporaryFolder()
        let name = "invoice\u{202E}fdp.exe\u{200B}"
        try FileManager.default.copyItem(atPath: RepositoryPaths.examples + "/riverside-request", toPath: intake + "/" + name)
        let result = try EHCPProcess.run(["validate", intake + "/" + name])
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x200B })
        #expect(result.stdout.contains("invoice\\u{202E}fdp.exe\\u{200B}"), "\(result.stdout)")
    }

    @Test func aSingleBundleThatCannotBeReadIsListedInItsReport() throws {
        let intake = try EHCPProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: intake + "/broken", withIntermediateDirectories: true)
        try "schemaVersion: \"1\"\nchild: [\n".write(toFile: intake + "/broken/application.yaml", atomically: true, encoding: .utf8)
        for format in ["text", "json", "html", "markdown", "sarif", "junit"] {
            let result = try EHCPProcess.run(["validate", intake + "/broken", "--format", format])
            #expect(result.status == 2, "\(format)")
            #expect(result.stdout.contains("application.yaml"), "\(format): \(result.stdout)")
            #expect(
                result.stdout.lowercased().contains("could not be read") || result.stdout.contains("couldNotBeRead")
                    || result.stdout.contains("executionSuccessful"), "\(format): \(result.stdout)")
        }
    }

    @Test func theTextReportAndStderrShowControlCharactersInsteadOfActingOnThem() throws {
        let result = try EHCPProcess.run(["validate", try Self.intake()])
        #expect(result.status == 2)
        #expect(!Self.holdsControlCharacters(result.stdout), "\(result.stdout.debugDescription)")
        #expect(!Self.holdsControlCharacters(result.stderr), "\(result.stderr.debugDescription)")
        #expect(result.stdout.contains(#"req\u{1B}]0;owned\u{7}<img"#))
        #expect(result.stdout.contains(#"|\u{D}\u{9B}2J\u{7F} — Norfolk (926)"#))
        #expect(result.stdout.contains(#"\u{1B}]0;title\u{7}<img src=x"#), "the key")
        #expect(result.stdout.contains(#"evidence/\u{1B}[31mred\u{7}.pdf is in the bundle"#), "the file name")
        #expect(result.stderr.contains(#"bad\u{1B}[2J\u{9B}/application.yaml:3:"#), "\(result.stderr)")
    }

    @Test func junitIsWellFormedXMLShowingControlCharacters() throws {
        let result = try EHCPProcess.run(["validate", try Self.intake(), "--format", "junit"])
        #expect(result.status == 2)
        let parser = XMLParser(data: Data(result.stdout.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(result.stdout.contains(#"req\u{1B}]0;owned\u{7}&lt;img"#))
    }

    @Test func htmlEscapesEveryUntrustedPlace() throws {
        let result = try EHCPProcess.run(["validate", try Self.intake(), "--format", "html"])
        #expect(result.status == 2)
        #expect(!result.stdout.contains("<img"))
        #expect(result.stdout.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!Self.holdsControlCharacters(result.stdout))
    }

    @Test func markdownCannotRenderHTMLImagesOrLinksFromARequest() throws {
        let result = try EHCPProcess.run(["validate", try Self.intake(), "--format", "markdown"])
        #expect(result.status == 2)
        #expect(!Self.holdsControlCharacters(result.stdout))
        #expect(result.stdout.contains("img src=x onerror=alert(1)"), "the names are still shown")
        for (number, line) in result.stdout.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let markup = Self.liveMarkup(in: String(line)) {
                Issue.record("line \(number + 1) renders \(markup): \(line)")
            }
        }
    }

    /// The first piece of markup in `line` that CommonMark or GitHub would render from text ehcp
    /// did not write itself: raw HTML, an image, a link, an autolink, or a code span left open.
    /// Code spans are skipped (nothing renders inside them); ehcp's own `**`, `_`, `|`, `- ` and
    /// headings are allowed where it writes them.
    static func liveMarkup(in line: String) -> String? {
        var text = Array(line)
        // Take out the code spans: a run of N backticks up to the next run of exactly N.
        var index = 0
        var outside: [Character] = []
        while index < text.count {
            if text[index] == "\\" && index + 1 < text.count {
                // An escaped character is plain text: keep a stand-in that is no markup.
                outside.append("§")
                index += 2
                continue
            }
            guard text[index] == "`" else {
                outside.append(text[index])
                index += 1
                continue
            }
            var run = 0
            while index + run < text.count && text[index + run] == "`" { run += 1 }
            var search = index + run
            var closed: Int?
            while search < text.count {
                if text[search] == "`" {
                    var other = 0
                    while search + other < text.count && text[search + other] == "`" { other += 1 }
                    if other == run {
                        closed = search + other
                        break
                    }
                    search += other
                } else {
                    search += 1
                }
            }
            guard let closed else { return "a code span left open" }
            outside.append(" ")
            index = closed
        }
        text = outside
        if let raw = text.first(where: { "<[!`".contains($0) }) { return "an unescaped \(raw)" }
        // GitHub links bare addresses; ehcp's own "Source:" lines cite the rule set's addresses.
        let plain = String(text)
        guard !plain.hasPrefix("  - Source: ") else { return nil }
        for pattern in ["://", "www.", "@"] where plain.lowercased().contains(pattern) { return "an autolink (\(pattern))" }
        return nil
    }
}
