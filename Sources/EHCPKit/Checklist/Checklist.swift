/// The evidence and details an authority asks for, in the order a SENCO gathers them.
///
/// Built from the authority's effective rules (its own and the statutory baseline): each rule is one
/// item, in plain words, with its recency window, whether it is law or local practice, and its
/// source. Rules that apply only to other requesters are left out when a requester role is given.
public struct Checklist: Sendable {
    /// A heading of the checklist, in gathering order.
    public enum Section: String, Sendable, CaseIterable {
        case form = "request-form"
        case consent
        case views
        case support = "setting-support"
        case progress
        case professionals
        case other

        /// The heading of the section.
        public var title: String {
            switch self {
            case .form: "Details on the request form"
            case .consent: "Consent"
            case .views: "Views of the child or young person and the family"
            case .support: "The setting's support so far"
            case .progress: "Progress, attainment and attendance"
            case .professionals: "Reports from professionals"
            case .other: "Anything else the authority asks for"
            }
        }
    }

    /// One thing to gather or fill in.
    public struct Item: Sendable {
        /// The id of the rule behind the item.
        public var rule: String
        /// What to gather or fill in, in the checklist's own words (`ChecklistWording`).
        public var text: String
        /// How the authority treats a request without it.
        public var severity: Severity
        /// Law, statutory guidance or local practice.
        public var basis: Basis
        /// How recent the evidence must be, e.g. "24 months", when the rule says.
        public var within: String?
        /// Evidence types the item is met by (canonical ids), if it is about documents.
        public var evidenceTypes: [String]
        /// The application field the item is about, if it is about a field.
        public var field: String?
        /// When the item applies, in plain English ("the parents' views are not written in the form"), if not always.
        public var applies: String?
        /// Where the authority or the law says so, with the grade of the source the rule rests on.
        public var reference: String?

        /// How evidence that meets the item is listed in the application ("listed with type:
        /// consent-form"), when the item is about documents.
        public var listedAs: String? {
            evidenceTypes.isEmpty ? nil : "listed with type: " + evidenceTypes.joined(separator: " or ")
        }

        /// "Required", "Expected" or "Helpful", from the rule's severity.
        public var need: String { severity.need }
    }

    /// The authority the checklist is for.
    public var authority: AuthorityCatalog.Entry
    /// The requester role it was filtered for, if any.
    public var requester: String?
    /// The rule sets it comes from, baseline first.
    public var rulesets: [String]
    /// The items by section, sections in gathering order, required items first.
    public var sections: [(section: Section, items: [Item])]
    /// Said at the top when the authority has no rules of its own, so the baseline is not taken for
    /// its list (``AuthorityResearch/noLocalRulesNotice``).
    public var notice: String?

    /// The checklist for `authority`'s effective rules; with `requester`, only what applies to that role.
    public init(authority: AuthorityCatalog.Entry, rules: EffectiveRules, requester: String? = nil) {
        self.authority = authority
        self.requester = requester
        rulesets = rules.rulesets
        var bySection: [Section: [Item]] = [:]
        for rule in rules.rules {
            var conditions = rule.when
            if let requester, let index = conditions.firstIndex(where: { $0.requesterRoles != nil }) {
                guard conditions[index].requesterRoles!.contains(requester) else { continue }
                conditions.remove(at: index)
            }
            // A parent or young person may request by letter: local practice is never required of them.
            let lowered = requester.map(RequesterFairness.protectedRoles.contains) == true && rule.basis == .local && rule.severity == .error
            let item = Item(
                rule: rule.id, text: rule.checklistItem ?? rule.message, severity: lowered ? .warning : rule.severity,
                basis: rule.basis, within: rule.check.window?.description, evidenceTypes: rule.check.evidenceTypes,
                field: rule.check.field, applies: ChecklistWording.conditions(when: conditions, unless: rule.unless),
                reference: PublishedSource.citation(reference: rule.reference, source: rule.source))
            bySection[Self.section(of: rule.check), default: []].append(item)
        }
        sections = Section.allCases.compactMap { section in
            bySection[section].map { (section, $0.sorted { ($0.severity, $1.rule) > ($1.severity, $0.rule) }) }
        }
    }

    /// The section a check belongs in, from the evidence types or field path it names.
    static func section(of check: RuleCheck) -> Section {
        let subject = check.evidenceTypes.first ?? check.field ?? check.progressSubject ?? ""
        let table: [(Section, [String])] = [
            (.consent, ["consent"]),
            (.views, ["views", "child-views", "parent-views", "young-person-views"]),
            (
                .support,
                [
                    "graduatedApproach", "provision", "sen-support-plan", "apdr-review", "provision-map", "costed-provision-map",
                    "need-descriptor", "setting", "needs", "work-samples", "exclusion-record", "educational-advice"
                ]
            ),
            (.progress, ["attainment", "attendance"]),
            (.professionals, ["professionals", "report", "medical-letter", "previous-decision"]),
            (.form, ["authority", "dateOfRequest", "requester", "child", "parents", "form", "schemaVersion", "reference", "previousSettings"])
        ]
        for (section, prefixes) in table where prefixes.contains(where: { subject.hasPrefix($0) || subject.hasSuffix($0) }) {
            return section
        }
        return .other
    }
}

extension Rule {
    /// The rule as an item of a checklist: its own `checklist:` wording, else words made from its
    /// check; nil when neither can say it (an XPath check without wording).
    public var checklistItem: String? {
        checklist.map(ChecklistWording.capitalised) ?? ChecklistWording.item(check)
    }
}

extension Condition {
    /// The roles a `requester.role` condition allows, or nil for any other condition.
    var requesterRoles: [String]? {
        if case .equals("requester.role", let roles) = self { return roles }
        return nil
    }
}

extension RuleCheck {
    /// The evidence types the check asks for (empty for checks on fields, and for an evidence
    /// check with `min: 0`, which only caps how many there may be).
    public var evidenceTypes: [String] {
        switch self {
        case .evidence(let check): check.min > 0 ? check.types : []
        case .recency(let check): check.types
        default: []
        }
    }

    /// The field path the check is about, when it is about one.
    public var field: String? {
        switch self {
        case .field(let check): check.path
        case .count(let check): check.path
        case .duration(let check): check.path
        default: nil
        }
    }

    /// The recency window, when the check has one.
    public var window: TimeWindow? {
        switch self {
        case .evidence(let check): check.within
        case .recency(let check): check.within
        default: nil
        }
    }
}

extension Severity {
    /// "Required", "Expected" or "Helpful": how an authority treats a request without the item.
    public var need: String {
        switch self {
        case .error: "Required"
        case .warning: "Expected"
        case .info: "Helpful"
        }
    }
}
