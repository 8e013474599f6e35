/// The canonical application schema, version "1.1", as data.
///
/// This one description drives decoding (with unknown-field warnings), writing in all three
/// syntaxes, rule-path checking in rule sets, and the test that keeps `Schemas/` in step.
/// Version 1.1 only adds optional fields to version 1, so every version 1 document is a 1.1
/// document; the XML namespace names the major version and stays the same.
public enum CanonicalSchema {
    /// The version ehcp writes.
    public static let version = "1.1"
    /// Every version ehcp reads: the versions whose documents are documents of ``version``.
    public static let readableVersions = ["1", "1.1"]
    public static let namespace = "urn:ehcp:application:1"

    /// The fields of the root `application` element.
    public static let root: [Field] = [
        .init("schemaVersion", .text, required: true),
        .init("reference", .text),
        .init("authority", .identifier(.laCode), required: true),
        .init("dateOfRequest", .date, required: true),
        .init("form", .object([.init("name", .text), .init("version", .text)])),
        .init(
            "requester",
            .object([
                .init("role", .code(.requesterRole), required: true), .init("name", .text, personal: true), .init("organisation", .text),
                .init("urn", .identifier(.urn)), .init("email", .identifier(.email), personal: true), .init("phone", .text, personal: true),
                // Version 1.1: the requester's job title, or relationship to the child.
                .init("position", .text)
            ])),
        .init(
            "child",
            .object([
                .init("givenNames", .text, required: true, personal: true), .init("familyName", .text, required: true, personal: true),
                .init("preferredName", .text, personal: true), .init("dateOfBirth", .date, required: true, personal: true),
                .init("sex", .code(.sex)), .init("upn", .identifier(.upn), personal: true), .init("uln", .identifier(.uln), personal: true),
                .init("nhsNumber", .identifier(.nhsNumber), personal: true),
                .init("firstLanguage", .text), .init("interpreterRequired", .boolean), .init("postcode", .text, personal: true),
                .init("homeAuthority", .identifier(.laCode)), .init("lookedAfter", .boolean),
                .init("responsibleAuthority", .identifier(.laCode)), .init("homeEducated", .boolean),
                // Version 1.1: fields asked by at least three published request forms (docs/field-census.md).
                .init("address", .text, personal: true), .init("phone", .text, personal: true),
                .init("ethnicity", .code(.ethnicity)), .init("religion", .text), .init("homeLanguage", .text),
                .init("serviceChild", .boolean), .init("lookedAfterStatus", .code(.lookedAfterStatus)),
                .init("socialCareStatus", .code(.socialCareStatus)),
                .init(
                    "gp",
                    .object([
                        .init("name", .text, personal: true), .init("practice", .text, personal: true),
                        .init("address", .text, personal: true), .init("phone", .text, personal: true)
                    ]))
            ])),
        .init(
            "parents",
            .list([
                .init("name", .text, personal: true), .init("relationship", .text), .init("parentalResponsibility", .boolean),
                .init("email", .identifier(.email), personal: true), .init("agreesWithRequest", .boolean),
                // Version 1.1.
                .init("title", .text), .init("address", .text, personal: true), .init("postcode", .text, personal: true),
                .init("phone", .text, personal: true)
            ])),
        .init(
            "setting",
            .object([
                .init("name", .text), .init("urn", .identifier(.urn)), .init("type", .code(.settingType)),
                .init("ncYear", .code(.ncYear)), .init("admitted", .date), .init("senSupportSince", .date),
                // Version 1.1: the year group the child is taught in, when not the chronological one.
                .init("ncYearTaught", .code(.ncYear))
            ])),
        // Version 1.1: schools and settings attended before the current one.
        .init(
            "previousSettings",
            .list([
                .init("name", .text), .init("urn", .identifier(.urn)), .init("from", .date), .init("to", .date)
            ])),
        .init("needs", .list([.init("type", .code(.needType)), .init("rank", .integer), .init("description", .text)])),
        .init(
            "graduatedApproach",
            .list([
                .init("start", .date), .init("review", .date), .init("reviewed", .boolean), .init("planType", .text),
                .init("evidence", .identifier(.evidenceReference))
            ])),
        .init(
            "provision",
            .list([
                .init("description", .text), .init("provider", .text), .init("hoursPerWeek", .number),
                .init("weeksPerYear", .number), .init("annualCost", .number), .init("outcome", .text),
                .init("progressEvidence", .identifier(.evidenceReference)),
                // Version 1.1: when the line of provision began and, if it has, ended.
                .init("start", .date), .init("end", .date)
            ])),
        .init(
            "attainment",
            .list([
                .init("area", .text), .init("measure", .text), .init("date", .date), .init("value", .number),
                .init("expected", .number)
            ])),
        .init(
            "professionals",
            .list([
                .init("role", .code(.professionalRole)), .init("name", .text), .init("organisation", .text),
                .init("lastInvolved", .date), .init("report", .identifier(.evidenceReference))
            ])),
        .init(
            "attendance",
            .object([
                .init("from", .date), .init("to", .date), .init("sessionsPossible", .integer), .init("sessionsAttended", .integer)
            ])),
        .init(
            "views",
            .object([
                .init("child", .object(view)), .init("parents", .object(view)), .init("youngPerson", .object(view))
            ])),
        .init(
            "consent",
            .list([
                .init("by", .code(.consentBy)), .init("name", .text, personal: true), .init("date", .date), .init("scope", .text),
                .init("form", .text)
            ])),
        .init(
            "evidence",
            .list([
                .init("id", .identifier(.evidenceID)), .init("type", .code(.evidenceType)), .init("title", .text),
                .init("date", .date), .init("author", .object([.init("name", .text), .init("role", .code(.professionalRole))])),
                .init("file", .text), .init("sha256", .identifier(.sha256)), .init("confirmsDiagnosis", .boolean),
                .init("localName", .text)
            ]))
    ]

    private static let view: [Field] = [.init("summary", .text), .init("evidence", .identifier(.evidenceReference))]

    /// Values computed from the application that rules may name as paths.
    public static let computed: [String: FieldType] = [
        "age": .integer, "overCompulsorySchoolAge": .boolean, "primaryNeed": .code(.needType), "provisionTotal": .number, "attendanceRate": .number,
        "graduatedApproachCount": .integer, "reviewedCycles": .integer
    ].merging(Application.progressFields) { first, _ in first }

    /// The field at a dotted path (`child.dateOfBirth`, `professionals.role`), or nil.
    public static func field(at path: String) -> Field? {
        fieldsByPath[path]
    }

    /// Every field by its dotted path, built once: rule sets and formats look paths up often.
    private static let fieldsByPath: [String: Field] = {
        var table: [String: Field] = [:]
        func add(_ fields: [Field], prefix: String) {
            for field in fields {
                let path = prefix.isEmpty ? field.name : "\(prefix).\(field.name)"
                table[path] = field
                add(field.type.children ?? [], prefix: path)
            }
        }
        add(root, prefix: "")
        return table
    }()

    /// The type at `path`, including computed values.
    public static func type(at path: String) -> FieldType? {
        computed[path] ?? field(at: path)?.type
    }

    /// Dotted paths of the fields that identify a person (names, dates of birth, identifiers,
    /// addresses, telephone numbers, the GP): personal data, which no message, report or log
    /// repeats unless the user gives `--show-personal-data`.
    public static var personalPaths: [String] {
        allPaths.filter { field(at: $0)?.personal == true }
    }

    /// Every dotted path of the schema, depth first.
    public static var allPaths: [String] {
        func walk(_ fields: [Field], prefix: String) -> [String] {
            fields.flatMap { field -> [String] in
                let path = prefix.isEmpty ? field.name : "\(prefix).\(field.name)"
                return [path] + walk(field.type.children ?? [], prefix: path)
            }
        }
        return walk(root, prefix: "")
    }
}

/// One field of the canonical schema.
public struct Field: Sendable {
    public let name: String
    public let type: FieldType
    public let required: Bool
    /// The value identifies a person: personal data for every report rule.
    public let personal: Bool

    public init(_ name: String, _ type: FieldType, required: Bool = false, personal: Bool = false) {
        self.name = name
        self.type = type
        self.required = required
        self.personal = personal
    }
}

/// The type of a canonical field.
public indirect enum FieldType: Sendable {
    case text
    case date
    case number
    case integer
    case boolean
    case code(Vocabulary)
    case identifier(IdentifierKind)
    case object([Field])
    case list([Field])

    /// The fields of an object or of each list item.
    public var children: [Field]? {
        switch self {
        case .object(let fields), .list(let fields): fields
        default: nil
        }
    }

    public var isList: Bool {
        if case .list = self { return true }
        return false
    }

    /// True for types whose values compare by order (`<`, `>=`): numbers and dates.
    public var isOrdered: Bool {
        switch self {
        case .date, .number, .integer: true
        default: false
        }
    }
}

/// Text fields with a format of their own, checked by the built-in identifier checks.
public enum IdentifierKind: String, Sendable {
    case laCode, urn, upn, uln, nhsNumber, email, sha256, evidenceID, evidenceReference
}
