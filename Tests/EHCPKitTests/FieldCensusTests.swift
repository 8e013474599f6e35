import EHCPSource
import EHCPTestSupport
import Testing

@testable import EHCPKit

/// `docs/field-census.csv` records what published request forms ask; the canonical schema must
/// have a place for every field that at least three of them ask.
@Suite struct FieldCensusTests {
    struct Row {
        var authority, form, label, path, field, source, grade: String
    }

    static func rows() throws -> [Row] {
        let table = try CSVTable.read(Array(RepositoryPaths.text("docs/field-census.csv").utf8), file: "docs/field-census.csv")
        #expect(table.header.map(\.text) == ["authority", "form", "field_label", "canonical_path", "field", "source_url", "grade"])
        return table.rows.map { cells in
            let text = cells.map(\.text)
            return Row(authority: text[0], form: text[1], label: text[2], path: text[3], field: text[4], source: text[5], grade: text[6])
        }
    }

    /// Forms by the field they ask, a form counted once however many labels it gives the field.
    static func formsByField(_ rows: [Row]) -> [String: Set<String>] {
        rows.reduce(into: [:]) { $0[$1.field, default: []].insert($1.authority + " " + $1.form) }
    }

    @Test func everyRowIsSourcedGradedAndMapped() throws {
        let rows = try Self.rows()
        let codes = AuthorityCatalog.builtIn.codes
        for row in rows {
            #expect(row.source.hasPrefix("https://") || row.source.hasPrefix("http://"), "\(row.form): no source")
            #expect(["current-page", "dated-document", "secondary-copy", "archive"].contains(row.grade), "\(row.form): grade \(row.grade)")
            #expect(row.authority == "unknown" || codes.contains(row.authority), "\(row.form): authority \(row.authority)")
            #expect(!row.label.isEmpty && !row.field.isEmpty)
            if row.path != "none" {
                #expect(CanonicalSchema.type(at: row.path) != nil, "\(row.form) maps \(row.label) to \(row.path), which the schema lacks")
                #expect(row.field == row.path || row.path.hasPrefix(row.field + "."), "\(row.label): field \(row.field) is not \(row.path)")
            }
        }
        #expect(Set(rows.map { $0.authority + " " + $0.form }).count >= 30)
    }

    @Test func everyFieldAskedByThreeFormsHasAPlace() throws {
        let rows = try Self.rows()
        for (field, forms) in Self.formsByField(rows) where forms.count >= 3 {
            #expect(CanonicalSchema.type(at: field) != nil, "\(forms.count) forms ask for '\(field)', which has no canonical place")
            #expect(!rows.contains { $0.field == field && $0.path == "none" }, "'\(field)' is mapped to none somewhere")
        }
    }

    /// The summary's table is the CSV's counts, so the two cannot drift apart.
    @Test func theSummaryCountsWhatTheCSVHolds() throws {
        let summary = try RepositoryPaths.text("docs/field-census.md")
        for (field, forms) in Self.formsByField(try Self.rows()) {
            #expect(
                summary.contains("| `\(field)` | \(forms.count) |") || summary.contains("| \(field) | \(forms.count) |"),
                "docs/field-census.md does not give \(field) as asked by \(forms.count) forms")
        }
    }

    /// The census the binary carries is the repository's CSV, counted the same way.
    @Test func theCarriedCensusIsTheRepositorysCSV() throws {
        let carried = try FieldCensus.builtIn()
        #expect(carried.formsByField == Self.formsByField(try Self.rows()))
        #expect(carried.formCount == 30)
        #expect(carried.rareFields(of: "822").contains("interpreter for the parent"))
        #expect(!carried.rareFields(of: "822").contains("child.dateOfBirth"), "a field most forms ask is not rare")
        #expect(!carried.hasForm("unknown"), "forms that do not name their authority belong to none")
    }

    @Test func aCensusWithoutItsColumnsIsRefusedWithItsPlace() throws {
        let error = #expect(throws: DiagnosticList.self) { try FieldCensus(csv: "authority,form\n822,Form\n", file: "census.csv") }
        #expect(error?.description.hasPrefix("census.csv:1") == true)
    }
}
