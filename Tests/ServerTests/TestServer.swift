import EHCPKit
import EHCPTestSupport
import Foundation
import Hummingbird

@testable import EHCPServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A server started in this process on a free loopback port, spoken to over real HTTP.
struct TestServer {
    let port: Int
    private let task: Task<Void, any Error>

    static func configuration() -> ServerConfiguration {
        ServerConfiguration(rulesets: RuleSetCatalog(directory: RepositoryPaths.localAuthorities), toolVersion: "0.1.0")
    }

    /// Starts a server with `configure` applied to the test configuration; call ``stop()`` after.
    static func start(_ configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> TestServer {
        var configuration = configuration()
        configuration.port = 0
        configure(&configuration)
        let server = try EHCPServer(configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = server.application { port in continuation.yield(port) }
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        return TestServer(port: port, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        /// The body as a JSON object.
        var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }
    }

    func request(_ method: String, _ path: String, body: Data? = nil, type: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 120
        if let type { request.setValue(type, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    func get(_ path: String) async throws -> Reply { try await request("GET", path) }

    /// A folder zipped with its contents at the root, as a bundle is uploaded.
    /// A `multipart/form-data` body of file parts, each (field, file name, bytes); an empty file
    /// name with no bytes is what a browser sends for a file input left empty.
    static func form(_ parts: [(field: String, filename: String, bytes: Data)]) -> (body: Data, type: String) {
        let boundary = "ehcp-test-\(UUID().uuidString)"
        var body = Data()
        for part in parts {
            body += Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.field)\"; filename=\"\(part.filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8)
            body += part.bytes
            body += Data("\r\n".utf8)
        }
        body += Data("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    static func zipped(_ folder: String) throws -> Data {
        let path = try EHCPProcess.temporaryFolder() + "/bundle.zip"
        try ZipBuilder.folder(folder, keepingParent: false).write(to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }
}
