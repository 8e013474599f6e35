import EHCPTestSupport
import Foundation
import Testing

/// The module table of docs/design.md is true: every source file imports only what its module may
/// import by that table, and `Package.swift` declares each of those as a dependency of the target.
@Suite struct ModuleGraphTests {
    /// Modules of the toolchain, which no target declares.
    private let toolchain: Set<String> = ["Foundation", "FoundationXML", "FoundationNetworking", "Dispatch", "Glibc", "Testing", "PackagePlugin"]

    /// Where each module's sources are, when not `Sources/<module>`.
    private let folders = [
        "LibraryUsage": "Examples/LibraryUsage", "EmbedResourcesPlugin": "Plugins/EmbedResourcesPlugin",
        "EHCPTestSupport": "Tests/EHCPTestSupport", "EHCPSourceTests": "Tests/EHCPSourceTests",
        "EHCPKitTests": "Tests/EHCPKitTests", "CLITests": "Tests/CLITests", "ServerTests": "Tests/ServerTests"
    ]

    /// `module: allowed imports`, read from the table of the section "Modules" of docs/design.md.
    private func designTable() throws -> [String: Set<String>] {
        let design = try RepositoryPaths.text("docs/design.md")
        let section = design.components(separatedBy: "\n## ").first { $0.hasPrefix("Modules") } ?? ""
        var table: [String: Set<String>] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            table[cells[0].replacingOccurrences(of: "`", with: "")] = Set(Self.backticked(cells[2]))
        }
        return table
    }

    private static func backticked(_ text: String) -> [String] {
        text.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
    }

    /// The quoted names in the target's declaration in Package.swift.
    private func declared(_ module: String, in manifest: String) -> Set<String> {
        let targets = manifest.range(of: "targets: [\n")?.upperBound ?? manifest.startIndex
        guard let start = manifest.range(of: "name: \"\(module)\"", range: targets..<manifest.endIndex) else { return [] }
        let rest = manifest[start.upperBound...]
        let end =
            ["\n        .target(", "\n        .executableTarget(", "\n        .testTarget(", "\n        .plugin(", "\n    ]"]
            .compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
        return Set(rest[..<end].components(separatedBy: "\"").enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
    }

    private func imports(under folder: String) -> Set<String> {
        let root = URL(fileURLWithPath: RepositoryPaths.root + "/" + folder)
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" } ?? []
        var names: Set<String> = []
        for file in files {
            for line in (try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n") ?? [] {
                let words = line.split(separator: " ").map(String.init)
                guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
                    words[..<at].allSatisfy({ ["@testable", "internal", "public", "package", "private"].contains($0) })
                else { continue }
                names.insert(words[at + 1])
            }
        }
        return names
    }

    @Test func everyImportIsAllowedByTheDesignAndDeclaredInThePackage() throws {
        let table = try designTable()
        let manifest = try RepositoryPaths.text("Package.swift")
        #expect(table.count >= 14, "the module table of docs/design.md was not found")
        for (module, allowed) in table {
            let folder = folders[module] ?? "Sources/\(module)"
            guard FileManager.default.fileExists(atPath: RepositoryPaths.root + "/" + folder) else {
                Issue.record("docs/design.md names \(module), which has no folder \(folder)")
                continue
            }
            let used = imports(under: folder).subtracting(toolchain)
            #expect(used.isSubset(of: allowed), "\(module) imports \(used.subtracting(allowed).sorted()), which docs/design.md does not allow")
            let undeclared = allowed.subtracting(toolchain).subtracting(declared(module, in: manifest))
            #expect(undeclared.isEmpty, "Package.swift does not declare \(undeclared.sorted()) for \(module)")
        }
    }

    @Test func everyTargetOfThePackageIsInTheTable() throws {
        let table = try designTable()
        let manifest = try RepositoryPaths.text("Package.swift")
        let kinds = [".target(name: \"", ".executableTarget(name: \"", ".testTarget(name: \"", ".plugin(name: \"", ".systemLibrary(name: \""]
        var targets: Set<String> = []
        for kind in kinds {
            for piece in manifest.replacingOccurrences(of: "(\n            name: \"", with: "(name: \"").components(separatedBy: kind).dropFirst() {
                targets.insert(String(piece.prefix { $0 != "\"" }))
            }
        }
        #expect(targets.count >= 14)
        #expect(
            targets == Set(table.keys),
            "targets missing from docs/design.md: \(targets.subtracting(table.keys).sorted()); rows without a target: \(Set(table.keys).subtracting(targets).sorted())"
        )
    }
}
