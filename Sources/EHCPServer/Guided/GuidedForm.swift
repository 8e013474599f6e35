import EHCPKit

/// The guided form for one request: the authority it goes to, who makes it, and so which fields
/// each page asks — the canonical fields `ehcp init` writes, with the newer (schema 1.1) fields
/// only when the authority's published form or its rules use them — and what the authority's
/// checklist says about each page.
struct GuidedForm: Sendable {
    let authority: AuthorityCatalog.Entry
    let requester: String
    let checklist: Checklist
    /// Canonical paths the authority's published form holds, and the fields its rules name.
    let usedPaths: Set<String>
    /// The authority's own document format, when it publishes one.
    let ownFormat: (any FormatPlugin)?

    init(authority: AuthorityCatalog.Entry, requester: String, checker: Checker) throws {
        self.authority = authority
        self.requester = requester
        checklist = try Checklist.current(for: authority, rulesets: checker.configuration.rulesets, requester: requester)
        let ruleFields = checklist.sections.flatMap(\.items).compactMap(\.field)
        usedPaths = checker.formats.canonicalPaths(heldByFormsOf: authority.code).union(ruleFields)
        ownFormat = checker.formats.formats.first { ($0 as? MappedFormat)?.definition.authority == authority.code }
    }

    /// The groups `section` asks, each with only the entries this request is asked.
    func groups(_ section: GuidedSection) -> [GuidedGroup] {
        let groups = section == .evidence ? [GuidedCatalogue.evidence] : section.groups
        return groups.compactMap { group in
            guard allows(group.roles), !group.since11 || uses(group.path) else { return nil }
            let entries = group.entries.filter { allows($0.roles) && (!$0.since11 || uses(group.path(of: $0))) }
            return entries.isEmpty
                ? nil
                : GuidedGroup(
                    path: group.path, legend: group.legend, hint: group.hint, item: group.item,
                    blanks: group.blanks, since11: group.since11, roles: group.roles, entries: entries)
        }
    }

    private func allows(_ roles: Set<String>?) -> Bool { roles?.contains(requester) ?? true }

    private func uses(_ path: String) -> Bool {
        usedPaths.contains(path) || usedPaths.contains { $0.hasPrefix(path + ".") }
    }

    /// The checklist's items for `section`, required first; the evidence page lists every document asked for.
    func items(_ section: GuidedSection) -> [Checklist.Item] {
        checklist.sections.flatMap { entry in
            entry.items.filter { section.checklistSections.contains(entry.section) || (section == .evidence && !$0.evidenceTypes.isEmpty) }
        }
    }

    /// The evidence types the authority's checklist asks this requester for, in its order.
    var evidenceTypesAsked: [String] {
        var seen = Set<String>()
        return checklist.sections.flatMap(\.items).flatMap(\.evidenceTypes).filter { seen.insert($0).inserted }
    }

    /// True when a parent or young person makes the request: nothing of local practice is required of them.
    var isFamilyRequest: Bool { RequesterFairness.protectedRoles.contains(requester) }
}
