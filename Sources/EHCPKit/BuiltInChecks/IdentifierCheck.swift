/// Built-in `ID-` checks: identifiers, codes and cross-references inside the application.
public enum IdentifierCheck {
    /// Every identifier problem in `application`. `knownAuthorities` are the valid LA codes.
    public static func findings(_ application: Application, knownAuthorities: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        func check(_ path: FieldPath, rule: String, _ valid: (String) -> Bool, _ message: String) {
            application.visitValues(at: path) { value, written in
                guard let text = value.text, !valid(text) else { return true }
                let path = written()
                findings.append(.builtIn(rule, "\(path) \(message)", path: path, at: value.location))
                return true
            }
        }
        check(Paths.upn, rule: "ID-UPN", Identifiers.isValidUPN, "is not a valid UPN (13 characters with a correct check letter)")
        check(Paths.uln, rule: "ID-ULN", Identifiers.isValidULN, "is not a valid ULN (10 digits with a correct check digit)")
        check(Paths.nhsNumber, rule: "ID-NHS-NUMBER", Identifiers.isValidNHSNumber, "is not a valid NHS number (10 digits with a correct check digit)")
        check(Paths.requesterURN, rule: "ID-URN", Identifiers.isValidURN, "is not a URN (6 digits)")
        check(Paths.settingURN, rule: "ID-URN", Identifiers.isValidURN, "is not a URN (6 digits)")
        for path in Paths.authorityCodes {
            check(path, rule: "ID-LA-CODE", Identifiers.isWellFormedLACode, "is not a local authority code (3 digits)")
            check(
                path, rule: "ID-LA-CODE", { !Identifiers.isWellFormedLACode($0) || knownAuthorities.contains($0) },
                "is not the code of a current English local authority")
        }
        check(Paths.requesterEmail, rule: "ID-EMAIL", Identifiers.isEmail, "is not an email address")
        check(Paths.parentsEmail, rule: "ID-EMAIL", Identifiers.isEmail, "is not an email address")
        check(Paths.sha256, rule: "ID-SHA256", Identifiers.isSHA256, "is not a SHA-256 digest (64 lower-case hex digits)")
        findings += evidenceReferences(application)
        return findings
    }

    /// The paths the checks read, split once.
    private enum Paths {
        static let upn = FieldPath("child.upn")
        static let uln = FieldPath("child.uln")
        static let nhsNumber = FieldPath("child.nhsNumber")
        static let requesterURN = FieldPath("requester.urn")
        static let settingURN = FieldPath("setting.urn")
        static let authorityCodes = ["authority", "child.homeAuthority", "child.responsibleAuthority"].map(FieldPath.init)
        static let requesterEmail = FieldPath("requester.email")
        static let parentsEmail = FieldPath("parents.email")
        static let sha256 = FieldPath("evidence.sha256")
        static let evidenceIDs = FieldPath("evidence.id")
        static let references = [
            "graduatedApproach.evidence", "provision.progressEvidence", "professionals.report",
            "views.child.evidence", "views.parents.evidence", "views.youngPerson.evidence"
        ].map(FieldPath.init)
    }

    /// Evidence ids are unique, and every reference to one names an item that exists.
    private static func evidenceReferences(_ application: Application) -> [Finding] {
        var findings: [Finding] = []
        var ids: Set<String> = []
        application.visitValues(at: Paths.evidenceIDs) { value, written in
            guard let id = value.text, !ids.insert(id).inserted else { return true }
            let path = written()
            findings.append(.builtIn("ID-EVIDENCE-DUPLICATE", "\(path) repeats an evidence id used before", path: path, at: value.location))
            return true
        }
        for reference in Paths.references {
            application.visitValues(at: reference) { value, written in
                guard let id = value.text, !ids.contains(id) else { return true }
                let path = written()
                findings.append(
                    .builtIn("ID-EVIDENCE-REFERENCE", "\(path) names an evidence id that is not in the evidence list", path: path, at: value.location))
                return true
            }
        }
        return findings
    }
}
