import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPKit

@Suite struct ChecklistTests {
    let norfolk = AuthorityCatalog.builtIn.authority("norfolk")!

    func checklist(_ requester: String? = nil) throws -> Checklist {
        let chain = try RuleSetCatalog(directory: RepositoryPaths.localAuthorities).rulesets(forCode: "926")
        return Checklist(authority: norfolk, rules: try EffectiveRules.combine(chain, asOf: CalendarDate(iso: "2026-11-23")), requester: requester)
    }

    /// The progress items say how to record attainment (units, the expected value, the import
    /// from a tracking system) and how a line of provision is linked to the area it serves.
    @Test func progressItemsSayHowToRecordAttainmentAndLinkProvision() throws {
        let items = try checklist().sections.flatMap(\.items)
        let series = try #require(items.first { $0.rule == "ENG-ATTAINMENT-SERIES" })
        #expect(series.text.contains("measure and units") && series.text.contains("the value expected at the child's age then"))
        #expect(series.text.contains("export can be imported"))
        let linked = try #require(items.first { $0.rule == "ENG-PROVISION-LINKED" })
        #expect(linked.text.contains("naming its area of attainment") && linked.text.contains("evidence of the progress"))
    }

    @Test func sectionsFollowTheOrderASENCOGathersIn() throws {
        let sections = try checklist().sections.map(\.section)
        #expect(sections == Checklist.Section.allCases.filter(sections.contains))
        #expect(sections.first == .form && sections.contains(.consent) && sections.contains(.professionals))
        let items = try checklist().sections.flatMap(\.items)
        #expect(Set(items.map(\.rule)).count == items.count, "each rule once")
    }

    @Test func itemsCarryRecencyAndBasis() throws {
        let items = try checklist().sections.flatMap(\.items)
        let indes = try #require(items.first { $0.rule == "NFK-INDES-RECENT" })
        #expect(indes.within == "12 months" && indes.basis == .local && indes.need == "Required")
        #expect(indes.evidenceTypes == ["need-descriptor"])
        let dateOfBirth = try #require(items.first { $0.rule == "ENG-CHILD-DATE-OF-BIRTH" })
        #expect(dateOfBirth.basis == .practical && dateOfBirth.field == "child.dateOfBirth")
        let sections = try checklist().sections
        #expect(sections.first { $0.section == .support }?.items.contains { $0.rule == "NFK-APDR-CYCLES" } == true)
        #expect(sections.first { $0.section == .consent }?.items.contains { $0.rule == "NFK-DP1-CONSENT" } == true)
    }

    @Test func aRequesterRoleLeavesOutRulesForOtherRoles() throws {
        let all = try checklist().sections.flatMap(\.items).map(\.rule)
        let parent = try checklist("parent").sections.flatMap(\.items)
        let setting = try checklist("setting").sections.flatMap(\.items)
        #expect(parent.count < all.count && setting.count < all.count)
        // A rule for parents only is kept for parents, without its role condition, and dropped for settings.
        let parentOnly = Set(parent.map(\.rule)).subtracting(setting.map(\.rule))
        #expect(!parentOnly.isEmpty)
        for item in parent where parentOnly.contains(item.rule) { #expect(item.applies?.contains("requester.role") != true) }
    }

    @Test(arguments: ChecklistRenderer.formats)
    func everyFormatListsEveryItem(format: String) throws {
        let list = try checklist("setting")
        let text = try #require(ChecklistRenderer.render(list, format: format))
        for item in list.sections.flatMap(\.items) { #expect(text.contains(item.rule)) }
        if format == "json" { #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any]) }
        if format == "html" { #expect(text.contains("<main>") && !text.contains("<script")) }
        #expect(ChecklistRenderer.render(list, format: "pdf") == nil)
    }

    @Test func skeletonValidatesAtOnceWithFindingsToFillIn() throws {
        let folder = NSTemporaryDirectoryPath.make()
        let text = BundleSkeleton.application(try checklist("setting"), requester: "setting", date: CalendarDate(iso: "2026-11-23")!)
        try text.write(toFile: folder + "/application.yaml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: folder + "/evidence", withIntermediateDirectories: true)
        let report = try Validator(rulesets: RuleSetCatalog(directory: RepositoryPaths.localAuthorities), options: ValidationOptions()).validate(bundle: folder)
        #expect(report.authority?.code == "926" && report.rulesets == ["england", "norfolk"])
        #expect(!report.isValid)
        let rules = Set(report.findings.map(\.rule))
        #expect(rules.isSuperset(of: ["ENG-CHILD-GIVEN-NAMES", "ENG-CHILD-FAMILY-NAME", "ENG-CHILD-DATE-OF-BIRTH", "NFK-DP1-CONSENT"]))
        #expect(!rules.contains { $0.hasPrefix("SCHEMA-") }, "the skeleton itself is well formed: \(rules)")
        for type in ["consent-form", "need-descriptor", "attendance-record"] { #expect(text.contains("#   \(type)")) }
    }
}

/// `ehcp init` gives every authority a skeleton holding every field its rules ask about.
@Suite struct BundleSkeletonTests {
    /// Schema 1.1 fields appear where the authority's own form asks for them, and only there.
    @Test func theAuthoritysFormAddsTheFieldsItAsks() throws {
        let catalog = RuleSetCatalog(directory: RepositoryPaths.localAuthorities)
        let formats = try FormatRegistry.standard(catalog: catalog)
        func skeleton(_ code: String) throws -> String {
            let rules = try EffectiveRules.combine(catalog.rulesets(forCode: code), asOf: nil)
            let checklist = Checklist(authority: AuthorityCatalog.builtIn.authority(code)!, rules: rules)
            return BundleSkeleton.application(
                checklist, requester: "setting", date: CalendarDate(iso: "2026-11-23")!,
                formPaths: formats.canonicalPaths(heldByFormsOf: code))
        }
        let bedford = try skeleton("822")
        for line in ["  ethnicity:", "  religion:", "  lookedAfterStatus:", "  ncYearTaught:", "    phone:", "previousSettings: []"] {
            #expect(bedford.contains("\n" + line), "Bedford's skeleton lacks \(line)")
        }
        #expect(!bedford.contains("  gp:") && !bedford.contains("  socialCareStatus:"))
        #expect(try skeleton("202").contains("\n  socialCareStatus:"))
        #expect(try skeleton("860").contains("\n  position:"))
        let norfolk = try skeleton("926")
        for line in ["ethnicity:", "previousSettings:", "ncYearTaught:", "position:"] { #expect(!norfolk.contains(line)) }
        #expect(norfolk.contains("# date, value, expected): ehcp import-attainment tracking.csv --into <this folder>\n"))
        #expect(norfolk.contains("progressEvidence: <evidence id>, start: YYYY-MM-DD\n"))
        let read = try CanonicalYAMLFormat().read(Array(bedford.utf8), file: "application.yaml")
        #expect(!read.findings.contains { $0.rule.hasPrefix("SCHEMA-") }, "\(read.findings.map(\.message))")
    }

    static let authorities = FileAccess.list(RepositoryPaths.localAuthorities).filter { $0.first?.isNumber == true }
    static let computed = Set(CanonicalSchema.computed.keys)

    @Test(arguments: authorities)
    func skeletonHasEveryFieldTheRulesName(folder: String) throws {
        let code = String(folder.prefix(3))
        let catalog = RuleSetCatalog(directory: RepositoryPaths.localAuthorities)
        let rules = try EffectiveRules.combine(catalog.rulesets(forCode: code), asOf: nil)
        let checklist = Checklist(authority: AuthorityCatalog.builtIn.authority(code)!, rules: rules)
        let skeleton = BundleSkeleton.application(checklist, requester: "setting", date: CalendarDate(iso: "2026-11-23")!)
        let lines = skeleton.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        var paths = Set(rules.rules.compactMap(\.check.field))
        for rule in rules.rules {
            for condition in rule.when {
                switch condition {
                case .equals(let path, _), .compare(let path, _, _), .present(let path), .absent(let path): paths.insert(path)
                case .xpath: break
                }
            }
        }
        // Evidence items are added one per document, so the skeleton shows their fields in a commented example.
        for path in paths where path.hasPrefix("evidence.") {
            let key = path.dropFirst("evidence.".count)
            #expect(skeleton.contains("#     \(key):") || skeleton.contains("#   - \(key):"), "\(folder): the skeleton's evidence example lacks \(key)")
        }
        for path in paths.subtracting(Self.computed) where !path.hasPrefix("evidence.") {
            // Each key of the path on its own line, indented two spaces per level, in order.
            var from = 0
            for (depth, key) in path.split(separator: ".").enumerated() {
                let prefix = String(repeating: "  ", count: depth) + key + ":"
                let found = lines[from...].firstIndex { $0.hasPrefix(prefix) || $0.hasPrefix(String(repeating: "  ", count: depth) + "- " + key + ":") }
                #expect(found != nil, "\(folder): the skeleton lacks \(path)")
                from = found ?? from
            }
        }
    }
}
