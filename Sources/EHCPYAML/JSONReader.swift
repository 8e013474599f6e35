import EHCPSource

/// Reads JSON into ``SourceNode`` trees with a location on every node.
///
/// JSON's syntax is YAML's flow syntax, so libyaml reads it and this adds JSON's own rules on top:
/// one value, flow collections only, keys and strings in double quotes, bare values only numbers,
/// `true`, `false` and `null`, and no comments, anchors, aliases or tags. Surrogate pairs are
/// accepted (``JSONSurrogates``).
public enum JSONReader {
    /// The JSON value of `bytes`.
    public static func document(
        _ bytes: some Collection<UInt8>, file: String, limits: InputLimits = .default
    ) throws(YAMLError) -> SourceNode {
        let array = Array(bytes)
        try rejectCommentsAndTrailingCommas(array, file: file)
        let rewritten = try JSONSurrogates(array, file: file)
        do {
            let documents = try YAMLReader.build(rewritten.bytes, file: file, limits: limits, json: true)
            return rewritten.original(try YAMLReader.single(documents, file: file))
        } catch {
            throw rewritten.original(error)
        }
    }

    /// libyaml drops comments without an event and accepts a comma after the last item of a flow
    /// collection, so both are found with a scan that skips strings.
    static func rejectCommentsAndTrailingCommas(_ bytes: [UInt8], file: String) throws(YAMLError) {
        var inString = false
        var escaped = false
        var line = 1
        var lineStart = 0
        var comma: (line: Int, lineStart: Int, index: Int)?
        func location(line: Int, lineStart: Int, index: Int) -> SourceLocation {
            SourceLocation(file: file, line: line, column: String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1)
        }
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                continue
            }
            if let at = comma, byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                throw YAMLError(
                    .json, "a comma after the last item of a list or object is not allowed in JSON: remove it",
                    at: location(line: at.line, lineStart: at.lineStart, index: at.index))
            }
            comma = nil
            if byte == UInt8(ascii: ",") {
                comma = (line, lineStart, index)
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "#")
                || (byte == UInt8(ascii: "/") && index + 1 < bytes.count && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*")))
            {
                throw YAMLError(.json, "comments are not allowed in JSON: remove the comment", at: location(line: line, lineStart: lineStart, index: index))
            }
        }
    }
}

extension TreeBuilder {
    func checkJSONCollection(anchor: String?, tag: String?, flow: Bool, at location: SourceLocation) throws(YAMLError) {
        if anchor != nil || tag != nil {
            throw YAMLError(.json, "anchors and tags are not JSON", at: location)
        }
        if !flow {
            throw YAMLError(.json, "this is YAML block layout, not JSON: use { } and [ ]", at: location)
        }
    }

    func checkJSONScalar(_ scalar: Scalar, anchor: String?, tag: String?, at location: SourceLocation) throws(YAMLError) {
        if anchor != nil || tag != nil {
            throw YAMLError(.json, "anchors and tags are not JSON", at: location)
        }
        switch scalar.style {
        case .doubleQuoted:
            return
        case .plain:
            if scalar.value == "true" || scalar.value == "false" || scalar.value == "null" || Self.isJSONNumber(scalar.value) {
                return
            }
            throw YAMLError(.json, "a JSON string must be in double quotes", at: location)
        default:
            throw YAMLError(.json, "a JSON string must be in double quotes", at: location)
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, byte >= 48, byte <= 57 {
                bytes = bytes.dropFirst()
                count += 1
            }
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if let byte = bytes.first, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }
}
