import EHCPKit

/// Plain words for the codes of each vocabulary, shown in the guided form's choice lists: a SENCO
/// or parent chooses "Autistic spectrum disorder", the document records `ASD`.
enum CodeLabels {
    /// The label of `code` in `vocabulary`, or the code itself when the list has none for it.
    static func label(_ code: String, in vocabulary: Vocabulary) -> String {
        table(vocabulary)[code] ?? code
    }

    private static func table(_ vocabulary: Vocabulary) -> [String: String] {
        switch vocabulary {
        case .requesterRole:
            ["parent": "A parent or carer", "young-person": "The young person (16 to 25)", "setting": "The school, college or setting",
             "youth-custody": "A youth custody establishment", "other": "Someone else (for example a doctor or health visitor)"]
        case .sex: ["M": "Male", "F": "Female", "U": "Not known or not given"]
        case .settingType:
            ["mainstream": "Mainstream school or academy", "special": "Special school", "alternative-provision": "Alternative provision or pupil referral unit",
             "nursery-school": "Maintained nursery school", "early-years": "Early years provider", "early-years-pvi": "Private, voluntary or independent nursery or childminder",
             "post-16": "College or other post-16 institution", "independent": "Independent school", "none": "Not in a school or setting"]
        case .ncYear:
            ["N1": "Nursery, first year (N1)", "N2": "Nursery, second year (N2)", "R": "Reception"]
                .merging((1...14).map { ("\($0)", "Year \($0)") }) { first, _ in first }
        case .needType:
            ["SPLD": "Specific learning difficulty (such as dyslexia)", "MLD": "Moderate learning difficulty", "SLD": "Severe learning difficulty",
             "PMLD": "Profound and multiple learning difficulty", "SEMH": "Social, emotional and mental health", "SLCN": "Speech, language and communication needs",
             "HI": "Hearing impairment", "VI": "Visual impairment", "MSI": "Multi-sensory impairment", "PD": "Physical disability",
             "ASD": "Autistic spectrum disorder", "DS": "Down syndrome", "OTH": "Other difficulty or disability", "NSA": "SEN support but no specialist assessment of type of need"]
        case .evidenceType:
            ["sen-support-plan": "SEN support plan", "apdr-review": "Assess, plan, do, review notes", "provision-map": "Provision map",
             "costed-provision-map": "Costed provision map", "attainment-data": "Attainment data", "attendance-record": "Attendance record",
             "educational-psychologist-report": "Educational psychologist's report", "speech-and-language-report": "Speech and language therapy report",
             "occupational-therapy-report": "Occupational therapy report", "physiotherapy-report": "Physiotherapy report", "paediatric-report": "Paediatrician's report",
             "camhs-report": "CAMHS report", "specialist-teacher-report": "Specialist teacher's report", "sensory-impairment-report": "Sensory impairment report",
             "social-care-report": "Social care report", "medical-letter": "Medical letter", "need-descriptor": "Needs descriptor profile (such as INDES)",
             "child-views": "The child's views", "parent-views": "The parents' or carers' views", "young-person-views": "The young person's views",
             "consent-form": "Signed consent form", "educational-advice": "Educational advice", "exclusion-record": "Exclusion record",
             "work-samples": "Samples of work", "previous-decision": "An earlier decision letter from the authority", "other": "Another document"]
        case .professionalRole:
            ["educational-psychologist": "Educational psychologist", "speech-and-language-therapist": "Speech and language therapist",
             "occupational-therapist": "Occupational therapist", "physiotherapist": "Physiotherapist", "paediatrician": "Paediatrician",
             "camhs": "Child and adolescent mental health services (CAMHS)", "specialist-teacher": "Specialist teacher",
             "sensory-impairment-teacher": "Teacher of the deaf or of the visually impaired", "social-worker": "Social worker",
             "school-nurse": "School nurse", "health-visitor": "Health visitor", "gp": "GP", "youth-offending": "Youth justice worker", "other": "Another professional"]
        case .consentBy: ["parent": "A parent or carer", "young-person": "The young person", "representative": "Someone acting for the young person"]
        case .ethnicity:
            ["WBRI": "White British", "WIRI": "White Irish", "WIRT": "Traveller of Irish heritage", "WOTH": "Any other White background",
             "WROM": "Gypsy or Roma", "MWBC": "White and Black Caribbean", "MWBA": "White and Black African", "MWAS": "White and Asian",
             "MOTH": "Any other mixed background", "AIND": "Indian", "APKN": "Pakistani", "ABAN": "Bangladeshi", "AOTH": "Any other Asian background",
             "BCRB": "Black Caribbean", "BAFR": "Black African", "BOTH": "Any other Black background", "CHNE": "Chinese",
             "OOTH": "Any other ethnic group", "REFU": "Refused", "NOBT": "Not yet obtained"]
        case .lookedAfterStatus:
            ["section-20": "Accommodated by agreement (section 20)", "interim-care-order": "Interim care order", "care-order": "Care order", "other": "Other"]
        case .socialCareStatus:
            ["child-in-need": "Child in need plan", "child-protection-plan": "Child protection plan", "none": "Neither"]
        }
    }
}
