/// The controlled code lists of the canonical schema (docs/design.md, The canonical schema).
public enum Vocabulary: String, Sendable, CaseIterable {
    case requesterRole, sex, settingType, ncYear, needType, evidenceType, professionalRole, consentBy
    /// Version 1.1 lists: DfE main ethnicity codes, looked-after legal status, social care plan.
    case ethnicity, lookedAfterStatus, socialCareStatus

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
                "educational-advice", "exclusion-record", "work-samples", "previous-decision", "other"
            ]
        case .professionalRole:
            [
                "educational-psychologist", "speech-and-language-therapist", "occupational-therapist", "physiotherapist",
                "paediatrician", "camhs", "specialist-teacher", "sensory-impairment-teacher", "social-worker",
                "school-nurse", "health-visitor", "gp", "youth-offending", "other"
            ]
        case .consentBy: ["parent", "young-person", "representative"]
        case .ethnicity:
            // The DfE main ethnicity codes of the school census and SEN2 (REFU refused, NOBT not obtained).
            [
                "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
                "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT"
            ]
        case .lookedAfterStatus:
            // Children Act 1989: accommodated under s20, an interim care order (s38), a care order (s31).
            ["section-20", "interim-care-order", "care-order", "other"]
        case .socialCareStatus:
            // The children in need census's plans: a child in need plan, a child protection plan.
            ["child-in-need", "child-protection-plan", "none"]
        }
    }

    /// True when `code` is in the list.
    public func contains(_ code: String) -> Bool {
        Self.codeSets[self]?.contains(code) ?? false
    }

    /// Every list's codes, built once: decoding checks a code for every coded field it reads.
    private static let codeSets: [Vocabulary: Set<String>] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, Set($0.codes)) })
}

extension Vocabulary {
    /// Words people write for a code, so a rule author who writes one is told the code to use.
    public var synonyms: [String: String] {
        switch self {
        case .requesterRole:
            [
                "school": "setting", "college": "setting", "academy": "setting", "senco": "setting",
                "carer": "parent", "guardian": "parent", "young person": "young-person", "student": "young-person"
            ]
        case .settingType:
            ["school": "mainstream", "college": "post-16", "ap": "alternative-provision"]
        case .lookedAfterStatus:
            [
                "s20": "section-20", "section 20": "section-20", "s31": "care-order", "section 31": "care-order",
                "s38": "interim-care-order", "section 38": "interim-care-order"
            ]
        case .socialCareStatus:
            ["cin": "child-in-need", "cp": "child-protection-plan", "cpp": "child-protection-plan"]
        default:
            [:]
        }
    }
}
