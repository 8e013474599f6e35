import EHCPSource

/// The checks that make a format work both ways: value maps that can be written back, places the
/// syntax can write, and no two mappings writing one place.
extension FormatLoader {
    /// Fills the read and write maps, checking each canonical value and that every canonical value
    /// can be written back to exactly one source value.
    mutating func valueMap(_ node: SourceNode, reverse: SourceNode?, into mapping: inout ValueMapping) {
        guard let entries = node.entries, !entries.isEmpty else {
            diagnostics.error("'values' should map each value in the document to its canonical value", at: node.location)
            return
        }
        var sourcesByCanonical: [String: [String]] = [:]
        var order: [String] = []
        for entry in entries {
            guard let canonical = entry.value.scalar?.value else {
                diagnostics.error("the canonical value for '\(entry.key)' should be a single value", at: entry.value.location)
                continue
            }
            guard isValid(canonical, for: mapping.type) else {
                diagnostics.error("'\(canonical)' is not a valid \(mapping.canonicalPath) value\(expected(mapping.type))", at: entry.value.location)
                continue
            }
            if mapping.readMap[entry.key] != nil { diagnostics.error("'\(entry.key)' is mapped twice", at: entry.keyLocation) }
            mapping.readMap[entry.key] = canonical
            if sourcesByCanonical[canonical] == nil { order.append(canonical) }
            sourcesByCanonical[canonical, default: []].append(entry.key)
        }
        var reverseMap: [String: String] = [:]
        if let reverse {
            for entry in reverse.entries ?? [] {
                guard let source = entry.value.scalar?.value, sourcesByCanonical[entry.key]?.contains(source) == true else {
                    diagnostics.error("reverse '\(entry.key)' should name one of the document values that 'values' maps to it", at: entry.value.location)
                    continue
                }
                reverseMap[entry.key] = source
            }
        }
        for canonical in order {
            let sources = sourcesByCanonical[canonical]!
            if let chosen = reverseMap[canonical] {
                mapping.writeMap[canonical] = chosen
            } else if sources.count == 1 {
                mapping.writeMap[canonical] = sources[0]
            } else {
                diagnostics.error(
                    "'values' maps \(sources.map { "'\($0)'" }.joined(separator: " and ")) to '\(canonical)'; add 'reverse: { \(canonical): ONE }' to say which is written",
                    at: node.location)
            }
        }
    }

    func isValid(_ value: String, for type: FieldType) -> Bool {
        switch type {
        case .code(let vocabulary): vocabulary.contains(value)
        case .boolean: value == "true" || value == "false"
        case .date: CalendarDate(iso: value) != nil
        case .number, .integer: Double(value) != nil
        default: true
        }
    }

    func expected(_ type: FieldType) -> String {
        switch type {
        case .code(let vocabulary): "; expected one of: \(vocabulary.codes.joined(separator: ", "))"
        case .boolean: "; expected true or false"
        default: ""
        }
    }

    // MARK: - Source paths

    mutating func sourcePath(_ text: String, at location: SourceLocation, inList: Bool) -> SourcePath {
        let path = SourcePath(text, syntax: syntax)
        switch syntax {
        case .csv:
            if text.trimmingSpaces().isEmpty { diagnostics.error("a column name cannot be empty", at: location) }
            if inList != text.contains("{n}") {
                diagnostics.error(
                    inList ? "a column inside a csv list must hold {n}, the item number" : "{n} belongs only in the columns of a csv list", at: location)
            }
        case .xml:
            for (index, step) in path.steps.enumerated() {
                let name = step.hasPrefix("@") ? String(step.dropFirst()) : step
                let valid = step == "." ? path.steps.count == 1 : Self.isXMLName(name) && (!step.hasPrefix("@") || index == path.steps.count - 1)
                if !valid {
                    diagnostics.error(
                        "'\(text)' is not a path ehcp can read and write: use element names separated by '/', optionally ending in @attribute", at: location)
                    break
                }
            }
        case .json, .yaml:
            if path.steps.contains(where: \.isEmpty) {
                diagnostics.error("'\(text)' is not a path of keys separated by '.'", at: location)
            }
        }
        return path
    }

    /// Two writable mappings writing one place would overwrite each other; two writable mappings
    /// of one canonical field would write it twice.
    mutating func checkWrittenPlaces(values: [ValueMapping], lists: [ListMapping], marker: FormatDefinition.Marker?) {
        func check(_ mappings: [ValueMapping], prefix: [String], canonicalPrefix: String, seen: inout [SourcePath: String]) {
            var canonical: Set<String> = []
            for mapping in mappings where !mapping.readOnly {
                var full = mapping.source
                full.steps = prefix + full.steps
                if let other = seen[full] {
                    diagnostics.error("'\(mapping.source)' is already written by \(other); mark one of them readOnly: true", at: mapping.location)
                }
                seen[full] = canonicalPrefix + mapping.canonicalPath
                if !canonical.insert(mapping.canonicalPath).inserted {
                    diagnostics.error(
                        "\(canonicalPrefix)\(mapping.canonicalPath) is written by two mappings; mark all but one readOnly: true", at: mapping.location)
                }
            }
        }
        var seen: [SourcePath: String] = [:]
        if let marker { seen[marker.path] = "the marker" }
        check(values, prefix: [], canonicalPrefix: "", seen: &seen)
        for list in lists {
            // CSV items share the row's columns; XML and JSON items each have their own element.
            var inner: [SourcePath: String] = [:]
            if syntax == .csv {
                check(list.fields, prefix: [], canonicalPrefix: list.canonicalPath + ".", seen: &seen)
            } else {
                check(list.fields, prefix: list.each?.steps ?? [], canonicalPrefix: list.canonicalPath + ".", seen: &inner)
            }
        }
    }

    static func isXMLName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." } && !name.contains(":")
    }
}
