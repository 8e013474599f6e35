import Foundation

/// Checks a JSON value against a JSON Schema (draft 7), for the keywords the vendored SARIF schema
/// uses: `$ref` to `#/definitions/…`, `type`, `enum`, `required`, `properties`,
/// `additionalProperties`, `items`, `minItems`, `uniqueItems`, `minimum`, `maximum` and `anyOf`.
/// A keyword it does not know is a test failure, so the schema cannot silently check less.
struct JSONSchemaCheck {
    let root: [String: Any]
    static let known: Set<String> = [
        "$schema", "title", "description", "$ref", "type", "enum", "required", "properties", "additionalProperties", "items",
        "minItems", "uniqueItems", "minimum", "maximum", "anyOf", "definitions"
    ]

    /// Every problem, as "path: what is wrong"; empty when the value conforms.
    func problems(_ value: Any, schema: [String: Any]? = nil, at path: String = "$") -> [String] {
        let schema = schema ?? root
        if let unknown = schema.keys.first(where: { !Self.known.contains($0) }) { return ["\(path): schema keyword \(unknown) not supported"] }
        if let ref = schema["$ref"] as? String {
            guard ref.hasPrefix("#/definitions/"), let target = (root["definitions"] as? [String: Any])?[String(ref.dropFirst(14))] as? [String: Any] else {
                return ["\(path): unresolved \(ref)"]
            }
            return problems(value, schema: target, at: path)
        }
        var found: [String] = []
        if let type = schema["type"] as? String, !Self.matches(value, type) { return ["\(path): expected \(type)"] }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) { found.append("\(path): not one of \(options)") }
        if let anyOf = schema["anyOf"] as? [[String: Any]], !anyOf.contains(where: { problems(value, schema: $0, at: path).isEmpty }) {
            found.append("\(path): matches none of anyOf")
        }
        if let number = value as? NSNumber, !(value is Bool) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { found.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { found.append("\(path): above \(maximum)") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for (key, item) in object {
                if let property = properties[key] {
                    found += problems(item, schema: property, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    found.append("\(path): property \(key) is not allowed")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    found += problems(item, schema: additional, at: "\(path).\(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let minItems = schema["minItems"] as? Int, array.count < minItems { found.append("\(path): fewer than \(minItems) items") }
            if schema["uniqueItems"] as? Bool == true {
                for (index, item) in array.enumerated() where array[..<index].contains(where: { Self.equal($0, item) }) {
                    found.append("\(path)[\(index)]: repeats an earlier item")
                }
            }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { found += problems(item, schema: items, at: "\(path)[\(index)]") }
            }
        }
        return found
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": value is [String: Any]
        case "array": value is [Any]
        case "string": value is String
        case "boolean": isBoolean(value)
        case "integer": (value as? NSNumber).map { !matches(value, "boolean") && $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": value is NSNumber && !matches(value, "boolean")
        default: false
        }
    }

    /// JSONSerialization gives booleans as a boolean subclass of NSNumber.
    static func isBoolean(_ value: Any) -> Bool {
        value is NSNumber && String(describing: type(of: value)).contains("Boolean")
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let a as String, let b as String): a == b
        case (let a as NSNumber, let b as NSNumber): isBoolean(a) == isBoolean(b) && a == b
        case (let a as [Any], let b as [Any]): a.count == b.count && zip(a, b).allSatisfy(equal)
        case (let a as [String: Any], let b as [String: Any]): a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        default: a is NSNull && b is NSNull
        }
    }
}
