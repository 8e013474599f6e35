import EHCPKit
import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPServer

/// The HTTP API over real HTTP: the CLI's reports, problem details, limits and headers.
@Suite(.serialized) struct APITests {
    @Test func healthAndSecurityHeaders() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let reply = try await server.get("/healthz")
        #expect(reply.status == 200)
        let policy = try #require(reply.header("Content-Security-Policy"))
        #expect(policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline") && policy.contains("default-src 'none'"))
        #expect(reply.header("X-Content-Type-Options") == "nosniff")
        #expect(reply.header("Referrer-Policy") == "no-referrer")
        #expect(reply.header("Set-Cookie") == nil)
    }

    @Test func validateGivesTheCLIsJSONForEveryExampleBundle() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        #expect(RepositoryPaths.exampleBundles.count > 50)
        for folder in RepositoryPaths.exampleBundles {
            let cli = try EHCPProcess.run(["validate", folder, "--format", "json", "--authorities-dir", RepositoryPaths.localAuthorities])
            #expect(cli.status != 2, "\(folder): \(cli.stderr)")
            let reply = try await server.request("POST", "/api/v1/validate", body: try TestServer.zipped(folder), type: "application/zip")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "application/json")
            // The bundle's name is the only difference: the CLI shows the folder given, the API "bundle.zip".
            #expect(reply.text == cli.stdout.replacingOccurrences(of: folder, with: Upload.zipName), "\(folder)")
        }
    }

    @Test func validateTakesAFormOfTheDocumentAndItsLooseFiles() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let folder = RepositoryPaths.examples + "/riverside-request"
        var parts: [(String, String, Data)] = [("bundle", "application.yaml", try Data(contentsOf: URL(fileURLWithPath: folder + "/application.yaml")))]
        for name in FileAccess.list(folder + "/evidence").sorted() {
            parts.append(("evidence", name, try Data(contentsOf: URL(fileURLWithPath: folder + "/evidence/" + name))))
        }
        let form = TestServer.form(parts)
        let reply = try await server.request("POST", "/api/v1/validate", body: form.body, type: form.type)
        let cli = try EHCPProcess.run(["validate", folder, "--format", "json", "--authorities-dir", RepositoryPaths.localAuthorities])
        #expect(reply.status == 200 && reply.text == cli.stdout.replacingOccurrences(of: folder, with: "bundle"))
        let zipped = TestServer.form([("bundle", "r.zip", try TestServer.zipped(folder)), ("evidence", "a.pdf", Data("%PDF".utf8))])
        let both = try await server.request("POST", "/api/v1/validate", body: zipped.body, type: zipped.type)
        #expect(both.status == 400 && both.header("Content-Type") == "application/problem+json")
        let broken = try await server.request("POST", "/api/v1/validate", body: Data("--x\r\nnothing".utf8), type: "multipart/form-data; boundary=x")
        #expect(broken.status == 400)
    }

    @Test func validateTakesOneDocumentAndEachReportFormat() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let document = try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.examples + "/riverside-request/application.yaml"))
        let json = try await server.request("POST", "/api/v1/validate?authority=norfolk&as-of=2026-10-05", body: document, type: "application/yaml")
        #expect(json.status == 200)
        #expect((json.object["authority"] as? [String: Any])?["code"] as? String == "926")
        #expect(json.object["asOf"] as? String == "2026-10-05")
        for (format, type) in [("html", "text/html"), ("sarif", "application/sarif+json"), ("junit", "application/xml"), ("markdown", "text/markdown")] {
            let reply = try await server.request("POST", "/api/v1/validate?format=\(format)", body: document)
            #expect(reply.status == 200 && reply.header("Content-Type")?.hasPrefix(type) == true, "\(format)")
        }
    }

    @Test func badRequestsGetProblemDetails() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let document = Data("schemaVersion: '1.0'\n".utf8)
        for (path, status) in [
            ("/api/v1/validate?format=pdf", 400), ("/api/v1/validate?authority=atlantis", 400), ("/api/v1/validate?as-of=5%20Oct", 400),
            ("/api/v1/convert?to=nothing", 400), ("/api/v1/convert", 400), ("/nowhere", 404)
        ] {
            let reply = path == "/nowhere" ? try await server.get(path) : try await server.request("POST", path, body: document)
            #expect(reply.status == status, "\(path)")
            #expect(reply.header("Content-Type") == "application/problem+json", "\(path)")
            #expect(reply.object["status"] as? Int == status && reply.object["title"] is String && reply.object["detail"] is String, "\(path)")
        }
        #expect(try await server.get("/api/v1/authorities/999").status == 404)
        #expect(try await server.get("/api/v1/authorities/926/checklist?format=pdf").status == 400)
    }

    @Test func hostileUploadsGet4xxAndTheServerGoesOn() async throws {
        let server = try await TestServer.start { $0.maxBodyBytes = 1 << 20 }
        defer { Task { await server.stop() } }
        let bomb = ZipBuilder([.init("application.yaml", .zeros(8 << 20))]).finished()
        let climbing = ZipBuilder([.init("../escape.yaml", Data("x".utf8), deflated: false)]).finished()
        let malformed = Data("child: [unclosed\n  name: : :\n".utf8)
        for (name, body) in [("bomb", bomb), ("climbing", climbing), ("malformed", malformed)] {
            let reply = try await server.request("POST", "/api/v1/validate", body: body)
            #expect(reply.status == 422, "\(name)")
            #expect(reply.header("Content-Type") == "application/problem+json", "\(name)")
            #expect(!reply.text.contains(NSTemporaryDirectory()), "\(name)")
            #expect(try await server.get("/healthz").status == 200)
        }
        let tooLarge = try await server.request("POST", "/api/v1/validate", body: Data(count: (1 << 20) + 1))
        #expect(tooLarge.status == 413)
        #expect(tooLarge.header("Content-Type") == "application/problem+json")
        #expect(try await server.get("/healthz").status == 200)
        #expect(TestServer.configuration().maxBodyBytes == 64 << 20)
    }

    @Test func convertGivesTheDocumentAndTheLossReport() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let folder = RepositoryPaths.examples + "/riverside-request"
        let document = try Data(contentsOf: URL(fileURLWithPath: folder + "/application.yaml"))
        let reply = try await server.request("POST", "/api/v1/convert?to=canonical-json&from=canonical-yaml", body: document)
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/json")
        let cli = try EHCPProcess.run(["convert", folder + "/application.yaml", "--to", "canonical-json"])
        #expect(reply.text == cli.stdout)
        let report = try #require(reply.header("EHCP-Conversion-Report"))
        let parsed = try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any]
        #expect(parsed?["notConverted"] is [Any] && parsed?["findings"] is [Any])
        let detected = try await server.request("POST", "/api/v1/convert?to=canonical-xml", body: document)
        #expect(detected.status == 200 && detected.text.hasPrefix("<?xml"))
    }

    @Test func authoritiesAndChecklistsAreTheCLIs() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let list = try await server.get("/api/v1/authorities")
        let cli = try EHCPProcess.run(["authorities", "list", "--format", "json", "--authorities-dir", RepositoryPaths.localAuthorities])
        #expect(list.status == 200 && list.text == cli.stdout)
        let norfolk = try await server.get("/api/v1/authorities/norfolk")
        #expect(norfolk.object["code"] as? String == "926")
        #expect((norfolk.object["rulesets"] as? [[String: Any]])?.map { $0["id"] as? String } == ["england", "norfolk"])
        for format in ["json", "html", "markdown"] {
            let reply = try await server.get("/api/v1/authorities/926/checklist?format=\(format)")
            let cliChecklist = try EHCPProcess.run([
                "checklist", "--authority", "926", "--format", format, "--authorities-dir", RepositoryPaths.localAuthorities
            ])
            #expect(reply.status == 200 && reply.text == cliChecklist.stdout, "\(format)")
        }
    }

    @Test func aFullGateAnswers503WithRetryAfterAndASlowCheckIsCutOff() async throws {
        let gate = CheckGate(limit: 1, timeLimit: .seconds(600))
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let first = Task {
            try await gate.run {
                started.signal()
                release.wait()
                return 1
            }
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                started.wait()
                continuation.resume()
            }
        }
        let busy = await #expect(throws: Problem.self) { try await gate.run { 2 } }
        #expect(busy?.status == .serviceUnavailable && busy?.headers[.retryAfter] == "5")
        release.signal()
        #expect(try await first.value == 1)
        #expect(try await gate.run { 3 } == 3)

        let slowGate = CheckGate(limit: 1, timeLimit: .milliseconds(10))
        let hold = DispatchSemaphore(value: 0)
        let cut = await #expect(throws: Problem.self) {
            try await slowGate.run {
                hold.wait()
                return 0
            }
        }
        #expect(cut?.status == .serviceUnavailable && cut?.title == "Took too long")
        hold.signal()
    }
}
