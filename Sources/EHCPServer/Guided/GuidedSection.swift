import EHCPKit

/// The pages of "Start a request", in the order a SENCO or parent fills them in, each a set of
/// groups of canonical fields (``GuidedGroup``).
enum GuidedSection: String, CaseIterable, Sendable {
    case about, support, progress, professionals, views, consent, evidence

    var title: String {
        switch self {
        case .about: "About the child or young person"
        case .support: "The setting's support and its cycles of assess, plan, do, review"
        case .progress: "Progress and attendance"
        case .professionals: "Professionals involved"
        case .views: "Views of the child or young person and the family"
        case .consent: "Consent"
        case .evidence: "Evidence files"
        }
    }

    /// The short name in the list of steps.
    var step: String {
        switch self {
        case .about: "About the child"
        case .support: "Support and APDR cycles"
        case .progress: "Progress and attendance"
        case .professionals: "Professionals"
        case .views: "Views"
        case .consent: "Consent"
        case .evidence: "Evidence files"
        }
    }

    /// The checklist sections whose items are shown on this page (the evidence page shows every
    /// document asked for, whatever its section).
    var checklistSections: [Checklist.Section] {
        switch self {
        case .about: [.form, .other]
        case .support: [.support]
        case .progress: [.progress]
        case .professionals: [.professionals]
        case .views: [.views]
        case .consent: [.consent]
        case .evidence: []
        }
    }

    var next: GuidedSection? { Self.allCases.firstIndex(of: self).flatMap { $0 + 1 < Self.allCases.count ? Self.allCases[$0 + 1] : nil } }
    var previous: GuidedSection? { Self.allCases.firstIndex(of: self).flatMap { $0 > 0 ? Self.allCases[$0 - 1] : nil } }

    /// The section whose fields a finding's path (`parents[0].name`, `primaryNeed`) is about; nil
    /// for a finding about the bundle as a whole.
    static func of(path: String?) -> GuidedSection? {
        guard let path else { return nil }
        let root = String(path.prefix { $0 != "." && $0 != "[" })
        switch root {
        case "age", "overCompulsorySchoolAge", "authority", "dateOfRequest", "reference", "requester", "child", "parents", "form", "schemaVersion":
            return .about
        case "primaryNeed", "provisionTotal", "graduatedApproachCount", "reviewedCycles", "setting", "previousSettings", "needs", "graduatedApproach",
            "provision":
            return .support
        case "attendanceRate", "attainment", "attendance", "progress": return .progress
        case "professionals": return .professionals
        case "views": return .views
        case "consent": return .consent
        default: return .evidence
        }
    }
}

/// One field the form may ask: its canonical path (relative to the list item inside a list group)
/// and its words; `since11` fields are asked only when the authority's form or rules use them, and
/// `roles` limits a field to some requesters.
struct GuidedEntry: Sendable {
    let name: String
    let label: String
    var hint: String? = nil
    var since11 = false
    var roles: Set<String>? = nil
    var long = false
}

/// A fieldset of the form: an object's fields, or a repeating list whose items are asked one
/// under another (with "Add another" instead of script).
struct GuidedGroup: Sendable {
    /// The canonical path of the object or list (`child`, `parents`); "" for top-level fields.
    let path: String
    let legend: String
    var hint: String? = nil
    /// For a list: what one item is called ("parent or carer").
    var item: String? = nil
    /// How many blank items a list shows when it has none.
    var blanks = 1
    var since11 = false
    var roles: Set<String>? = nil
    let entries: [GuidedEntry]

    var isList: Bool { item != nil }

    /// The canonical path of an entry (`child.dateOfBirth`, `parents.name`).
    func path(of entry: GuidedEntry) -> String { path.isEmpty ? entry.name : path + "." + entry.name }
}

extension GuidedSection {
    /// Every group the section may ask, before the authority and requester choose among them.
    var groups: [GuidedGroup] {
        switch self {
        case .about: GuidedCatalogue.about
        case .support: GuidedCatalogue.support
        case .progress: GuidedCatalogue.progress
        case .professionals: GuidedCatalogue.professionals
        case .views: GuidedCatalogue.views
        case .consent: GuidedCatalogue.consent
        case .evidence: []
        }
    }
}
