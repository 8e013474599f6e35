import EHCPKit

/// The HTML of one field of the guided form, GOV.UK style: a label, a hint, the error beside it,
/// and the input — a choice list with plain labels for a coded field, three boxes for a date,
/// Yes/No radios for a yes-or-no question. No script, no inline style.
struct FieldRendering {
    let values: GuidedValues
    /// Problems by input id.
    let problems: [String: String]
    /// The choices of a field that names an evidence item: (value, label) pairs.
    let evidenceChoices: [(value: String, label: String)]

    func field(_ name: String, type: FieldType, entry: GuidedEntry) -> String {
        let id = GuidedValues.id(name)
        let problem = problems[id]
        let hint = entry.hint.map { "<span class=\"hint\" id=\"\(id)-hint\">\($0.escapedForMarkup)</span>" } ?? ""
        let described = entry.hint == nil ? "" : " aria-describedby=\"\(id)-hint\""
        let error =
            problem.map { "<span class=\"error-message\" id=\"\(id)-error\"><span class=\"visually-hidden\">Error:</span> \($0.escapedForMarkup)</span>" } ?? ""
        let group = problem == nil ? "form-group" : "form-group error"
        let label = entry.label.escapedForMarkup
        switch type {
        case .date:
            let boxes = GuidedValues.dateParts.enumerated().map { index, part in
                let boxID = index == 0 ? id : "\(id)-\(part)"
                return
                    "<div class=\"date-item\"><label for=\"\(boxID)\">\(part.capitalisedFirst)</label><input class=\"date-\(part)\" type=\"text\" inputmode=\"numeric\" id=\"\(boxID)\" name=\"\(name)-\(part)\" value=\"\(values["\(name)-\(part)"].escapedForField)\"></div>"
            }.joined()
            return
                "<div class=\"\(group)\"><fieldset\(described)><legend>\(label)</legend>\(hint)\(error)<div class=\"date-input\">\(boxes)</div></fieldset></div>\n"
        case .boolean:
            let radios = [("true", "Yes", id), ("false", "No", id + "-no")].map { value, text, radioID in
                "<div class=\"radio\"><input type=\"radio\" id=\"\(radioID)\" name=\"\(name)\" value=\"\(value)\"\(values[name] == value ? " checked" : "")><label for=\"\(radioID)\">\(text)</label></div>"
            }.joined()
            return
                "<div class=\"\(group)\"><fieldset\(described)><legend>\(label)</legend>\(hint)\(error)<div class=\"radios\">\(radios)</div></fieldset></div>\n"
        case .code(let vocabulary):
            let choices = vocabulary.codes.map { ($0, CodeLabels.label($0, in: vocabulary)) }
            return
                "<div class=\"\(group)\"><label for=\"\(id)\">\(label)</label>\(hint)\(error)\(select(name, id: id, choices: choices, described: described))</div>\n"
        case .identifier(.evidenceReference):
            return
                "<div class=\"\(group)\"><label for=\"\(id)\">\(label)</label>\(hint)\(error)\(select(name, id: id, choices: evidenceChoices, described: described))</div>\n"
        default:
            let value = values[name].escapedForField
            let input: String
            if entry.long {
                // The line feed after the tag is dropped by the parser, so text that starts with one keeps it.
                input = "<textarea id=\"\(id)\" name=\"\(name)\" rows=\"4\"\(described)>\n\(value)</textarea>"
            } else {
                let mode = type.isOrdered ? " inputmode=\"decimal\"" : ""
                let spelling = if case .identifier = type { " spellcheck=\"false\"" } else { "" }
                input = "<input type=\"text\" id=\"\(id)\" name=\"\(name)\" value=\"\(value)\"\(mode)\(spelling)\(described)>"
            }
            return "<div class=\"\(group)\"><label for=\"\(id)\">\(label)</label>\(hint)\(error)\(input)</div>\n"
        }
    }

    /// A choice list; a value that is not among the choices (from an uploaded draft) is kept as a choice of its own.
    func select(_ name: String, id: String, choices: [(value: String, label: String)], described: String = "") -> String {
        let current = values[name]
        var all = choices
        if !current.isEmpty, !choices.contains(where: { $0.value == current }) { all.append((current, current)) }
        let options = all.map { value, label in
            "<option value=\"\(value.escapedForField)\"\(value == current ? " selected" : "")>\(label.escapedForMarkup)</option>"
        }.joined()
        return "<select id=\"\(id)\" name=\"\(name)\"\(described)><option value=\"\">Choose</option>\(options)</select>"
    }
}

extension String {
    /// Escaped for a field's value in HTML, keeping every character: markup characters as entities,
    /// and control characters as numeric references, which a browser turns back into the character
    /// and posts unchanged (``escapedForMarkup`` shows them as text instead, for reports).
    var escapedForField: String {
        var out = ""
        var run = ""
        for scalar in unicodeScalars {
            if scalar.properties.generalCategory == .control, scalar != "\n", scalar != "\t" {
                out += run.escapedForMarkup + "&#\(scalar.value);"
                run = ""
            } else {
                run.unicodeScalars.append(scalar)
            }
        }
        return out + run.escapedForMarkup
    }
}
