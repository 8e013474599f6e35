import EHCPSource
import Foundation

extension AuthorityCatalog.Entry {
    /// The entry as `ehcp authorities list --format json` and the server's `/api/v1/authorities` give it.
    ///
    /// - Throws: `DiagnosticList` when its `authority.yaml` is invalid.
    public func listing(rulesets: RuleSetCatalog, formats: FormatRegistry) throws -> OutputNode {
        AuthorityList.node(AuthorityList.Row(research: try AuthorityResearch.load(self, from: rulesets), formats: formats.ids(forAuthority: code)))
    }
}

extension Checklist {
    /// The checklist of `authority` from its rules in force today.
    public static func current(for authority: AuthorityCatalog.Entry, rulesets: RuleSetCatalog, requester: String? = nil) throws -> Checklist {
        let chain = try rulesets.rulesets(forCode: authority.code)
        var checklist = Checklist(authority: authority, rules: try EffectiveRules.combine(chain, asOf: CalendarDate.today), requester: requester)
        checklist.notice = try AuthorityResearch.load(authority, from: rulesets).noLocalRulesNotice
        return checklist
    }
}

extension CalendarDate {
    /// Today's date where ehcp runs.
    public static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
