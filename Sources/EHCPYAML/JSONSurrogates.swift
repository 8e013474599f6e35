import EHCPSource

/// Surrogate pairs in JSON strings, rewritten for libyaml.
///
/// JSON escapes a character beyond U+FFFF as a UTF-16 surrogate pair (`"\ud83d\ude00"`, as
/// Python's `json` module writes emoji); YAML, whose flow syntax libyaml reads JSON with, refuses
/// surrogates and writes the character as one `\U0001F600` escape. Each pair is rewritten so, and
/// the two columns each rewrite removes are given back to every location after it on its line.
/// A lone surrogate is not a character at all, and is refused where it stands.
struct JSONSurrogates {
    /// The bytes to parse.
    private(set) var bytes: [UInt8]
    /// By line: the column (in the rewritten text) just after each rewritten pair, in order.
    private var rewrites: [Int: [Int]] = [:]

    /// `json` with every surrogate pair inside a string written as one `\U` escape.
    ///
    /// - Throws: ``YAMLError`` at the line and column of a lone surrogate.
    init(_ json: [UInt8], file: String) throws(YAMLError) {
        bytes = []
        bytes.reserveCapacity(json.count)
        var inString = false
        var line = 1
        var column = 1
        var removed = 0
        var index = 0
        while index < json.count {
            let byte = json[index]
            if inString && byte == UInt8(ascii: "\\") && index + 1 < json.count {
                if json[index + 1] == UInt8(ascii: "u"), let first = Self.hex(json, at: index + 2), (0xD800...0xDFFF).contains(first) {
                    let here = SourceLocation(file: file, line: line, column: column)
                    guard first < 0xDC00, index + 11 < json.count, json[index + 6] == UInt8(ascii: "\\"), json[index + 7] == UInt8(ascii: "u"),
                        let second = Self.hex(json, at: index + 8), (0xDC00...0xDFFF).contains(second)
                    else {
                        throw YAMLError(
                            .json, "a lone UTF-16 surrogate (\\uD800 to \\uDFFF) is not a character: a high surrogate must be followed by a low one", at: here)
                    }
                    let scalar = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    let escape = "\\U" + String(repeating: "0", count: 8 - String(scalar, radix: 16).count) + String(scalar, radix: 16, uppercase: true)
                    bytes += Array(escape.utf8)
                    index += 12
                    column += 12
                    removed += 2
                    rewrites[line, default: []].append(column - removed)
                    continue
                }
                // Any other escape: copy it whole, so an escaped quote does not end the string.
                bytes += json[index...index + 1]
                index += 2
                column += 2
                continue
            }
            if byte == UInt8(ascii: "\"") { inString.toggle() }
            bytes.append(byte)
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
                removed = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
    }

    /// The 16-bit value of the four hex digits at `offset`, if there are four.
    private static func hex(_ bytes: [UInt8], at offset: Int) -> Int? {
        guard offset + 4 <= bytes.count else { return nil }
        return Int(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
    }

    /// True when a pair was rewritten, so locations after it have moved.
    var rewritesAny: Bool { !rewrites.isEmpty }

    /// `location` (in the rewritten text) as a place in the document as written.
    func original(_ location: SourceLocation) -> SourceLocation {
        guard let column = location.column, let ends = rewrites[location.line] else { return location }
        var moved = location
        moved.column = column + 2 * ends.filter { $0 <= column }.count
        return moved
    }

    /// `node` with every location moved back to the document as written.
    func original(_ node: SourceNode) -> SourceNode {
        guard !rewrites.isEmpty else { return node }
        var node = node
        node.location = original(node.location)
        switch node.content {
        case .scalar: break
        case .sequence(let items): node.content = .sequence(items.map(original))
        case .mapping(let entries):
            node.content = .mapping(
                entries.map { entry in
                    SourceNode.Entry(key: entry.key, keyLocation: original(entry.keyLocation), value: original(entry.value))
                })
        }
        return node
    }

    /// `error` at its place in the document as written.
    func original(_ error: YAMLError) -> YAMLError {
        YAMLError(error.kind, error.message, at: original(error.location))
    }
}
