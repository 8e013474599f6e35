/// The controlled code lists of the canonical schema (DESIGN section 3).
public enum Vocabulary: String, Sendable, CaseIterable {
    case requesterRole, sex, settingType, ncYear, needType, evidenceType, professionalRole, consentBy

    /// Every allowed code, in the order the contract lists them.
    public var codes: [String] {
        switch self {
        case .requesterRole: ["parent", "young-person", "setting", "youth-custody", "other"]
        case .sex: ["M", "F", "U"]
        case .settingType:
            ["mainstream", "special", "alternative-provision", "nursery-school", "early-years", "early-years-pvi", "post-16", "independent", "none"]
        case .ncYear: ["N1", "N2", "R"] + (1...14).map(String.init)
        case .needType: ["SPLD", "MLD", "SLD", "PMLD", "SEMH", "SLCN", "HI", "VI", "MSI", "PD", "ASD", "DS", "OTH", "NSA"]
        case .evidenceType:
            [
                "sen-support-plan", "apdr-review", "provision-map", "costed-provision-map", "attainment-data",
                "attendance-record", "educational-psychologist-report", "speech-and-language-report",
                "occupational-therapy-report", "physiotherapy-report", "paediatric-report", "camhs-report",
                "specialist-teacher-report", "sensory-impairment-report", "social-care-report", "medical-letter",
                "need-descriptor", "child-views", "parent-views", "young-person-views", "consent-form",
                "educational-advice", "exclusion-record", "work-samples", "previous-decision", "other",
            ]
        case .professionalRole:
            [
                "educational-psychologist", "speech-and-language-therapist", "occupational-therapist", "physiotherapist",
                "paediatrician", "camhs", "specialist-teacher", "sensory-impairment-teacher", "social-worker",
                "school-nurse", "health-visitor", "gp", "youth-offending", "other",
            ]
        case .consentBy: ["parent", "young-person", "representative"]
        }
    }

    /// True when `code` is in the list.
    public func contains(_ code: String) -> Bool {
        codes.contains(code)
    }
}
