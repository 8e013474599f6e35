/// A requirement theme: what a rule asks for, named the same way whatever the authority calls it,
/// so that rules of different authorities can be counted and compared (as `rules diff` compares
/// them, by what they check rather than by id or message).
public enum RequirementTheme: String, Sendable, CaseIterable {
    case ownRequestForm = "own-request-form"
    case settingMakesRequest = "setting-makes-request"
    case consentForm = "consent-form"
    case parentsAgree = "parents-agree"
    case parentViews = "parent-views"
    case childViews = "child-views"
    case senSupportRecord = "sen-support-record"
    case apdrCycles = "apdr-cycles"
    case supportDuration = "support-duration"
    case provisionListed = "provision-listed"
    case costedProvisionMap = "costed-provision-map"
    case provisionThreshold = "provision-threshold"
    case attainment
    case attendanceRecord = "attendance-record"
    case descriptorFramework = "descriptor-framework"
    case epReport = "ep-report"
    case externalProfessionals = "external-professionals"
    case reportRecency = "report-recency"
    case childDetails = "child-details"
    case other

    /// The theme as a row heading.
    public var title: String {
        switch self {
        case .ownRequestForm: "Own request form"
        case .settingMakesRequest: "Setting to make the request"
        case .consentForm: "Consent form"
        case .parentsAgree: "Parents' agreement"
        case .parentViews: "Parents' views"
        case .childViews: "Child's or young person's views"
        case .senSupportRecord: "SEN Support plan or record"
        case .apdrCycles: "Reviewed APDR cycles"
        case .supportDuration: "Length of SEN Support"
        case .provisionListed: "Support given, listed"
        case .costedProvisionMap: "Costed provision map"
        case .provisionThreshold: "Provision total threshold"
        case .attainment: "Attainment and progress data"
        case .attendanceRecord: "Attendance record"
        case .descriptorFramework: "Descriptor framework"
        case .epReport: "Educational psychologist"
        case .externalProfessionals: "External professionals involved"
        case .reportRecency: "Recency of reports"
        case .childDetails: "Child's details on the form"
        case .other: "Other local requirements"
        }
    }

    /// What is asked, to follow "N authorities ask for …".
    public var asked: String {
        switch self {
        case .ownRequestForm: "their own request form"
        case .settingMakesRequest: "the setting to make the request"
        case .consentForm: "a signed consent form"
        case .parentsAgree: "the parents' agreement"
        case .parentViews: "the parents' views"
        case .childViews: "the child's or young person's views"
        case .senSupportRecord: "a SEN Support plan or record"
        case .apdrCycles: "reviewed assess-plan-do-review cycles"
        case .supportDuration: "SEN Support over a minimum length of time"
        case .provisionListed: "a list of the support given"
        case .costedProvisionMap: "a costed provision map"
        case .provisionThreshold: "a minimum total cost of provision"
        case .attainment: "attainment and progress data"
        case .attendanceRecord: "an attendance record"
        case .descriptorFramework: "a completed descriptor framework"
        case .epReport: "an educational psychologist's report or involvement"
        case .externalProfessionals: "involvement or reports of external professionals"
        case .reportRecency: "reports no older than a set age"
        case .childDetails: "details of the child beyond the law's"
        case .other: "something else of their own"
        }
    }

    static let professionalReports: Set<String> = [
        "educational-psychologist-report", "speech-and-language-report", "occupational-therapy-report", "physiotherapy-report",
        "paediatric-report", "camhs-report", "specialist-teacher-report", "sensory-impairment-report", "social-care-report", "medical-letter"
    ]

    /// The theme of a rule, from what its check asks for.
    public static func of(_ check: RuleCheck) -> RequirementTheme {
        switch check {
        case .evidence(let check):
            let types = check.types
            let authorRole = check.authorRole
            return authorRole == "educational-psychologist" ? .epReport : ofEvidence(types)
        case .recency(let check):
            let types = check.types
            if types.contains("need-descriptor") { return .descriptorFramework }
            return types.contains(where: professionalReports.contains) ? .reportRecency : ofEvidence(types)
        case .count(let check):
            let path = check.path
            let values = check.where
            switch path {
            case "graduatedApproach": return values["reviewed"] == nil ? .senSupportRecord : .apdrCycles
            case "professionals": return values["role"] == "educational-psychologist" ? .epReport : .externalProfessionals
            case "consent": return .consentForm
            case "provision": return .provisionListed
            case "attainment": return .attainment
            case "parents": return values["agreesWithRequest"] == nil ? .other : .parentsAgree
            case "evidence": return values["type"].map { ofEvidence([$0]) } ?? .other
            default: return .other
            }
        case .duration(let check):
            let path = check.path
            return path == "graduatedApproach" ? .supportDuration : .other
        case .field(let check):
            let path = check.path
            let oneOf = check.oneOf
            return ofField(path, oneOf: oneOf)
        case .progress(.linkage):
            return .provisionListed
        case .progress:
            return .attainment
        case .xpath(let expression):
            let text = expression.source
            if text.contains("attendance") { return .attendanceRecord }
            if text.contains("professionals") { return .externalProfessionals }
            if text.contains("views") { return .childViews }
            return .other
        }
    }

    private static func ofEvidence(_ types: [String]) -> RequirementTheme {
        let set = Set(types)
        if set.contains("consent-form") { return .consentForm }
        if set.contains("sen-support-plan") || set.contains("apdr-review") { return .senSupportRecord }
        if set.contains("costed-provision-map") || set.contains("provision-map") { return .costedProvisionMap }
        if set.contains("parent-views") { return .parentViews }
        if set.contains("child-views") || set.contains("young-person-views") { return .childViews }
        if set.contains("attendance-record") { return .attendanceRecord }
        if set.contains("need-descriptor") { return .descriptorFramework }
        if set.contains("attainment-data") { return .attainment }
        if set.contains("educational-psychologist-report"), set.count <= 2 { return .epReport }
        if !set.isDisjoint(with: professionalReports) { return .externalProfessionals }
        return .other
    }

    private static func ofField(_ path: String, oneOf: [String]?) -> RequirementTheme {
        if path.hasPrefix("form.") { return .ownRequestForm }
        if path == "provisionTotal" { return .provisionThreshold }
        if path.hasPrefix("attendance.") { return .attendanceRecord }
        if path.hasPrefix("views.parents") { return .parentViews }
        if path.hasPrefix("views.") { return .childViews }
        if path == "requester.role", oneOf == ["setting"] { return .settingMakesRequest }
        if path.hasPrefix("child.") { return .childDetails }
        return .other
    }
}
