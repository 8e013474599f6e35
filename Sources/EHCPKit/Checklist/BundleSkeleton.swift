/// The `application.yaml` of a new bundle: every field the canonical schema and the authority ask
/// for, left empty, with the authority's checklist as comments.
///
/// Empty fields are YAML nulls, which ehcp reports as missing, so the skeleton validates straight
/// away and its findings are the list of what to fill in.
public enum BundleSkeleton {
    /// The document for a request made by `requester` on `date`, with `checklist` as comments.
    /// Fields added in schema 1.1 are given when `formPaths` (the canonical paths the authority's
    /// own form asks for, from its published format) holds them.
    public static func application(_ checklist: Checklist, requester: String, date: CalendarDate, formPaths: Set<String> = []) -> String {
        let authority = checklist.authority
        /// The lines for the 1.1 fields under `prefix` that the authority's form asks for.
        func asked(_ prefix: String, _ lines: [(String, String)]) -> String {
            lines.filter { field, _ in
                formPaths.contains(prefix + field) || formPaths.contains { $0.hasPrefix(prefix + field + ".") }
            }.map(\.1).joined()
        }
        var out = checklist.notice.map { wrapped("NO LOCAL RULES. \($0)", prefix: "# ", indent: "# ") + "#\n" } ?? ""
        out += """
            # A request for an EHC needs assessment to \(authority.name) (\(authority.code)).
            # Made by `ehcp init`. Fill in the empty fields (leave out what does not apply), put each
            # document in evidence/ and list it under `evidence:` at the end, then run
            #   ehcp validate <this folder>
            # Its findings are what is still to do. ehcp reads files only; it sends nothing anywhere.
            #
            # What \(authority.name) asks for (from `ehcp checklist --authority \(authority.code) --requester \(requester)`):

            """
        for (section, items) in checklist.sections {
            out += "#\n# \(section.title)\n"
            for item in items {
                out += wrapped(
                    "[\(item.need), \(item.basis.label)\(item.within.map { ", within \($0)" } ?? "")] \(item.text) (\(item.rule))", prefix: "#   - ",
                    indent: "#     ")
            }
        }
        out += """

            schemaVersion: "1.1"
            reference:                  # your own reference for this request (optional)
            authority: "\(authority.code)"
            dateOfRequest: \(date)      # the date you send the request: recency is counted back from it
            form:                       # the authority's own form, if you used one
              name:
              version:
            requester:
              role: \(requester)
              name:
              organisation:
            \(requester == "setting" ? "  urn:                      # the setting's 6-digit URN\n" : "")  email:
              phone:
            \(asked("requester.", requesterLines))child:
              givenNames:
              familyName:
              dateOfBirth:              # YYYY-MM-DD
              sex:
              upn:                      # unique pupil number, if known
              uln:                      # unique learner number, from year 9 on, if known
              nhsNumber:                # if known
              firstLanguage:
              interpreterRequired:      # true | false
              postcode:
              homeAuthority:            # 3-digit code of the authority where the child lives, if not this one
              lookedAfter:              # true | false
              responsibleAuthority:     # when looked after: the 3-digit code of the responsible authority
              homeEducated:             # true | false
            \(asked("child.", childLines))parents:                    # everyone with parental responsibility
              - name:
                relationship:
                parentalResponsibility: true
                agreesWithRequest:      # true | false
            \(asked("parents.", parentLines))setting:
              name:
              urn:
              type:
              ncYear:                   # R, N1, N2, 1 to 14
              admitted:                 # YYYY-MM-DD
              senSupportSince:          # YYYY-MM-DD
            \(asked("setting.", settingLines))\(asked("", topLevelLines))needs:                      # each need, by its type; rank 1 is the primary need
              - type:
                rank: 1
                description:
            graduatedApproach: []       # each assess-plan-do-review cycle: { start, review, reviewed: true, planType, evidence: <evidence id> }
            provision: []               # each line of the provision map: { description, provider, hoursPerWeek, weeksPerYear, annualCost, outcome, progressEvidence, start, end }
            attainment: []              # progress over time: { area, measure, date, value, expected }
            # Progress: record each area at least twice, a term or more apart, the latest this year: the
            # area (reading, maths, communication), the measure with its units (reading age (months),
            # standardised score), the date, the value, and the value expected at the child's age then:
            #   - { area: reading, measure: reading age (months), date: YYYY-MM-DD, value: 62, expected: 114 }
            # Or add them from a CSV exported by the school's tracking system (columns area, measure,
            # date, value, expected): ehcp import-attainment tracking.csv --into <this folder>
            # Link each line of provision to the outcome it serves and the evidence of its progress;
            # name the area in the outcome ("Reads…" for reading) to see that area's change beside it,
            # and give its start (and end) to mark it on that area's chart:
            #   outcome: Reads a book matched to their phonics stage, progressEvidence: <evidence id>, start: YYYY-MM-DD
            professionals: []           # { role, name, organisation, lastInvolved, report: <evidence id> }
            attendance:
              from:                     # YYYY-MM-DD
              to:
              sessionsPossible:
              sessionsAttended:
            views:
              child:
                summary:                # in the child's own words, or how they were gathered
                evidence:               # id of an evidence item holding their views
              parents:
                summary:
                evidence:
            consent: []                 # { by, name, date, scope, form }
            evidence: []
            # Add one item per document in evidence/, for example:
            #   - id: consent             # a short id of your choice; other fields refer to it
            #     type: consent-form
            #     title: Signed consent form
            #     date: YYYY-MM-DD
            #     file: evidence/consent.pdf
            # Documents \(authority.name) asks for, by type:

            """
        var listed = Set<String>()
        for (_, items) in checklist.sections {
            for item in items {
                for type in item.evidenceTypes where listed.insert(type).inserted {
                    let code = type + String(repeating: " ", count: max(0, 32 - type.count))
                    out += "#   \(code)  \(Vocabulary.evidenceType.label(type) ?? type)\(item.within.map { ", dated within \($0)" } ?? "")\n"
                }
            }
        }
        return withVocabularies(out)
    }

    /// Schema 1.1 fields of `requester`, each with its line in the skeleton.
    static let requesterLines = [("position", "  position:                 # your job title, or your relationship to the child\n")]

    /// Schema 1.1 fields of `setting`.
    static let settingLines = [("ncYearTaught", "  ncYearTaught:             # the year group the child is taught in, if not their own\n")]

    /// Schema 1.1 fields at the top of the document.
    static let topLevelLines = [("previousSettings", "previousSettings: []        # schools and settings before this one: { name, urn, from, to }\n")]

    /// Schema 1.1 fields of `child`.
    static let childLines: [(String, String)] = [
        ("address", "  address:\n"), ("phone", "  phone:                    # the young person's own number\n"),
        ("ethnicity", "  ethnicity:                # the DfE main ethnicity code\n"),
        ("religion", "  religion:\n"), ("homeLanguage", "  homeLanguage:             # language(s) spoken at home\n"),
        ("serviceChild", "  serviceChild:             # true if a parent serves in the armed forces\n"),
        ("lookedAfterStatus", "  lookedAfterStatus:\n"),
        ("socialCareStatus", "  socialCareStatus:\n"),
        ("gp", "  gp:\n    name:\n    practice:\n    address:\n    phone:\n")
    ]

    /// Schema 1.1 fields of each parent, indented as the first item's.
    static let parentLines: [(String, String)] = [
        ("title", "    title:\n"), ("address", "    address:                # if different from the child's\n"),
        ("postcode", "    postcode:\n"), ("phone", "    phone:\n")
    ]

    /// `text` as comment lines of at most about 100 characters.
    static func wrapped(_ text: String, prefix: String, indent: String) -> String {
        var lines: [String] = []
        var line = prefix
        for word in text.split(separator: " ") {
            if line.count + word.count > 100, line != prefix, line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == prefix || line == indent ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
