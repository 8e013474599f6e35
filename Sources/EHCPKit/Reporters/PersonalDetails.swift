import Foundation

/// The child's name, date of birth and the sender's reference, shown only on request.
public struct PersonalDetails: Sendable, Equatable {
    /// Given names and family name.
    public var childName: String?
    /// As written in the application (`YYYY-MM-DD`).
    public var dateOfBirth: String?
    /// The sender's own reference for the request.
    public var reference: String?
    /// Attainment over time and provision, for the charts and tables; nil when there is neither.
    public var progress: ProgressReport?

    /// Details to show; each is optional.
    public init(childName: String? = nil, dateOfBirth: String? = nil, reference: String? = nil, progress: ProgressReport? = nil) {
        self.childName = childName
        self.dateOfBirth = dateOfBirth
        self.reference = reference
        self.progress = progress
    }

    /// One line, e.g. "Amelia Rose Okafor, born 2016-03-14, reference SENCO-2026-014".
    public var line: String {
        [childName, dateOfBirth.map { "born \($0)" }, reference.map { "reference \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}

extension PersonalDetails {
    /// The details of `application`; each is nil when the document does not give it.
    init(_ application: Application) {
        let text = { (path: String) in application.values(at: path).first?.value.comparableText }
        let name = [text("child.givenNames"), text("child.familyName")].compactMap { $0 }.joined(separator: " ")
        let progress = ProgressReport(application)
        self.init(
            childName: name.isEmpty ? nil : name, dateOfBirth: text("child.dateOfBirth"), reference: text("reference"),
            progress: progress.isEmpty ? nil : progress)
    }
}
