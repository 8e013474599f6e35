import EHCPKit
import Foundation

/// The pages of "Start a request": choosing the authority and who asks, one page a section, and
/// the check with the downloads. Every page is one plain form; the draft travels in it.
enum GuidedPages {
    typealias Page = (title: String, main: String)

    static let action = "/start/form"

    /// The first page: the authority and the requester, or a saved draft to continue.
    static func start(errors: [(text: String, field: String)] = [], authorities: String) -> Page {
        func group(_ field: String) -> String { errors.contains { $0.field == field } ? "form-group error" : "form-group" }
        func message(_ field: String) -> String {
            errors.first { $0.field == field }.map {
                "<span class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \($0.text.escapedForMarkup)</span>"
            } ?? ""
        }
        let roles = ["setting", "parent", "young-person", "youth-custody", "other"].enumerated().map { index, code in
            let id = index == 0 ? "requester" : "requester-\(code)"
            return
                "<div class=\"radio\"><input type=\"radio\" id=\"\(id)\" name=\"requester\" value=\"\(code)\"><label for=\"\(id)\">\(CodeLabels.label(code, in: .requesterRole).escapedForMarkup)</label></div>"
        }.joined()
        let main =
            PageLayout.errorSummary(errors) + """
                <h1>Start a request for an EHC needs assessment</h1>
                <p class="lead">Answer a few questions a page at a time. At the end, download your request as a zip to check and send.</p>
                <p>Nothing you type is kept on this server: your answers travel in the page. To stop and carry on later, use "Save a draft" on any page and upload the draft here. A draft holds your answers, not the evidence files: attach those again on the last page.</p>
                <form method="post" action="/start" enctype="multipart/form-data" novalidate>
                <div class="\(group("authority"))">
                <label for="authority">Local authority</label>
                <span class="hint" id="authority-hint">The council for the area where the child or young person lives.</span>
                \(message("authority"))
                <select id="authority" name="authority" aria-describedby="authority-hint">
                <option value="">Choose an authority</option>
                \(authorities)
                </select>
                </div>
                <div class="\(group("requester"))">
                <fieldset aria-describedby="requester-hint"><legend>Who is making the request?</legend>
                <span class="hint" id="requester-hint">A parent's or young person's request never needs the setting's paperwork: what the authority asks of a setting is shown as expected, not required.</span>
                \(message("requester"))
                <div class="radios">\(roles)</div>
                </fieldset>
                </div>
                <button type="submit" name="begin" value="new">Start</button>
                </form>
                <h2 id="continue">Continue a saved draft</h2>
                <form method="post" action="/start" enctype="multipart/form-data" novalidate>
                <div class="\(group("saved"))">
                <label for="saved">Your saved draft (application.yaml)</label>
                <span class="hint" id="saved-hint">The draft you saved from this form, or an application document written with ehcp init.</span>
                \(message("saved"))
                <input type="file" id="saved" name="saved" accept=".yaml,.yml,.json,.xml" aria-describedby="saved-hint">
                </div>
                <button type="submit" name="begin" value="saved">Continue</button>
                </form>
                """
        return ("Start a request", main)
    }

    /// One section of the form.
    static func section(_ section: GuidedSection, form: GuidedForm, draft: GuidedDraft, values: GuidedValues, problems: [InputProblem]) -> Page {
        let index = GuidedSection.allCases.firstIndex(of: section)! + 1
        let rendering = FieldRendering(
            values: values, problems: Dictionary(problems.map { ($0.id, $0.text) }) { first, _ in first },
            evidenceChoices: evidenceChoices(draft))
        var main = PageLayout.errorSummary(problems.map { ($0.text, $0.id) })
        main +=
            "<span class=\"caption\">Step \(index) of \(GuidedSection.allCases.count) · A request to \(form.authority.name.escapedForMarkup) made by \((Vocabulary.requesterRole.label(form.requester) ?? form.requester).escapedForMarkup)</span>\n"
        main += "<h1>\(section.title.escapedForMarkup)</h1>\n"
        main += asks(form.items(section), form: form)
        main += "<form method=\"post\" action=\"\(action)\" enctype=\"multipart/form-data\" novalidate>\n"
        main += "<input type=\"hidden\" name=\"section\" value=\"\(section.rawValue)\">\n" + draft.hiddenFields()
        // Enter in a text box presses a form's first button: this one, not an "Add another" further down.
        main +=
            "<button type=\"submit\" class=\"visually-hidden\" name=\"action\" value=\"next\" tabindex=\"-1\" aria-hidden=\"true\">Save and continue</button>\n"
        for group in form.groups(section) {
            main +=
                section == .evidence
                ? evidence(group, form: form, draft: draft, values: values, rendering: rendering)
                : fields(group, values: values, rendering: rendering)
        }
        main += "<div class=\"buttons\">"
        main +=
            section == .evidence
            ? "<button type=\"submit\" name=\"action\" value=\"next\">Save and check the request</button>"
            : "<button type=\"submit\" name=\"action\" value=\"next\">Save and continue</button>"
        if section.previous != nil { main += " <button type=\"submit\" class=\"secondary\" name=\"action\" value=\"back\">Back</button>" }
        main += " <button type=\"submit\" class=\"secondary\" name=\"action\" value=\"draft\">Save a draft to your computer</button></div>\n"
        main += steps(current: section) + "</form>\n"
        return (section.title, main)
    }

    /// "What the authority asks for here": the checklist's items for the page.
    private static func asks(_ items: [Checklist.Item], form: GuidedForm) -> String {
        guard !items.isEmpty else { return "" }
        var out = "<div class=\"inset asks\"><h2>What \(form.authority.name.escapedForMarkup) asks for here</h2><ul class=\"checklist\">"
        for item in items {
            // A condition is said, so that an item for others (a young person over 18) is not read as asked of everyone.
            let condition = item.applies.map { " <span class=\"facts\">(only when \($0.escapedForMarkup))</span>" } ?? ""
            out +=
                "<li><span class=\"tag \(item.basis.rawValue)\">\(item.basis.label.escapedForMarkup)</span><strong>\(item.need)</strong>: \(item.text.escapedForMarkup)\(condition)</li>"
        }
        out += "</ul>"
        if form.isFamilyRequest { out += "<p>Your request is valid without anything marked local practice; the authority may ask the setting for it.</p>" }
        return out + "</div>\n"
    }

    /// An object's fields in a fieldset, or a list's items one under another.
    private static func fields(_ group: GuidedGroup, values: GuidedValues, rendering: FieldRendering) -> String {
        let hint = group.hint.map { "<span class=\"hint\">\($0.escapedForMarkup)</span>" } ?? ""
        let id = group.path.isEmpty ? "" : " id=\"\(GuidedValues.id(group.path))\""
        guard group.isList, let noun = group.item else {
            let inputs = group.entries.map { entry in
                rendering.field(group.path(of: entry), type: CanonicalSchema.field(at: group.path(of: entry))!.type, entry: entry)
            }.joined()
            return "<fieldset class=\"group\"\(id)><legend>\(group.legend.escapedForMarkup)</legend>\(hint)\n\(inputs)</fieldset>\n"
        }
        let rows = values.rows(of: group) ?? group.blanks
        var out = "<fieldset class=\"group\"\(id)><legend>\(group.legend.escapedForMarkup)</legend>\(hint)\n"
        out += "<input type=\"hidden\" name=\"\(group.path).rows\" value=\"\(rows)\">\n"
        for row in 0..<rows {
            let prefix = "\(group.path).\(row)"
            out += "<fieldset class=\"item\" id=\"\(GuidedValues.id(prefix))\"><legend>\(noun.capitalisedFirst.escapedForMarkup) \(row + 1)</legend>\n"
            for entry in group.entries {
                out += rendering.field("\(prefix).\(entry.name)", type: CanonicalSchema.field(at: group.path(of: entry))!.type, entry: entry)
            }
            out += removal(prefix, noun: noun, row: row) + "</fieldset>\n"
        }
        out += "<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"add:\(group.path)\">Add another \(noun.escapedForMarkup)</button>\n"
        return out + "</fieldset>\n"
    }

    private static func removal(_ prefix: String, noun: String, row: Int) -> String {
        let id = GuidedValues.id(prefix) + "-remove"
        return
            "<div class=\"checkbox\"><input type=\"checkbox\" id=\"\(id)\" name=\"\(prefix).remove\" value=\"yes\"><label for=\"\(id)\">Remove \(noun.escapedForMarkup) \(row + 1)</label></div>\n"
    }

    /// The evidence items, each with its file: attached ones are carried in the page, and a new file
    /// replaces the one carried.
    private static func evidence(_ group: GuidedGroup, form: GuidedForm, draft: GuidedDraft, values: GuidedValues, rendering: FieldRendering) -> String {
        let items = draft.root["evidence"]?.list?.compactMap(\.record) ?? []
        let rows = values.rows(of: group) ?? items.count
        let asked = form.evidenceTypesAsked
        let choices =
            asked.map { ($0, CodeLabels.label($0, in: .evidenceType) + " (\(form.authority.name) asks for this)") }
            + Vocabulary.evidenceType.codes.filter { !asked.contains($0) }.map { ($0, CodeLabels.label($0, in: .evidenceType)) }
        var out = "<fieldset class=\"group\" id=\"evidence\"><legend>Documents to enclose</legend>"
        out +=
            "<span class=\"hint\">Attach each document and say what it is. Files are renamed after what they are, so a file's name never carries the child's name.</span>\n"
        out += "<input type=\"hidden\" name=\"evidence.rows\" value=\"\(rows)\">\n"
        for row in 0..<rows {
            let prefix = "evidence.\(row)"
            let id = GuidedValues.id(prefix)
            let item = row < items.count ? items[row] : nil
            out += "<fieldset class=\"item\" id=\"\(id)\"><legend>Document \(row + 1)</legend>\n"
            let typeEntry = group.entries[0]
            let typeProblem = rendering.problems["\(id)-type"]
            out += "<div class=\"form-group\(typeProblem == nil ? "" : " error")\"><label for=\"\(id)-type\">\(typeEntry.label.escapedForMarkup)</label>"
            if let typeProblem { out += "<span class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(typeProblem.escapedForMarkup)</span>" }
            out += rendering.select("\(prefix).type", id: "\(id)-type", choices: choices) + "</div>\n"
            for entry in group.entries.dropFirst() {
                out += rendering.field("\(prefix).\(entry.name)", type: CanonicalSchema.field(at: group.path(of: entry))!.type, entry: entry)
            }
            let file = item?["file"]?.text
            let attached = file.flatMap { draft.files[$0] }
            let status =
                attached.map {
                    "Attached as <code>\(file!.escapedForMarkup)</code> (\(ByteCountFormatter.string(fromByteCount: Int64($0.count), countStyle: .file)))."
                }
                ?? (file == nil ? "" : "Not attached yet: choose the file.")
            out +=
                "<div class=\"form-group\(rendering.problems["\(id)-upload"] == nil ? "" : " error")\"><label for=\"\(id)-upload\">\(attached == nil ? "The file" : "Replace the file (optional)")</label>"
            if !status.isEmpty { out += "<span class=\"hint\">\(status)</span>" }
            if let problem = rendering.problems["\(id)-upload"] {
                out += "<span class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \(problem.escapedForMarkup)</span>"
            }
            out += "<input type=\"file\" id=\"\(id)-upload\" name=\"\(prefix).upload\"></div>\n"
            if item != nil { out += removal(prefix, noun: "document", row: row) }
            out += "</fieldset>\n"
        }
        out += "<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"add:evidence\">Save and add more documents</button>\n"
        return out + "</fieldset>\n"
    }

    /// The choices of a field that names an evidence item: the items attached, then the kinds of
    /// document not yet attached (an item gets its kind as its id when it is attached).
    static func evidenceChoices(_ draft: GuidedDraft) -> [(value: String, label: String)] {
        let items = draft.root["evidence"]?.list?.compactMap(\.record) ?? []
        let attached = items.compactMap { item -> (String, String)? in
            guard let id = item["id"]?.text else { return nil }
            let kind = item["type"]?.text.map { CodeLabels.label($0, in: .evidenceType) } ?? "document"
            return (id, item["title"]?.text.map { "\($0) (\(kind))" } ?? kind)
        }
        let ids = Set(attached.map(\.0))
        return attached
            + Vocabulary.evidenceType.codes.filter { !ids.contains($0) }.map { ($0, CodeLabels.label($0, in: .evidenceType) + " (not attached yet)") }
    }

    /// The steps, each a button that saves the page and goes there.
    static func steps(current: GuidedSection?) -> String {
        var out = "<nav class=\"steps\" aria-label=\"Steps\"><h2>Go to another step</h2><ol>"
        for section in GuidedSection.allCases {
            out +=
                section == current
                ? "<li aria-current=\"step\"><strong>\(section.step.escapedForMarkup)</strong></li>"
                : "<li><button type=\"submit\" class=\"link\" name=\"action\" value=\"goto:\(section.rawValue)\" formaction=\"\(action)\">\(section.step.escapedForMarkup)</button></li>"
        }
        return out + "</ol></nav>\n"
    }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
