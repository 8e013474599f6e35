import EHCPSource

/// The checklist as Markdown (to print or paste), HTML (a printable page) or JSON.
public enum ChecklistRenderer {
    /// The `--format` values.
    public static let formats = ["markdown", "html", "json"]

    /// The checklist in `format`, or nil for an unknown format.
    public static func render(_ checklist: Checklist, format: String) -> String? {
        switch format {
        case "markdown": markdown(checklist)
        case "html": html(checklist)
        case "json": JSONWriter.write(json(checklist))
        default: nil
        }
    }

    static func title(_ checklist: Checklist) -> String {
        "Evidence checklist for \(checklist.authority.name) (\(checklist.authority.code))"
            + (checklist.requester.map { ", for a request made by \(requesterWords[$0] ?? $0)" } ?? "")
    }

    /// The requester roles in words.
    static let requesterWords = [
        "parent": "a parent", "young-person": "the young person", "setting": "a school, college or setting",
        "youth-custody": "youth custody", "other": "someone else"
    ]

    static let intro =
        "Gather these before sending a request for an EHC needs assessment. The law says who may request and prescribes no form; statutory guidance is what every authority must have regard to; local practice is what this authority asks of a setting's request. A parent's or young person's letter is a valid request without any of the local items."

    /// "Law · Required · dated within 24 months · only when …".
    static func facts(_ item: Checklist.Item) -> [String] {
        [item.basis.label, item.need]
            + [item.within.map { "dated within the last \($0)" }, item.applies.map { "only when \($0)" }, item.listedAs].compactMap { $0 }
    }

    static func markdown(_ checklist: Checklist) -> String {
        var out = "# \(title(checklist))\n\n"
        if let notice = checklist.notice { out += "> **No local rules.** \(MarkdownReporter.inline(notice))\n\n" }
        out += "\(intro)\n\nRule sets: \(checklist.rulesets.map { MarkdownReporter.inline($0) }.joined(separator: ", "))\n"
        for (section, items) in checklist.sections {
            out += "\n## \(section.title)\n\n"
            for item in items {
                out +=
                    "- [ ] \(MarkdownReporter.inline(item.text))  \n  _\(facts(item).map { MarkdownReporter.inline($0) }.joined(separator: " · "))_ (\(MarkdownReporter.code(item.rule)))"
                if let reference = item.reference { out += "  \n  Source: \(MarkdownReporter.inline(reference, autolinks: true))" }
                out += "\n"
            }
        }
        return out
    }

    static func html(_ checklist: Checklist) -> String {
        var body = checklist.notice.map { "<p class=\"notice\" role=\"note\"><strong>No local rules.</strong> \($0.escapedForMarkup)</p>\n" } ?? ""
        for (index, entry) in checklist.sections.enumerated() {
            body += "<section aria-labelledby=\"s\(index)\">\n<h2 id=\"s\(index)\">\(entry.section.title.escapedForMarkup)</h2>\n<ul class=\"checklist\">\n"
            for item in entry.items {
                body += "<li><span class=\"box\" aria-hidden=\"true\">☐</span> \(item.text.escapedForMarkup)<br>\n"
                body +=
                    "<span class=\"facts\">\(facts(item).map(\.escapedForMarkup).joined(separator: " · ")) (<code>\(item.rule.escapedForMarkup)</code>)</span>"
                if let reference = item.reference { body += "<br>\n<span class=\"source\">Source: \(reference.escapedForMarkup)</span>" }
                body += "</li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        let style = """

            ul.checklist { list-style: none; padding-left: 0; }
            ul.checklist li { margin-bottom: 0.75rem; break-inside: avoid; }
            .box { font-size: 1.2rem; }
            .facts, .source { font-size: 0.9rem; }
            .notice { border-left: 6px solid #1d4f91; background: #f3f2f1; color: #1b1b1b; padding: 0.5rem 1rem; }
            @media print { h2 { break-before: auto; } }

            """
        return HTMLPage.document(
            title: title(checklist), intro: intro, extraStyle: style, main: body,
            footer: "Rule sets: \(checklist.rulesets.joined(separator: ", "))")
    }

    static func json(_ checklist: Checklist) -> OutputNode {
        var root: [(key: String, value: OutputNode)] = [
            ("authority", .mapping([("code", .string(checklist.authority.code)), ("name", .string(checklist.authority.name))]))
        ]
        if let requester = checklist.requester { root.append(("requester", .string(requester))) }
        if let notice = checklist.notice { root.append(("notice", .string(notice))) }
        root.append(("rulesets", .sequence(checklist.rulesets.map { .string($0) })))
        root.append(
            (
                "sections",
                .sequence(
                    checklist.sections.map { section, items in
                        .mapping([("id", .string(section.rawValue)), ("title", .string(section.title)), ("items", .sequence(items.map(json)))])
                    })
            ))
        return .mapping(root)
    }

    static func json(_ item: Checklist.Item) -> OutputNode {
        var entries: [(key: String, value: OutputNode)] = [
            ("rule", .string(item.rule)), ("text", .string(item.text)), ("severity", .string(item.severity.rawValue)),
            ("basis", .string(item.basis.rawValue))
        ]
        if let within = item.within { entries.append(("within", .string(within))) }
        if !item.evidenceTypes.isEmpty { entries.append(("evidenceTypes", .sequence(item.evidenceTypes.map { .string($0) }))) }
        if let field = item.field { entries.append(("field", .string(field))) }
        if let applies = item.applies { entries.append(("appliesWhen", .string(applies))) }
        if let reference = item.reference { entries.append(("reference", .string(reference))) }
        return .mapping(entries)
    }
}
