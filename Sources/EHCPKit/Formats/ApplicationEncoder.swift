import EHCPSource

/// Turns an ``Application`` into an `OutputNode` tree in schema order, for any writer.
public enum ApplicationEncoder {
    /// The tree of `application`, stamped with the version ehcp writes: a document of any version
    /// it reads is a document of that version, so `ehcp convert` always writes the current one.
    public static func encode(_ application: Application) -> OutputNode {
        var root = application.root
        if let version = root["schemaVersion"], let text = version.text, CanonicalSchema.readableVersions.contains(text) {
            root["schemaVersion"] = Value(.text(CanonicalSchema.version), location: version.location)
        }
        return encode(root, fields: CanonicalSchema.root)
    }

    private static func encode(_ record: Record, fields: [Field]) -> OutputNode {
        var entries: [(key: String, value: OutputNode)] = []
        for field in fields {
            guard let value = record[field.name] else { continue }
            entries.append((field.name, encode(value, type: field.type)))
        }
        return .mapping(entries)
    }

    private static func encode(_ value: Value, type: FieldType) -> OutputNode {
        switch value.content {
        case .text(let text): return .string(text)
        case .date(let date): return .date(date.description)
        case .number(let number): return .number(Value.format(number))
        case .boolean(let flag): return .boolean(flag)
        case .object(let record): return encode(record, fields: type.children ?? [])
        case .list(let items):
            return .sequence(
                items.map { item in
                    item.record.map { encode($0, fields: type.children ?? []) } ?? encode(item, type: .text)
                })
        }
    }
}
