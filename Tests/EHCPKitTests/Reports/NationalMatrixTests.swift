import EHCPTestSupport
import Testing

@testable import EHCPKit

/// Requirement themes for known rules, the law's column, and the matrix page's accessibility.
@Suite struct NationalMatrixTests {
    static let matrix = Result { try NationalMatrix.build(catalog: RuleSetCatalog(directory: RepositoryPaths.localAuthorities)) }

    private func cell(_ code: String, _ theme: RequirementTheme) throws -> NationalMatrix.Cell? {
        try Self.matrix.get().columns.first { $0.research.authority.code == code }?.cells[theme]
    }

    @Test(arguments: [
        ("926", RequirementTheme.apdrCycles, "NFK-APDR-CYCLES", "2 cycles"),
        ("926", .reportRecency, "NFK-REPORTS-RECENT", "within 24 months"),
        ("926", .consentForm, "NFK-DP1-CONSENT", "asked"),
        ("926", .descriptorFramework, "NFK-INDES-RECENT", "within 12 months"),
        ("926", .attendanceRecord, "NFK-ATTENDANCE-RECORD", "asked"),
        ("840", .provisionThreshold, "DUR-FIRST-6000", "£6,000"),
        ("206", .epReport, "ISL-EP-INVOLVED", "1 professional"),
        ("206", .externalProfessionals, "ISL-ADVISORY-PROFESSIONALS", "2 professionals")
    ])
    func knownRulesFallInTheirTheme(code: String, theme: RequirementTheme, rule: String, ask: String) throws {
        let cell = try #require(try cell(code, theme), "\(code) has no \(theme.rawValue) cell")
        #expect(cell.rules.contains(rule))
        #expect(cell.asks.contains(ask), "\(cell.asks)")
    }

    @Test func onlyAnAuthoritysOwnRulesCountAndTheLawIsKeptApart() throws {
        let matrix = try Self.matrix.get()
        #expect(matrix.columns.count == 153)
        #expect(matrix.columns.allSatisfy { $0.cells.values.allSatisfy { $0.rules.allSatisfy { !$0.hasPrefix("ENG-") } } })
        #expect(matrix.law[.apdrCycles] == nil)
        #expect(matrix.sentence(.apdrCycles).hasSuffix("before a request; the law does not."))
        #expect(matrix.law[.consentForm] != nil)
        #expect(matrix.sentence(.consentForm).hasSuffix("the law asks for some of this too."))
        let surrey = try #require(matrix.columns.first { $0.research.authority.code == "936" })
        #expect(surrey.cells.isEmpty && surrey.research.resultID == "no-source-found")
    }

    @Test func askedAmountsAreWrittenAsPeopleSayThem() {
        #expect(RuleCheck.pounds("6000") == "£6,000")
        #expect(RuleCheck.pounds("1250000") == "£1,250,000")
        #expect(RuleCheck.pounds("12.50") == "£12.50")
        #expect(NationalMatrix.csvField("-1") == "'-1")
        #expect(NationalMatrix.csvField("@SUM(A1)") == "'@SUM(A1)")
        #expect(NationalMatrix.csvField("a \"b\", c") == "\"a \"\"b\"\", c\"")
    }

    @Test func thePageHasNoScriptTableSemanticsAndContrastOf4Point5() throws {
        let page = try Self.matrix.get().html
        #expect(!page.contains("<script"))
        #expect(page.contains("<th scope=\"col\""))
        #expect(page.contains("<th scope=\"row\""))
        #expect(page.contains("<caption>"))
        #expect(page.contains("@page { size: A3 landscape"))
        let pairs = ContrastTests.pairs(NationalMatrix.style)
        #expect(pairs.count >= 8)
        for (selector, colour, background) in pairs {
            #expect(ContrastTests.ratio(colour, background) >= 4.5, "\(selector): \(colour) on \(background)")
        }
        // In grey the shades stay apart: Required darkest, then Expected, then Helpful, then empty.
        let shades = ["td.error", "td.warning", "td.info", "td.empty"].map { selector in pairs.first { $0.0 == selector }!.2 }
        for (darker, lighter) in zip(shades, shades.dropFirst()) {
            #expect(ContrastTests.ratio(darker, lighter) >= 1.3, "\(darker) and \(lighter) look alike in grey")
            #expect(ContrastTests.luminance(darker) < ContrastTests.luminance(lighter))
        }
    }
}
