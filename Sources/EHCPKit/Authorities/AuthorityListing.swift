import EHCPSource
import Foundation

extension AuthorityCatalog.Entry {
    /// The entry as `ehcp authorities list --format json` and the server's `/api/v1/authorities` give it.
    public func listing(rulesets: RuleSetCatalog, formats: FormatRegistry) -> OutputNode {
        .mapping([("code", .string(code)), ("name", .string(name)), ("slug", .string(slug)),
                  ("region", .string(region)), ("ownRules", .boolean(rulesets.folder(forCode: code) != nil)),
                  ("formats", .sequence(formats.ids(forAuthority: code).map { .string($0) }))])
    }
}

extension Checklist {
    /// The checklist of `authority` from its rules in force today.
    public static func current(for authority: AuthorityCatalog.Entry, rulesets: RuleSetCatalog, requester: String? = nil) throws -> Checklist {
        let chain = try rulesets.rulesets(forCode: authority.code)
        return Checklist(authority: authority, rules: try EffectiveRules.combine(chain, asOf: CalendarDate.today), requester: requester)
    }
}

extension CalendarDate {
    /// Today's date where ehcp runs.
    public static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
