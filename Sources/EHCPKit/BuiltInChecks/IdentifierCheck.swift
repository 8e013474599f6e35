/// Built-in `ID-` checks: identifiers, codes and cross-references inside the application.
public enum IdentifierCheck {
    /// Every identifier problem in `application`. `knownAuthorities` are the valid LA codes.
    public static func findings(_ application: Application, knownAuthorities: Set<String>) -> [Finding] {
        var findings: [Finding] = []
        func check(_ path: String, rule: String, _ valid: (String) -> Bool, _ message: String) {
            for match in application.values(at: path) {
                guard let text = match.value.text, !valid(text) else { continue }
                findings.append(.builtIn(rule, "\(match.path) \(message)", path: match.path, at: match.value.location))
            }
        }
        check("child.upn", rule: "ID-UPN", Identifiers.isValidUPN, "is not a valid UPN (13 characters with a correct check letter)")
        check("child.uln", rule: "ID-ULN", Identifiers.isValidULN, "is not a valid ULN (10 digits with a correct check digit)")
        check("child.nhsNumber", rule: "ID-NHS-NUMBER", Identifiers.isValidNHSNumber, "is not a valid NHS number (10 digits with a correct check digit)")
        check("requester.urn", rule: "ID-URN", Identifiers.isValidURN, "is not a URN (6 digits)")
        check("setting.urn", rule: "ID-URN", Identifiers.isValidURN, "is not a URN (6 digits)")
        for path in ["authority", "child.homeAuthority", "child.responsibleAuthority"] {
            check(path, rule: "ID-LA-CODE", Identifiers.isWellFormedLACode, "is not a local authority code (3 digits)")
            check(path, rule: "ID-LA-CODE", { !Identifiers.isWellFormedLACode($0) || knownAuthorities.contains($0) },
                  "is not the code of a current English local authority")
        }
        check("requester.email", rule: "ID-EMAIL", isEmail, "is not an email address")
        check("parents.email", rule: "ID-EMAIL", isEmail, "is not an email address")
        check("evidence.sha256", rule: "ID-SHA256", { $0.count == 64 && $0.allSatisfy { $0.isHexDigit && !$0.isUppercase } }, "is not a SHA-256 digest (64 lower-case hex digits)")
        findings += evidenceReferences(application)
        return findings
    }

    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }

    /// Evidence ids are unique, and every reference to one names an item that exists.
    private static func evidenceReferences(_ application: Application) -> [Finding] {
        var findings: [Finding] = []
        var ids: Set<String> = []
        for match in application.values(at: "evidence.id") {
            guard let id = match.value.text else { continue }
            if !ids.insert(id).inserted {
                findings.append(.builtIn("ID-EVIDENCE-DUPLICATE", "\(match.path) repeats an evidence id used before", path: match.path, at: match.value.location))
            }
        }
        let references = ["graduatedApproach.evidence", "provision.progressEvidence", "professionals.report",
                          "views.child.evidence", "views.parents.evidence", "views.youngPerson.evidence"]
        for path in references {
            for match in application.values(at: path) {
                guard let id = match.value.text, !ids.contains(id) else { continue }
                findings.append(.builtIn("ID-EVIDENCE-REFERENCE", "\(match.path) names an evidence id that is not in the evidence list", path: match.path, at: match.value.location))
            }
        }
        return findings
    }
}
