/// The checklist's own words: what to gather, said from the check itself ("an INDES or other
/// needs descriptor (type: need-descriptor) completed in the last 12 months"), and when it applies,
/// in plain English ("the parents' views are not written in the form"). A rule's message says what
/// is wrong with a request; a checklist is read before there is one.
enum ChecklistWording {
    /// What to gather or fill in for `check`, or nil when only the rule's message can say it (XPath).
    static func item(_ check: RuleCheck) -> String? {
        switch check {
        case .evidence(let check):
            let types = check.types
            let min = check.min
            let max = check.max
            let within = check.within
            let authorRole = check.authorRole
            let values = check.where
            let amount = min > 1 ? "at least \(min) of " : max == 0 ? "no " : min == 0 ? "no more than \(max ?? 0) of " : ""
            var text = amount + documents(types, article: min == 1 && max != 0)
            if let authorRole { text += ", written by \(Vocabulary.professionalRole.label(authorRole) ?? article(role(authorRole)))" }
            if let within { text += ", dated within the last \(within)" }
            return capitalised(text + matching(values, in: "evidence"))
        case .recency(let check):
            let types = check.types
            let within = check.within
            let values = check.where
            return capitalised(
                "every " + types.map { bare(document($0)) }.joined(separator: " or ") + matching(values, in: "evidence")
                    + " dated within the last \(within)")
        case .field(let check):
            let path = check.path
            let required = check.required
            let min = check.min
            let max = check.max
            let oneOf = check.oneOf
            let before = check.before
            let after = check.after
            var parts: [String] = []
            if let min { parts.append("at least \(min)") }
            if let max { parts.append("at most \(max)") }
            if let oneOf { parts.append(either(oneOf.map { code(path, $0) })) }
            if !before.isEmpty { parts.append("on or before \(dates(before))") }
            if !after.isEmpty { parts.append("on or after \(dates(after))") }
            guard !parts.isEmpty else { return capitalised(required ? label(path) : "\(label(path)), as the authority asks") }
            return capitalised("\(label(path)) \(plural(path) ? "are" : "is") " + parts.joined(separator: " and "))
        case .count(let check):
            let path = check.path
            let values = check.where
            let min = check.min
            let max = check.max
            let name = PlainPath.itemName(path)
            if let min, max == nil {
                return capitalised((min == 1 ? article(name) : "at least \(min) \(name)s") + " recorded in the form" + matching(values, in: path))
            }
            let bounds = [min.map { "at least \($0)" }, max.map { "at most \($0)" }].compactMap { $0 }.joined(separator: " and ")
            return capitalised("\(bounds) \(name)s recorded in the form" + matching(values, in: path))
        case .duration(let check):
            let path = check.path
            let min = check.min
            return capitalised("\(PlainPath.itemName(path))s covering at least \(min) from the first to the last")
        case .xpath:
            return nil
        case .progress(.series(let area, let min, let span, let within)):
            var text =
                "\(area.map { "the \($0) area" } ?? "each area of attainment") recorded at least \(min) times, each with its measure and units, date, value and the value expected at the child's age then"
            if let span { text += ", over at least \(span)" }
            if let within { text += ", the latest in the last \(within)" }
            return capitalised(text)
        case .progress(.progress(let area, _, _)):
            return capitalised(
                "the value expected at the child's age beside each attainment point\(area.map { " in the \($0) area" } ?? ""), so the rate of progress can be set against it"
            )
        case .progress(.linkage(let outcome, let progressEvidence)):
            let parts = [outcome ? "the outcome it serves, naming its area of attainment" : nil, progressEvidence ? "the evidence showing its progress" : nil]
            return capitalised("for each line of provision: " + parts.compactMap { $0 }.joined(separator: " and "))
        }
    }

    /// A code of the field at `path` in words, when its vocabulary labels it ("a school, nursery or college").
    private static func code(_ path: String, _ value: String) -> String {
        if case .code(let vocabulary)? = CanonicalSchema.field(at: path)?.type, let label = vocabulary.label(value) { return label }
        return value
    }

    /// Date bounds in words: "the date of request less 2 years or the date the child was admitted".
    private static func dates(_ bounds: [DateBound]) -> String {
        RuleEvaluator.anyOf(bounds).replacing(#/[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*/#) { match in
            let path = String(match.output.0)
            return path == "dateOfRequest" ? "the date of the request" : CanonicalSchema.field(at: path) == nil ? path : label(path)
        }.replacingOccurrences(of: " - ", with: " less ").replacingOccurrences(of: " + ", with: " plus ")
    }

    /// "a, b or c".
    private static func either(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    /// When a rule applies, in plain English: its conditions joined with "and", then its exceptions.
    static func conditions(when: [Condition], unless: [Condition]) -> String? {
        var text = when.map(condition).joined(separator: " and ")
        if !unless.isEmpty {
            text += (text.isEmpty ? "" : ", ") + "unless " + unless.map(condition).joined(separator: " or ")
        }
        return text.isEmpty ? nil : text
    }

    static func condition(_ condition: Condition) -> String {
        switch condition {
        case .equals("requester.role", let roles):
            return "the request is made by " + roles.map { article(requester($0)) }.joined(separator: " or ")
        case .equals("overCompulsorySchoolAge", let values) where values == ["true"]:
            return "the young person is over compulsory school age"
        case .equals("overCompulsorySchoolAge", let values) where values == ["false"]:
            return "the child is not yet over compulsory school age"
        case .equals(let path, let values):
            return "\(label(path)) is \(values.joined(separator: " or "))"
        case .compare(let path, let op, let operand):
            let words: [String: String] = ["<": "is below", "<=": "is at most", ">": "is above", ">=": "is at least", "==": "is", "!=": "is not"]
            return "\(label(path)) \(words[op.rawValue] ?? op.rawValue) \(operand)"
        case .present(let path):
            return "\(label(path)) \(plural(path) ? "are" : "is") written in the form"
        case .absent(let path):
            return "\(label(path)) \(plural(path) ? "are" : "is") not written in the form"
        case .xpath(let expression):
            return "the XPath test \(expression.source) holds"
        }
    }

    /// A field in words: "the parents' views", "the setting's type"; otherwise its path.
    static func label(_ path: String) -> String {
        let views = ["views.child": "the child's views", "views.parents": "the parents' views", "views.youngPerson": "the young person's views"]
        if let key = views.keys.first(where: { path == $0 || path.hasPrefix($0 + ".") }) { return views[key]! }
        let known = [
            "setting.type": "the setting's type", "setting.ncYear": "the national curriculum year", "age": "the child's age",
            "attainment": "attainment", "attendanceRate": "the attendance rate (percent)", "provisionTotal": "the provision map's total cost (£)",
            "primaryNeed": "the primary need, the need ranked 1", "authority": "which authority the request is for",
            "dateOfRequest": "the date of the request", "setting.admitted": "the date the child joined the setting",
            "progress.points": "the number of dated points in an attainment area", "progress.monthsCovered": "the months an attainment area's points cover",
            "attendance.from": "the start of the attendance record", "attendance.to": "the end of the attendance record", "child.lookedAfter": "looked after",
            "child.homeEducated": "home educated"
        ]
        if let label = known[path] { return label }
        let parts = path.split(separator: ".").map(String.init)
        let owners = [
            "child": "the child's", "requester": "the requester's", "setting": "the setting's", "parents": "each parent's",
            "attendance": "the attendance record's", "form": "the authority form's", "consent": "each consent record's",
            "progress": "an attainment area's"
        ]
        guard parts.count == 2, let owner = owners[parts[0]] else { return "the form's " + words(parts.last ?? path) }
        return owner + " " + words(parts[1])
    }

    /// `dateOfBirth` as "date of birth".
    private static func words(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty { out += " " }
            out += character.lowercased()
        }
        return out
    }

    private static func plural(_ path: String) -> Bool { path.hasPrefix("views.") }

    private static func documents(_ types: [String], article useArticle: Bool) -> String {
        types.map { useArticle ? document($0) : bare(document($0)) }.joined(separator: " or ")
    }

    /// An evidence type in plain words, with its article: "a speech and language therapy report".
    static func document(_ type: String) -> String {
        Vocabulary.evidenceType.label(type) ?? article(type.split(separator: "-").joined(separator: " "))
    }

    /// A noun without its leading article.
    private static func bare(_ noun: String) -> String {
        for prefix in ["a ", "an "] where noun.hasPrefix(prefix) { return String(noun.dropFirst(prefix.count)) }
        return noun
    }

    private static func role(_ code: String) -> String {
        code == "camhs" ? "CAMHS" : code == "gp" ? "GP" : code.split(separator: "-").joined(separator: " ")
    }

    private static func requester(_ role: String) -> String {
        role == "setting" ? "setting (school, nursery or college)" : role.split(separator: "-").joined(separator: " ")
    }

    /// `where` values of the items of list `list` in words: "marked reviewed", "where by is the young person".
    private static func matching(_ values: [String: String], in list: String) -> String {
        values.sorted { $0.key < $1.key }.map { key, value in
            switch value {
            case "true": " marked \(words(key))"
            case "false": " not marked \(words(key))"
            default: " where \(words(key)) is \(code(list + "." + key, value))"
            }
        }.joined(separator: " and")
    }

    static func article(_ noun: String) -> String {
        let vowelSound = noun.first.map { "aeiouAEIOU".contains($0) } ?? false
        return (vowelSound || noun.hasPrefix("SEN") ? "an " : "a ") + noun
    }

    static func capitalised(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
