/// Plain labels for the codes of each vocabulary, for people who have not learnt the codes: the
/// checklist names evidence by them, `init` writes them beside the fields that take codes, and
/// the report's list of what is enclosed shows each item's type by them.
extension Vocabulary {
    /// The plain label of `code`, or nil when the code is its own label (a year group, a sex letter
    /// spelt out by `labels`) or is not in the list.
    public func label(_ code: String) -> String? {
        labels[code]
    }

    /// Every code with its label, in the order the contract lists them; a code without a label is
    /// shown alone.
    public var labelled: [(code: String, label: String?)] {
        codes.map { ($0, labels[$0]) }
    }

    /// Each vocabulary's labels, built once rather than at every look-up.
    private static let labelTables = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.labelTable) })

    private var labels: [String: String] {
        Self.labelTables[self] ?? [:]
    }

    private var labelTable: [String: String] {
        switch self {
        case .requesterRole:
            [
                "parent": "a parent or carer", "young-person": "the young person (over compulsory school age)",
                "setting": "a school, nursery or college", "youth-custody": "a youth custody establishment",
                "other": "anyone else (for example a health or social care professional)"
            ]
        case .sex: ["M": "male", "F": "female", "U": "not known or not given"]
        case .settingType:
            [
                "mainstream": "a mainstream school", "special": "a special school", "alternative-provision": "alternative provision (for example a PRU)",
                "nursery-school": "a maintained nursery school", "early-years": "an early years setting",
                "early-years-pvi": "a private, voluntary or independent early years setting", "post-16": "a college or sixth form (post-16)",
                "independent": "an independent school", "none": "no setting (for example home educated)"
            ]
        case .ncYear: ["N1": "nursery, first year", "N2": "nursery, second year", "R": "reception"]
        case .needType:
            [
                "SPLD": "specific learning difficulty", "MLD": "moderate learning difficulty", "SLD": "severe learning difficulty",
                "PMLD": "profound and multiple learning difficulty", "SEMH": "social, emotional and mental health",
                "SLCN": "speech, language and communication needs", "HI": "hearing impairment", "VI": "vision impairment",
                "MSI": "multi-sensory impairment", "PD": "physical disability", "ASD": "autistic spectrum disorder",
                "DS": "Down syndrome", "OTH": "other difficulty or disability", "NSA": "SEN support but no specialist assessment of type of need"
            ]
        case .evidenceType:
            [
                "sen-support-plan": "an SEN support plan", "apdr-review": "an assess-plan-do-review record",
                "provision-map": "a provision map", "costed-provision-map": "a costed provision map",
                "attainment-data": "a record of attainment", "attendance-record": "an attendance record",
                "educational-psychologist-report": "an Educational Psychology report", "speech-and-language-report": "a speech and language therapy report",
                "occupational-therapy-report": "an occupational therapy report", "physiotherapy-report": "a physiotherapy report",
                "paediatric-report": "a paediatric report", "camhs-report": "a CAMHS report", "specialist-teacher-report": "a specialist teacher report",
                "sensory-impairment-report": "a sensory impairment (hearing or vision) report", "social-care-report": "a social care report",
                "medical-letter": "a letter from a doctor", "need-descriptor": "an INDES or other needs descriptor",
                "child-views": "a record of the child's views", "parent-views": "a record of the parents' views",
                "young-person-views": "a record of the young person's views", "consent-form": "a signed consent form",
                "educational-advice": "educational advice", "exclusion-record": "a record of exclusions",
                "work-samples": "samples of the child's work", "previous-decision": "a letter with an earlier decision on an assessment",
                "other": "any other document"
            ]
        case .professionalRole:
            [
                "educational-psychologist": "an educational psychologist", "speech-and-language-therapist": "a speech and language therapist",
                "occupational-therapist": "an occupational therapist", "physiotherapist": "a physiotherapist", "paediatrician": "a paediatrician",
                "camhs": "child and adolescent mental health services (CAMHS)", "specialist-teacher": "a specialist teacher",
                "sensory-impairment-teacher": "a teacher of the deaf or of the visually impaired", "social-worker": "a social worker",
                "school-nurse": "a school nurse", "health-visitor": "a health visitor", "gp": "a GP", "youth-offending": "a youth offending team",
                "other": "another professional"
            ]
        case .consentBy: ["parent": "a parent", "young-person": "the young person", "representative": "someone acting for them"]
        case .ethnicity:
            [
                "WBRI": "White British", "WIRI": "White Irish", "WIRT": "Traveller of Irish heritage", "WOTH": "any other White background",
                "WROM": "Gypsy or Roma", "MWBC": "White and Black Caribbean", "MWBA": "White and Black African", "MWAS": "White and Asian",
                "MOTH": "any other mixed background", "AIND": "Indian", "APKN": "Pakistani", "ABAN": "Bangladeshi",
                "AOTH": "any other Asian background", "BCRB": "Black Caribbean", "BAFR": "Black African", "BOTH": "any other Black background",
                "CHNE": "Chinese", "OOTH": "any other ethnic group", "REFU": "refused", "NOBT": "information not yet obtained"
            ]
        case .lookedAfterStatus:
            [
                "section-20": "accommodated with the parents' agreement (Children Act 1989 s20)", "interim-care-order": "an interim care order (s38)",
                "care-order": "a care order (s31)", "other": "another legal status"
            ]
        case .socialCareStatus:
            ["child-in-need": "a child in need plan", "child-protection-plan": "a child protection plan", "none": "no social care plan"]
        }
    }
}
