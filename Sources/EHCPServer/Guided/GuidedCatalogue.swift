/// The words of every field the guided form may ask, grouped as its pages show them. Which of them
/// a request is asked is chosen by ``GuidedForm`` from the authority's rules and published form.
enum GuidedCatalogue {
    private static let settingSide: Set<String> = ["setting", "other", "youth-custody"]
    private static let evidenceHint = "Choose the kind of document; attach it on the evidence page."

    static let about: [GuidedGroup] = [
        GuidedGroup(
            path: "", legend: "The request",
            entries: [
                GuidedEntry(name: "dateOfRequest", label: "Date of the request", hint: "The date you will send it. For example, 12 10 2026"),
                GuidedEntry(name: "reference", label: "Your reference (optional)", hint: "A reference of your own; do not use the child's name")
            ]),
        GuidedGroup(
            path: "requester", legend: "About you",
            entries: [
                GuidedEntry(name: "name", label: "Your full name"),
                GuidedEntry(name: "position", label: "Your job title, or your relationship to the child", since11: true),
                GuidedEntry(name: "organisation", label: "School, college or organisation", roles: settingSide),
                GuidedEntry(name: "urn", label: "The setting's URN", hint: "Its 6-digit unique reference number", roles: ["setting"]),
                GuidedEntry(name: "email", label: "Email address"),
                GuidedEntry(name: "phone", label: "Telephone number")
            ]),
        GuidedGroup(
            path: "child", legend: "The child or young person",
            entries: [
                GuidedEntry(name: "givenNames", label: "Given names"),
                GuidedEntry(name: "familyName", label: "Family name"),
                GuidedEntry(name: "dateOfBirth", label: "Date of birth", hint: "For example, 30 1 2017"),
                GuidedEntry(name: "sex", label: "Sex"),
                GuidedEntry(name: "upn", label: "Unique pupil number (UPN), if known", hint: "13 characters, for example A123456789012"),
                GuidedEntry(name: "uln", label: "Unique learner number (ULN), if known", hint: "10 digits, from year 9 on"),
                GuidedEntry(name: "nhsNumber", label: "NHS number, if known", hint: "10 digits"),
                GuidedEntry(name: "firstLanguage", label: "First language"),
                GuidedEntry(name: "interpreterRequired", label: "Is an interpreter needed?"),
                GuidedEntry(name: "address", label: "Home address", since11: true, long: true),
                GuidedEntry(name: "postcode", label: "Home postcode"),
                GuidedEntry(name: "phone", label: "The young person's own telephone number", since11: true),
                GuidedEntry(name: "homeAuthority", label: "Home authority's 3-digit code, if it is not this authority"),
                GuidedEntry(name: "ethnicity", label: "Ethnicity", since11: true),
                GuidedEntry(name: "religion", label: "Religion", since11: true),
                GuidedEntry(name: "homeLanguage", label: "Language or languages spoken at home", since11: true),
                GuidedEntry(name: "serviceChild", label: "Does a parent serve in the armed forces?", since11: true),
                GuidedEntry(name: "lookedAfter", label: "Is the child looked after by a local authority?"),
                GuidedEntry(name: "lookedAfterStatus", label: "If looked after: on what basis", since11: true),
                GuidedEntry(name: "responsibleAuthority", label: "If looked after: the responsible authority's 3-digit code"),
                GuidedEntry(name: "socialCareStatus", label: "Social care plan", since11: true),
                GuidedEntry(name: "homeEducated", label: "Is the child educated at home?")
            ]),
        GuidedGroup(
            path: "child.gp", legend: "The child's GP", since11: true,
            entries: [
                GuidedEntry(name: "name", label: "GP's name"), GuidedEntry(name: "practice", label: "Practice"),
                GuidedEntry(name: "address", label: "Practice address", long: true), GuidedEntry(name: "phone", label: "Practice telephone number")
            ]),
        GuidedGroup(
            path: "parents", legend: "Parents and carers", hint: "Everyone with parental responsibility.", item: "parent or carer",
            entries: [
                GuidedEntry(name: "title", label: "Title", since11: true),
                GuidedEntry(name: "name", label: "Full name"),
                GuidedEntry(name: "relationship", label: "Relationship to the child", hint: "For example, mother, father, foster carer"),
                GuidedEntry(name: "parentalResponsibility", label: "Do they have parental responsibility?"),
                GuidedEntry(name: "agreesWithRequest", label: "Do they agree with the request?"),
                GuidedEntry(name: "email", label: "Email address"),
                GuidedEntry(name: "phone", label: "Telephone number", since11: true),
                GuidedEntry(name: "address", label: "Address, if not the child's", since11: true, long: true),
                GuidedEntry(name: "postcode", label: "Postcode", since11: true)
            ])
    ]

    static let support: [GuidedGroup] = [
        GuidedGroup(
            path: "setting", legend: "The school or setting the child attends",
            entries: [
                GuidedEntry(name: "name", label: "Name of the school or setting"),
                GuidedEntry(name: "urn", label: "Its URN", hint: "Its 6-digit unique reference number"),
                GuidedEntry(name: "type", label: "Kind of school or setting"),
                GuidedEntry(name: "ncYear", label: "National curriculum year"),
                GuidedEntry(name: "ncYearTaught", label: "The year group the child is taught in, if not their own", since11: true),
                GuidedEntry(name: "admitted", label: "Date the child started there"),
                GuidedEntry(name: "senSupportSince", label: "Date SEN support began")
            ]),
        GuidedGroup(
            path: "previousSettings", legend: "Schools and settings before this one", item: "earlier setting", since11: true,
            entries: [
                GuidedEntry(name: "name", label: "Name"), GuidedEntry(name: "urn", label: "URN"),
                GuidedEntry(name: "from", label: "From"), GuidedEntry(name: "to", label: "To")
            ]),
        GuidedGroup(
            path: "needs", legend: "The child's needs", hint: "Rank them: the need ranked 1 is the primary need.", item: "need",
            entries: [
                GuidedEntry(name: "type", label: "Type of need"),
                GuidedEntry(name: "rank", label: "Rank", hint: "1 for the primary need, 2 for the next"),
                GuidedEntry(name: "description", label: "What this need means for the child", long: true)
            ]),
        GuidedGroup(
            path: "graduatedApproach", legend: "Cycles of assess, plan, do, review",
            hint: "Each cycle of SEN support: when it started, when it was reviewed.", item: "cycle", blanks: 2,
            entries: [
                GuidedEntry(name: "start", label: "Start date"), GuidedEntry(name: "review", label: "Review date"),
                GuidedEntry(name: "reviewed", label: "Has this cycle been reviewed?"),
                GuidedEntry(name: "planType", label: "Kind of plan", hint: "For example, SEN support plan, individual education plan"),
                GuidedEntry(name: "evidence", label: "The document that records it", hint: evidenceHint)
            ]),
        GuidedGroup(
            path: "provision", legend: "Provision: the support in place", item: "line of provision",
            entries: [
                GuidedEntry(name: "description", label: "What the support is", long: true),
                GuidedEntry(name: "provider", label: "Who provides it"),
                GuidedEntry(name: "hoursPerWeek", label: "Hours a week"), GuidedEntry(name: "weeksPerYear", label: "Weeks a year"),
                GuidedEntry(name: "annualCost", label: "Cost a year, in pounds"),
                GuidedEntry(name: "outcome", label: "The outcome it works towards", long: true),
                GuidedEntry(name: "progressEvidence", label: "The document that shows its progress", hint: evidenceHint)
            ])
    ]

    static let progress: [GuidedGroup] = [
        GuidedGroup(
            path: "attainment", legend: "Attainment over time",
            hint: "Record each area at least twice, a term or more apart, the latest this year.", item: "attainment record", blanks: 2,
            entries: [
                GuidedEntry(name: "area", label: "Area", hint: "For example, reading, maths, communication"),
                GuidedEntry(name: "measure", label: "Measure, with its unit", hint: "For example, reading age (months), standardised score"),
                GuidedEntry(name: "date", label: "Date assessed"),
                GuidedEntry(name: "value", label: "The child's value"),
                GuidedEntry(name: "expected", label: "The value expected at the child's age then")
            ]),
        GuidedGroup(
            path: "attendance", legend: "Attendance", hint: "From the register: sessions are half days.",
            entries: [
                GuidedEntry(name: "from", label: "From"), GuidedEntry(name: "to", label: "To"),
                GuidedEntry(name: "sessionsPossible", label: "Sessions possible"), GuidedEntry(name: "sessionsAttended", label: "Sessions attended")
            ])
    ]

    static let professionals: [GuidedGroup] = [
        GuidedGroup(
            path: "professionals", legend: "Professionals involved", item: "professional",
            entries: [
                GuidedEntry(name: "role", label: "Role"), GuidedEntry(name: "name", label: "Name"),
                GuidedEntry(name: "organisation", label: "Service or organisation"),
                GuidedEntry(name: "lastInvolved", label: "Last involved on"),
                GuidedEntry(name: "report", label: "Their report", hint: evidenceHint)
            ])
    ]

    static let views: [GuidedGroup] = [
        GuidedGroup(
            path: "views.child", legend: "The child's views", roles: ["parent", "setting", "other", "youth-custody"],
            entries: [
                GuidedEntry(name: "summary", label: "In the child's own words, or how they were gathered", long: true),
                GuidedEntry(name: "evidence", label: "A document holding their views", hint: evidenceHint)
            ]),
        GuidedGroup(
            path: "views.parents", legend: "The parents' or carers' views", roles: ["parent", "setting", "other", "youth-custody"],
            entries: [
                GuidedEntry(name: "summary", label: "What the parents or carers say", long: true),
                GuidedEntry(name: "evidence", label: "A document holding their views", hint: evidenceHint)
            ]),
        GuidedGroup(
            path: "views.youngPerson", legend: "The young person's views", roles: ["young-person"],
            entries: [
                GuidedEntry(name: "summary", label: "In your own words", long: true),
                GuidedEntry(name: "evidence", label: "A document holding your views", hint: evidenceHint)
            ])
    ]

    static let consent: [GuidedGroup] = [
        GuidedGroup(
            path: "consent", legend: "Consent given", hint: "Who agreed to the request and to information being shared.", item: "consent",
            entries: [
                GuidedEntry(name: "by", label: "Given by"), GuidedEntry(name: "name", label: "Name of the person who gave it"),
                GuidedEntry(name: "date", label: "Date given"),
                GuidedEntry(name: "scope", label: "What it covers", hint: "For example, assessment, sharing information"),
                GuidedEntry(name: "form", label: "The form it was given on", hint: "For example, SEND DP1")
            ])
    ]

    /// The evidence item's fields asked on the last page (the file is attached beside them).
    static let evidence = GuidedGroup(
        path: "evidence", legend: "Evidence files", item: "document", blanks: 3,
        entries: [
            GuidedEntry(name: "type", label: "What the document is"),
            GuidedEntry(name: "title", label: "Its title", hint: "Do not use the child's name"),
            GuidedEntry(name: "date", label: "Its date")
        ])
}
