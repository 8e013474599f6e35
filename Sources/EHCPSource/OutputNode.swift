/// A tree to be written out as YAML, JSON or XML, with each scalar's kind so every writer can
/// choose the right spelling (quoted string, bare number, boolean, ISO date).
public indirect enum OutputNode: Sendable, Equatable {
    case string(String)
    /// A number as decimal text (`2280`, `3.5`).
    case number(String)
    case boolean(Bool)
    /// An ISO `YYYY-MM-DD` date.
    case date(String)
    case mapping([(key: String, value: OutputNode)])
    case sequence([OutputNode])

    public static func == (lhs: OutputNode, rhs: OutputNode) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)), (.number(let a), .number(let b)), (.date(let a), .date(let b)):
            return a == b
        case (.boolean(let a), .boolean(let b)):
            return a == b
        case (.mapping(let a), .mapping(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.sequence(let a), .sequence(let b)):
            return a == b
        default:
            return false
        }
    }
}
