import EHCPSource

/// A typed value of a canonical application, with the place it was read from.
public struct Value: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        case text(String)
        case date(CalendarDate)
        case number(Double)
        case boolean(Bool)
        case object(Record)
        case list([Value])
    }

    public var content: Content
    public var location: SourceLocation?

    public init(_ content: Content, location: SourceLocation? = nil) {
        self.content = content
        self.location = location
    }

    public var text: String? {
        if case .text(let text) = content { return text }
        return nil
    }

    public var date: CalendarDate? {
        if case .date(let date) = content { return date }
        return nil
    }

    public var number: Double? {
        if case .number(let number) = content { return number }
        return nil
    }

    public var boolean: Bool? {
        if case .boolean(let value) = content { return value }
        return nil
    }

    public var record: Record? {
        if case .object(let record) = content { return record }
        return nil
    }

    public var list: [Value]? {
        if case .list(let items) = content { return items }
        return nil
    }

    /// The value as rule files write it: text, ISO date, `true`/`false` or a number.
    public var comparableText: String {
        switch content {
        case .text(let text): text
        case .date(let date): date.description
        case .boolean(let value): value ? "true" : "false"
        case .number(let number): Value.format(number)
        case .object: "{…}"
        case .list: "[…]"
        }
    }

    /// A number without a trailing `.0` when it is whole.
    public static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

/// The fields of one object, by name. Output order comes from ``CanonicalSchema``.
public struct Record: Sendable, Equatable {
    public var fields: [String: Value]
    /// Where the object itself starts.
    public var location: SourceLocation?

    public init(fields: [String: Value] = [:], location: SourceLocation? = nil) {
        self.fields = fields
        self.location = location
    }

    public subscript(name: String) -> Value? {
        get { fields[name] }
        set { fields[name] = newValue }
    }
}
