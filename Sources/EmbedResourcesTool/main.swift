import EHCPSource
import EHCPYAML
import Foundation

/// Writes `EmbeddedResources.swift`: the canonical schemas, the authority list, the field census and
/// the published authority files as string constants, byte for byte, so the `ehcp` binary works when copied anywhere;
/// and each published YAML file already parsed (``CompactSourceNode``), so a run does not parse it again.
///
/// Usage: `EmbedResourcesTool <output.swift> <package root> <LocalAuthorities-relative file>...`
/// The build-tool plugin passes the authority files it found; the schemas, the list and the census are fixed.
struct EmbeddedFile {
    let path: String
    let text: String
}

/// The Swift raw-string delimiter (`#`s) that no line of `text` can close or escape.
func delimiter(for text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return hashes
}

/// `text` as a multi-line raw string literal; the literal's value is `text` exactly.
func literal(_ text: String) -> String {
    precondition(!text.contains("\r"), "carriage returns would be lost in a multi-line literal")
    let hashes = delimiter(for: text)
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

func read(_ root: URL, _ relative: String) -> EmbeddedFile {
    let url = root.appendingPathComponent(relative)
    guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: cannot read \(url.path) as UTF-8\n".utf8))
        exit(1)
    }
    return EmbeddedFile(path: relative, text: text)
}

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: EmbedResourcesTool <output.swift> <package root> <authority file>...\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[arguments.startIndex])
let root = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
let authorityFiles = arguments.dropFirst(2).sorted().map { read(root, "LocalAuthorities/" + $0) }
let constants = [
    ("xsd", read(root, "Schemas/ehcp-application-1.xsd")),
    ("jsonSchema", read(root, "Schemas/ehcp-application-1.schema.json")),
    ("authoritiesCSV", read(root, "LocalAuthorities/authorities.csv")),
    ("fieldCensusCSV", read(root, "docs/field-census.csv"))
]

var swift = """
    // Generated at build time by the EmbedResourcesPlugin from Schemas/, LocalAuthorities/ and docs/field-census.csv.

    /// Files carried inside the binary, byte for byte.
    package enum EmbeddedResources {

    """
for (name, file) in constants {
    swift += "    /// `\(file.path)`.\n"
    swift += "    package static let \(name) = \(literal(file.text))\n"
}
/// A dictionary constant of `values` by key, each a raw string literal.
func dictionary(_ name: String, _ doc: String, _ values: [(key: String, text: String)]) -> String {
    "\n    /// \(doc)\n    package static let \(name): [String: String] = [\n"
        + values.map { "        \"\($0.key)\": \(literal($0.text)),\n" }.joined() + "    ]\n"
}

/// The file parsed, as ``CompactSourceNode`` text; nil when YAML reads it with an error or its tree holds a
/// control character other than a line break or tab, which a literal could not carry.
func parsed(_ file: EmbeddedFile) -> String? {
    guard let root = try? YAMLReader.document(Array(file.text.utf8), file: "") else { return nil }
    let compact = CompactSourceNode.encode(root)
    return compact.utf8.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 }) ? nil : compact
}

let keyed = authorityFiles.map { (key: String($0.path.dropFirst("LocalAuthorities/".count)), file: $0) }
swift += dictionary(
    "authorityFiles", "The published authority files: `LocalAuthorities/<folder>/{requirements,format,authority}.yaml` by relative path.",
    keyed.map { ($0.key, $0.file.text) })
swift += dictionary(
    "parsedAuthorityFiles", "The same files parsed, as ``CompactSourceNode`` text, by the same relative path (each one the build could parse).",
    keyed.compactMap { entry in parsed(entry.file).map { (entry.key, $0) } })
swift += "}\n"

do {
    try Data(swift.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
