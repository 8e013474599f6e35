import Foundation
import PackagePlugin

/// Generates `EmbeddedResources.swift` for EHCPKit at build time from `Schemas/`, the published
/// authority files in `LocalAuthorities/` and the field census in `docs/`, declaring each as an input so an edit rebuilds it.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    /// The files of an authority folder that the binary carries.
    static let authorityFileNames = ["requirements.yaml", "format.yaml", "authority.yaml"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let authorities = root.appending(path: "LocalAuthorities")
        let folders = try FileManager.default.contentsOfDirectory(atPath: authorities.path).sorted()
        let authorityFiles = folders.flatMap { folder in
            Self.authorityFileNames.map { "\(folder)/\($0)" }
        }.filter { FileManager.default.fileExists(atPath: authorities.appending(path: $0).path) }
        let fixed = ["Schemas/ehcp-application-1.xsd", "Schemas/ehcp-application-1.schema.json", "LocalAuthorities/authorities.csv", "docs/field-census.csv"]
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding the schemas and \(authorityFiles.count) authority files",
                executable: try context.tool(named: "EmbedResourcesTool").url,
                arguments: [output.path, root.path] + authorityFiles,
                inputFiles: fixed.map { root.appending(path: $0) } + authorityFiles.map { authorities.appending(path: $0) },
                outputFiles: [output]
            )
        ]
    }
}
