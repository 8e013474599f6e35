/// A fictional request from a primary school to Norfolk, section by section as a SENCO fills in the
/// guided form (dates as `day/month/year` under a `#date` name): the example bundle
/// `926-norfolk/examples/passes`, typed in rather than uploaded.
enum GuidedWalkThrough {
    static let about = [
        "dateOfRequest#date": "12/10/2026",
        "requester.name": "Joanna Fairweather", "requester.organisation": "Wensum Meadow Primary School", "requester.urn": "920415",
        "requester.email": "senco@wensummeadow.example.org", "requester.phone": "01632 960245",
        "child.givenNames": "Isla Mae", "child.familyName": "Thornbury", "child.dateOfBirth#date": "30/1/2017", "child.sex": "F",
        "child.firstLanguage": "English", "child.interpreterRequired": "false", "child.postcode": "NR2 4PD",
        "child.lookedAfter": "false", "child.homeEducated": "false",
        "parents.0.name": "Ben Thornbury", "parents.0.relationship": "father", "parents.0.parentalResponsibility": "true",
        "parents.0.agreesWithRequest": "true", "parents.0.email": "ben.thornbury@example.com",
    ]

    static let support = [
        "setting.name": "Wensum Meadow Primary School", "setting.urn": "920415", "setting.type": "mainstream", "setting.ncYear": "5",
        "setting.admitted#date": "6/9/2021", "setting.senSupportSince#date": "13/11/2023",
        "needs.rows": "2",
        "needs.0.type": "ASD", "needs.0.rank": "1", "needs.0.description": "Finds change, noise and unstructured times very hard",
        "needs.1.type": "SLCN", "needs.1.rank": "2", "needs.1.description": "Understands short instructions only",
        "graduatedApproach.0.start#date": "5/1/2026", "graduatedApproach.0.review#date": "27/3/2026", "graduatedApproach.0.reviewed": "true",
        "graduatedApproach.0.planType": "SEN support plan", "graduatedApproach.0.evidence": "apdr-review",
        "graduatedApproach.1.start#date": "20/4/2026", "graduatedApproach.1.review#date": "17/7/2026", "graduatedApproach.1.reviewed": "true",
        "graduatedApproach.1.planType": "SEN support plan", "graduatedApproach.1.evidence": "sen-support-plan",
        "provision.0.description": "Teaching assistant support in lessons and at transitions", "provision.0.provider": "Teaching assistant",
        "provision.0.hoursPerWeek": "12", "provision.0.weeksPerYear": "38", "provision.0.annualCost": "£7,068",
        "provision.0.outcome": "Moves between activities with a visual timetable", "provision.0.progressEvidence": "sen-support-plan",
    ]

    static let progress = [
        "attainment.0.area": "reading", "attainment.0.measure": "reading age (months)", "attainment.0.date#date": "15/10/2025",
        "attainment.0.value": "74", "attainment.0.expected": "103",
        "attainment.1.area": "reading", "attainment.1.measure": "reading age (months)", "attainment.1.date#date": "15/7/2026",
        "attainment.1.value": "79", "attainment.1.expected": "112",
        "attendance.from#date": "1/10/2024", "attendance.to#date": "9/10/2026",
        "attendance.sessionsPossible": "742", "attendance.sessionsAttended": "688",
    ]

    static let professionals = [
        "professionals.0.role": "educational-psychologist", "professionals.0.name": "Dr Hannah Oduya",
        "professionals.0.organisation": "Educational Psychology Service", "professionals.0.lastInvolved#date": "10/6/2026",
        "professionals.0.report": "educational-psychologist-report",
    ]

    static let views = [
        "views.child.summary": "Likes horses, drawing and the quiet room. Loud dinner times: scary.",
        "views.parents.summary": "Wants the same adult each day and help with changes.",
    ]

    static let consent = [
        "consent.0.by": "parent", "consent.0.name": "Ben Thornbury", "consent.0.date#date": "5/10/2026",
        "consent.0.scope": "assessment", "consent.0.form": "SEND DP1",
    ]

    /// The documents, attached three at a time as the page offers.
    static let evidence: [[(type: String, title: String, date: (Int, Int, Int))]] = [
        [("sen-support-plan", "SEN support plan", (17, 7, 2026)), ("apdr-review", "Cycle 1 review notes", (27, 3, 2026)),
         ("costed-provision-map", "Costed provision map", (31, 7, 2026))],
        [("need-descriptor", "INDES profile", (21, 9, 2026)), ("educational-psychologist-report", "Educational psychology advice", (10, 6, 2026)),
         ("child-views", "All about me", (21, 9, 2026))],
        [("parent-views", "Family Conversation Form", (28, 9, 2026)), ("consent-form", "SEND DP1", (5, 10, 2026))],
    ]
}
