import EHCPTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `ehcp serve` as a user starts it: it says where it listens, answers, logs no value from a
/// request, and stops cleanly on SIGTERM.
@Suite struct ServeCommandTests {
    @Test func serveListensAnswersAndStopsOnSIGTERM() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: EHCPProcess.binary)
        process.arguments = ["serve", "--port", "0"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var said = ""
        while !said.contains("listening on http://"), process.isRunning {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        let address = try #require(said.components(separatedBy: "listening on ").last?.components(separatedBy: "\n").first)
        #expect(address.hasPrefix("http://127.0.0.1:"))
        let (body, response) = try await URLSession.shared.data(from: URL(string: address + "healthz")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200 && String(decoding: body, as: UTF8.self) == "ok\n")
        // A malformed document and a real one: neither leaves a value from it in the server's log.
        for body in [
            Data("child:\n  familyName: Okafor: [\n".utf8),
            try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.examples + "/riverside-request/application.yaml"))
        ] {
            var request = URLRequest(url: URL(string: address + "api/v1/validate?format=text")!)
            request.httpMethod = "POST"
            request.httpBody = body
            _ = try await URLSession.shared.data(for: request)
        }
        // A request started on the page and a section saved with the child's name: nothing of it is logged either.
        var form = FormPage("")
        form.set(["authority": "926", "requester": "setting", "begin": "new"])
        for path in ["start", "start/form"] {
            let (body, type) = form.body(action: "next")
            var request = URLRequest(url: URL(string: address + path)!)
            request.httpMethod = "POST"
            request.httpBody = body
            request.setValue(type, forHTTPHeaderField: "Content-Type")
            form = FormPage(String(decoding: try await URLSession.shared.data(for: request).0, as: UTF8.self))
            if path == "start" { form.set(["child.givenNames": "Amelia", "child.familyName": "Okafor"]) }
        }
        // The section came back to be corrected (no date of birth), with the name as typed: the server read it.
        #expect(form.value("child.familyName") == "Okafor")
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        said += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        for value in ["Okafor", "Amelia", "A123456789012"] { #expect(!said.contains(value)) }
    }

    @Test func aBadPortIsAUsageError() throws {
        let result = try EHCPProcess.run(["serve", "--port", "70000"])
        #expect(result.status == 2 && result.stderr.contains("--port"))
    }
}
