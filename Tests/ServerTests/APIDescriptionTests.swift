import EHCPKit
import EHCPTestSupport
import EHCPYAML
import Foundation
import Testing

@testable import EHCPServer

/// docs/openapi.yaml and docs/api.md describe exactly the routes the server serves.
@Suite struct APIDescriptionTests {
    /// `METHOD /path` for each operation of the OpenAPI file: its `paths` keys, and the method
    /// keys under each.
    private func described() throws -> Set<String> {
        let text = try RepositoryPaths.text("docs/openapi.yaml")
        // The file must be well-formed YAML before its lines are read for the routes.
        _ = try YAMLReader.document(Array(text.utf8), file: "docs/openapi.yaml")
        let lines = text.components(separatedBy: "\n")
        var operations: Set<String> = []
        var path: String?
        var inPaths = false
        for line in lines {
            if !line.hasPrefix(" ") {
                inPaths = line == "paths:"
                path = nil
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "post", "put", "delete", "patch"].contains(method) { operations.insert("\(method.uppercased()) \(path)") }
            }
        }
        return operations
    }

    @Test func theOpenAPIFileListsEveryRouteAndNoOther() throws {
        let server = try EHCPServer(configuration: TestServer.configuration())
        let served = Set(server.routes.map { "\($0.method) \($0.path)" })
        #expect(served.count == server.routes.count)
        #expect(served.count >= 10)
        #expect(try described() == served)
    }

    @Test func theGuideNamesEveryRoute() throws {
        let guide = try RepositoryPaths.text("docs/api.md")
        let server = try EHCPServer(configuration: TestServer.configuration())
        for route in server.routes {
            #expect(guide.contains("`\(route.method) \(route.path)"), "\(route.method) \(route.path)")
        }
    }
}
