import EHCPSource

/// `request-letter`: the request written as a plain letter to the authority, for a parent or
/// setting whose authority takes letters (no form is required by law). A compiled format, because
/// prose is beyond a field mapping; it is written only, never read.
public struct RequestLetterFormat: FormatPlugin {
    /// Where the receiving authority's name is found.
    public let authorities: AuthorityCatalog

    public init(authorities: AuthorityCatalog = .builtIn) {
        self.authorities = authorities
    }

    public var id: String { "request-letter" }
    public var syntax: FormatDefinition.Syntax? { nil }

    public func recognises(_ document: SourceDocument) -> Bool { false }

    public func read(_ bytes: [UInt8], file: String) throws(DiagnosticList) -> ReadResult {
        throw DiagnosticList([
            .error("format request-letter is written only; convert from the application document instead", at: SourceLocation(file: file, line: 1))
        ])
    }

    public func write(_ application: Application) -> (text: String, loss: LossReport) {
        var used: Set<String> = []
        func text(_ path: String) -> String? {
            guard let value = MappedWriter.value(in: application.root, path: path.split(separator: ".")[...]) else { return nil }
            used.insert(path)
            return Self.describe(value)
        }
        let authority = text("authority").flatMap { authorities.authority($0)?.name } ?? "the local authority"
        let child = [text("child.givenNames"), text("child.familyName")].compactMap { $0 }.joined(separator: " ")
        var lines: [String] = []
        if let from = text("requester.organisation") ?? text("requester.name") { lines.append(from) }
        if let date = text("dateOfRequest") { lines.append(date) }
        lines += ["", "To the SEND team, \(authority)", "", "Request for an Education, Health and Care needs assessment", ""]
        var opening =
            "I am writing to ask \(authority) to carry out an Education, Health and Care needs assessment for \(child.isEmpty ? "the child named in the enclosed papers" : child)"
        if let born = text("child.dateOfBirth") { opening += ", born \(born)" }
        opening += ", under section 36 of the Children and Families Act 2014."
        if let setting = text("setting.name") { opening += " They attend \(setting)." }
        lines.append(opening)
        let needs = application.records("needs").enumerated().compactMap { index, need -> String? in
            guard let type = need["type"]?.text else { return nil }
            used.insert("needs[\(index)].type")
            return type
        }
        if !needs.isEmpty { lines += ["", "Their needs, by the national SEN type codes: \(needs.joined(separator: ", "))."] }
        if let received = application.dateOfRequest, let decision = StatutoryTimeline(received: received).deadlines.first {
            lines += [
                "",
                "Regulation 5 of the SEND Regulations 2014 asks the authority to tell me whether it will assess within six weeks, that is by \(Self.longDate(decision.date))."
            ]
        }
        let evidence = application.evidence.enumerated().map { index, item -> String in
            let describe = ["title", "type", "date", "file"].compactMap { name -> String? in
                guard let value = item[name] else { return nil }
                used.insert("evidence[\(index)].\(name)")
                return Self.describe(value)
            }
            return "\(index + 1). " + describe.joined(separator: ", ")
        }
        if !evidence.isEmpty { lines += ["", "I enclose:"] + evidence }
        lines += ["", "Yours faithfully,", ""]
        if let name = text("requester.name") { lines.append(name) }
        if let role = text("requester.role") { lines.append("(\(role))") }
        var loss = LossReport()
        for (path, type, _) in MappedWriter.leaves(application.root, fields: CanonicalSchema.root, prefix: "")
        where !used.contains(path) && path != "schemaVersion" {
            let entry = LossReport.Entry(lost: path, type, "a request letter does not carry it")
            if !loss.entries.contains(entry) { loss.entries.append(entry) }
        }
        return (lines.joined(separator: "\n") + "\n", loss)
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// A value as the letter writes it: dates in words, anything else as it stands.
    private static func describe(_ value: Value) -> String {
        if case .date(let date) = value.content { return longDate(date) }
        return value.comparableText
    }

    static func longDate(_ date: CalendarDate) -> String {
        "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
