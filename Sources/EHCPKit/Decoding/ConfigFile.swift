import EHCPSource
import EHCPYAML

/// What the YAML files authorities publish (rule sets, formats, metadata) share: reading with
/// places, and turning a failed load into a list of problems for `ehcp rules lint`.
enum ConfigFile {
    /// The document in `bytes`.
    ///
    /// - Throws: ``DiagnosticList`` when it is not well-formed YAML.
    static func root(_ bytes: [UInt8], file: String) throws -> SourceNode {
        do {
            return try YAMLReader.document(bytes, file: file)
        } catch {
            throw DiagnosticList(error)
        }
    }

    /// The problems `load` throws, or an empty list when it succeeds.
    static func lint(file: String, _ load: () throws -> Void) -> [Diagnostic] {
        do {
            try load()
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch {
            return [.error("\(error)", at: SourceLocation(file: file, line: 1))]
        }
    }
}

extension DiagnosticCollector {
    /// The entries of a mapping whose keys must be among `allowed`; each other key is an error
    /// with its place and a "did you mean".
    mutating func mapping(_ node: SourceNode, allowed: [String], what: String) -> [String: SourceNode]? {
        guard let entries = node.entries else {
            error("\(what) should be a mapping, not \(node.kindDescription)", at: node.location)
            return nil
        }
        var result: [String: SourceNode] = [:]
        for entry in entries {
            if allowed.contains(entry.key) {
                result[entry.key] = entry.value
            } else {
                let hint = ApplicationDecoder.suggestion(for: entry.key, among: allowed).map { " (did you mean '\($0)'?)" } ?? ""
                error("unknown key '\(entry.key)' in \(what)\(hint); allowed: \(allowed.joined(separator: ", "))", at: entry.keyLocation)
            }
        }
        return result
    }
}
