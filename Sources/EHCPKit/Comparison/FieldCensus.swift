import EHCPSource

/// The field census of published request forms (`docs/field-census.csv`): which fields each form
/// asks. Used to show, per authority, the fields only one or two census forms ask: where its form
/// departs from the rest.
public struct FieldCensus: Sendable {
    /// The most forms a field may be asked by and still count as rare.
    public static let rareLimit = 2

    /// Forms (authority code and title) by the field they ask; a form counts once per field.
    public var formsByField: [String: Set<String>]
    /// The fields each authority's census forms ask, by authority code (`unknown` forms left out).
    public var fieldsByAuthority: [String: Set<String>]

    /// The census the binary carries.
    ///
    /// - Throws: `DiagnosticList` when the carried census is not the expected CSV.
    public static func builtIn() throws -> FieldCensus {
        try FieldCensus(csv: EmbeddedResources.fieldCensusCSV, file: "docs/field-census.csv")
    }

    /// Reads a census CSV with the columns `authority`, `form` and `field` among its header.
    public init(csv: String, file: String) throws {
        let table = try CSVTable.read(Array(csv.utf8), file: file)
        let names = table.header.map(\.text)
        guard let authority = names.firstIndex(of: "authority"), let form = names.firstIndex(of: "form"), let field = names.firstIndex(of: "field") else {
            throw DiagnosticList([.error("the field census needs the columns authority, form and field", at: SourceLocation(file: file, line: 1))])
        }
        var forms: [String: Set<String>] = [:]
        var fields: [String: Set<String>] = [:]
        for row in table.rows {
            let code = row[authority].text
            let name = row[field].text
            forms[name, default: []].insert(code + " " + row[form].text)
            if code != "unknown" { fields[code, default: []].insert(name) }
        }
        formsByField = forms
        fieldsByAuthority = fields
    }

    /// The fields of `code`'s census forms that at most ``rareLimit`` census forms ask, sorted;
    /// empty when the authority has no form in the census.
    public func rareFields(of code: String) -> [String] {
        (fieldsByAuthority[code] ?? []).filter { (formsByField[$0]?.count ?? 0) <= Self.rareLimit }.sorted()
    }

    /// Whether `code` has a form in the census.
    public func hasForm(_ code: String) -> Bool { fieldsByAuthority[code] != nil }

    /// The number of census forms.
    public var formCount: Int { Set(formsByField.values.flatMap { $0 }).count }
}
