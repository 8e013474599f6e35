/// The fields of one object of the canonical schema, laid out for decoding: a key is found by
/// its length and first byte before any text is compared, and each object or list field has the
/// table of its own fields ready.
final class FieldTable: Sendable {
    let fields: [Field]
    let names: [String]
    /// The table of each field's object, or of its list's items; nil for a single value.
    let children: [FieldTable?]
    /// One bit per field, in order: the required ones.
    let required: UInt64
    /// Per field: UTF-8 length in the high bits, first byte in the low eight.
    private let signatures: [Int]

    init(_ fields: [Field]) {
        precondition(fields.count <= 64, "an object of the schema has more fields than one mask holds")
        self.fields = fields
        names = fields.map(\.name)
        children = fields.map { field in field.type.children.map(FieldTable.init) }
        required = fields.indices.reduce(0) { mask, index in fields[index].required ? mask | 1 << index : mask }
        signatures = fields.map { Self.signature($0.name) }
    }

    /// The fields of the document's root.
    static let root = FieldTable(CanonicalSchema.root)

    /// The index of the field named `name`, or nil.
    func index(of name: String) -> Int? {
        let wanted = Self.signature(name)
        for index in signatures.indices where signatures[index] == wanted && names[index] == name {
            return index
        }
        return nil
    }

    private static func signature(_ name: String) -> Int {
        name.utf8.count << 8 | Int(name.utf8.first ?? 0)
    }
}
