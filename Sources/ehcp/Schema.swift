import ArgumentParser
import EHCPKit

extension EHCPCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "schema",
            abstract: "Print the canonical application schema, version 1.1 (XSD or JSON Schema).",
            discussion: "Example:\n  ehcp schema json > ehcp-application-1.schema.json")

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case xsd, json
        }

        @Argument(help: "xsd or json.")
        var kind: Kind = .xsd

        func run() throws {
            Terminal.write(kind == .xsd ? EmbeddedResources.xsd : EmbeddedResources.jsonSchema)
        }
    }
}
