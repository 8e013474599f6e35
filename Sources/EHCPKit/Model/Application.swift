import EHCPSource

/// A request for an EHC needs assessment in the canonical model.
///
/// The data lives in a typed tree (``Record``) that the schema describes, so rules can address any
/// field by path; the properties here give Swift code typed access to the parts it needs.
public struct Application: Sendable, Equatable {
    public var root: Record
    /// The document the application was read from, as the user named it.
    public var file: String

    public init(root: Record, file: String) {
        self.root = root
        self.file = file
    }

    public var authority: String? { root["authority"]?.text }
    public var dateOfRequest: CalendarDate? { root["dateOfRequest"]?.date }
    public var dateOfBirth: CalendarDate? { root["child"]?.record?["dateOfBirth"]?.date }
    public var evidence: [Record] { records("evidence") }

    /// The items of the list field `name`.
    public func records(_ name: String) -> [Record] {
        root[name]?.list?.compactMap(\.record) ?? []
    }
}
