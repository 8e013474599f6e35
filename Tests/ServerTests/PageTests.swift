import EHCPKit
import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPServer

/// The page over real HTTP: forms without script, checklists, and a checked upload.
@Suite(.serialized) struct PageTests {
    private func multipart(_ zip: Data, field: String = "bundle") -> (body: Data, type: String) {
        let boundary = "ehcp-test-\(UUID().uuidString)"
        var body = Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"request.zip\"\r\nContent-Type: application/zip\r\n\r\n".utf8)
        body += zip
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    @Test func homeOffersBothFormsWithoutScriptOrInlineStyle() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let home = try await server.get("/")
        #expect(home.status == 200 && home.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(home.text.contains("<form method=\"get\" action=\"/checklist\">"))
        #expect(home.text.contains("enctype=\"multipart/form-data\""))
        #expect(home.text.contains("<label for=\"authority\">") && home.text.contains("<label for=\"bundle\">"))
        #expect(!home.text.contains("<script") && !home.text.contains("style=") && !home.text.contains("<style"))
        let css = try await server.get("/style.css")
        #expect(css.status == 200 && css.header("Content-Type")?.hasPrefix("text/css") == true)
    }

    @Test func aChecklistSaysWhenOnlyTheBaselineIsKnown() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let norfolk = try await server.get("/checklist?authority=926")
        #expect(norfolk.status == 200 && norfolk.text.contains("What Norfolk asks for") && !norfolk.text.contains("baseline-only"))
        #expect(norfolk.text.contains("Source:"))
        #expect(norfolk.text.contains("A parent who agrees with the request") && norfolk.text.contains("listed with type: consent-form"))
        #expect(!norfolk.text.contains("agreesWithRequest") && !norfolk.text.contains("(requester.role)"))
        let catalog = TestServer.configuration().rulesets
        let baseline = try #require(AuthorityCatalog.builtIn.entries.first { catalog.requirementsFile(forCode: $0.code) == nil })
        let page = try await server.get("/checklist?authority=\(baseline.code)")
        #expect(page.status == 200 && page.text.contains("id=\"baseline-only\"") && page.text.contains("knows only the statutory baseline"))
        let missing = try await server.get("/checklist?authority=")
        #expect(missing.status == 400 && missing.text.contains("There is a problem") && missing.text.contains("href=\"#authority\""))
    }

    @Test func aPassingRequestIsReadyToSendAndAFailingOneListsTheCLIsFindings() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let passes = multipart(try TestServer.zipped(RepositoryPaths.localAuthorities + "/926-norfolk/examples/passes"))
        let ready = try await server.request("POST", "/check", body: passes.body, type: passes.type)
        #expect(ready.status == 200 && ready.text.contains("Ready to send") && !ready.text.contains("Not ready"))

        let folder = RepositoryPaths.localAuthorities + "/926-norfolk/examples/fails"
        let failing = multipart(try TestServer.zipped(folder))
        let notReady = try await server.request("POST", "/check", body: failing.body, type: failing.type)
        #expect(notReady.status == 200 && notReady.text.contains("Not ready to send"))
        let cli = try EHCPProcess.run(["validate", folder, "--format", "json", "--authorities-dir", RepositoryPaths.localAuthorities])
        let findings = (try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        let shown = notReady.text.components(separatedBy: "<code class=\"rule\">").dropFirst().map { $0.components(separatedBy: "<").first ?? "" }
        #expect(!findings.isEmpty && shown == findings.map { $0["rule"] as? String ?? "" })
        #expect(notReady.text.contains("Satisfied by an evidence item with type: consent-form (a signed consent form)"))
    }

    @Test func aWrongOrMissingFileIsExplainedOnThePage() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let none = TestServer.form([("bundle", "", Data())])
        let reply = try await server.request("POST", "/check", body: none.body, type: none.type)
        #expect(reply.status == 400 && reply.text.contains("There is a problem") && reply.text.contains("href=\"#bundle\""))
        let zipAndFiles = TestServer.form([
            ("bundle", "r.zip", try TestServer.zipped(RepositoryPaths.examples + "/riverside-request")), ("evidence", "a.pdf", Data("%PDF".utf8))
        ])
        let both = try await server.request("POST", "/check", body: zipAndFiles.body, type: zipAndFiles.type)
        #expect(both.status == 400 && both.text.contains("not both"))
        let nothing = try await server.request("POST", "/check", body: Data("x".utf8), type: "text/plain")
        #expect(nothing.status == 400)
        let damaged = multipart(Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 1, count: 40)))
        let unreadable = try await server.request("POST", "/check", body: damaged.body, type: damaged.type)
        #expect(unreadable.status == 422 && unreadable.text.contains("could not be checked") && !unreadable.text.contains(NSTemporaryDirectory()))
    }

    @Test func aDocumentWithLooseFilesListsWhatIsEnclosed() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let folder = RepositoryPaths.examples + "/riverside-request"
        var parts: [(String, String, Data)] = [("bundle", "application.yaml", try Data(contentsOf: URL(fileURLWithPath: folder + "/application.yaml")))]
        for name in FileAccess.list(folder + "/evidence").sorted() where name != "apdr-2.pdf" {
            parts.append(("evidence", name, try Data(contentsOf: URL(fileURLWithPath: folder + "/evidence/" + name))))
        }
        parts.append(("evidence", "<i>notes&.pdf", Data("%PDF-1.4\n".utf8)))
        let form = TestServer.form(parts)
        let reply = try await server.request("POST", "/check", body: form.body, type: form.type)
        #expect(reply.status == 200 && reply.text.contains("Not ready to send"))
        #expect(reply.text.contains("<h2 id=\"enclosed\">What is enclosed</h2>"))
        #expect(
            reply.text.contains(
                "<th scope=\"row\">1st</th><td>A speech and language therapy report</td><td><code>evidence/salt-2026.pdf</code></td><td>Yes</td>"))
        #expect(reply.text.contains("<td><code>evidence/apdr-2.pdf</code></td><td><strong>Not found</strong></td>"))
        #expect(reply.text.contains("<li><code>&lt;i&gt;notes&amp;.pdf</code></li>") && !reply.text.contains("<i>notes"))
        #expect(reply.text.contains("the 5th evidence item&#39;s file") || reply.text.contains("the 5th evidence item's file"))

        let alone = TestServer.form(
            [parts[0]] + parts.dropFirst().filter { $0.1 != "<i>notes&.pdf" }
                + [("evidence", "apdr-2.pdf", try Data(contentsOf: URL(fileURLWithPath: folder + "/evidence/apdr-2.pdf")))])
        let ready = try await server.request("POST", "/check", body: alone.body, type: alone.type)
        #expect(ready.status == 200 && ready.text.contains("Ready to send") && !ready.text.contains("Not found"))
    }

    @Test func aSyntaxErrorIsExplainedInPlainWordsOnThePage() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let form = TestServer.form([("bundle", "application.yaml", Data("schemaVersion: \"1.1\"\nviews:\n  child:\n    summary: I like: trains\n".utf8))])
        let reply = try await server.request("POST", "/check", body: form.body, type: form.type)
        #expect(reply.status == 422 && reply.text.contains("bundle/application.yaml:4:"))
        #expect(
            reply.text.contains("Text containing &#39;: &#39; (a colon and a space) must be in quotes")
                || reply.text.contains("Text containing ': ' (a colon and a space) must be in quotes"))
    }
}
