import Foundation

/// Writes `EmbeddedResources.swift`: the canonical schemas, the authority list, the field census and
/// the published authority files as string constants, byte for byte, so the `ehcp` binary works when copied anywhere.
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
    ("fieldCensusCSV", read(root, "docs/field-census.csv")),
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
swift += "\n    /// The published authority files: `LocalAuthorities/<folder>/{requirements,format,authority}.yaml` by relative path.\n"
swift += "    package static let authorityFiles: [String: String] = [\n"
for file in authorityFiles {
    let key = String(file.path.dropFirst("LocalAuthorities/".count))
    swift += "        \"\(key)\": \(literal(file.text)),\n"
}
swift += "    ]\n}\n"

do {
    try Data(swift.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
