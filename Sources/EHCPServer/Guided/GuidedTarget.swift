import EHCPKit
import Foundation

/// Where a finding's path is on the form: the input its message links to, and whether the page
/// asks for it (a section's save is held back only by what the page itself can correct).
enum GuidedTarget {
    /// The canonical field a computed value (`age`, `primaryNeed`) is corrected in.
    private static let computed = [
        "age": "child.dateOfBirth", "overCompulsorySchoolAge": "child.dateOfBirth", "primaryNeed": "needs", "provisionTotal": "provision",
        "graduatedApproachCount": "graduatedApproach", "reviewedCycles": "graduatedApproach", "attendanceRate": "attendance"
    ]

    /// The errors among `findings` that `groups` can correct, each linked to its input.
    static func problems(_ findings: [Finding], section: GuidedSection, groups: [GuidedGroup]) -> [InputProblem] {
        let asked = Set(groups.flatMap { group in [group.path] + group.entries.map(group.path(of:)) })
        return findings.compactMap { finding in
            guard finding.severity == .error, let path = finding.path.map(target), GuidedSection.of(path: finding.path) == section else { return nil }
            let field = path.replacingOccurrences(of: #"\[\d+\]"#, with: "", options: .regularExpression)
            // A document named before it is attached (the evidence page comes last) is checked on the last page.
            guard asked.contains(field), !isReference(field) else { return nil }
            let id = GuidedValues.id(path.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: ""))
            return InputProblem(text: finding.message, id: id)
        }
    }

    private static func isReference(_ field: String) -> Bool {
        if case .identifier(.evidenceReference) = CanonicalSchema.field(at: field)?.type { return true }
        return false
    }

    private static func target(_ path: String) -> String {
        if path.hasPrefix("progress.") { return "attainment" }
        return computed[path] ?? path
    }
}
