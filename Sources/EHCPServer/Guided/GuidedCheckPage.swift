import EHCPKit

extension GuidedPages {
    /// The last page: the whole request checked as the CLI checks it, what is enclosed, and the downloads.
    static func check(form: GuidedForm, draft: GuidedDraft, report: BundleReport) -> Page {
        let errors = report.count(.error)
        var main =
            "<span class=\"caption\">A request to \(form.authority.name.escapedForMarkup) made by \((Vocabulary.requesterRole.label(form.requester) ?? form.requester).escapedForMarkup)</span>\n"
        main += "<h1>Check your request</h1>\n"
        if report.isValid {
            main +=
                "<div class=\"panel ready\" id=\"verdict\"><h2>Ready to send</h2><p>Nothing in your request needs correcting before it is sent. Read any warnings below: they say what the authority may ask for.</p></div>\n"
        } else {
            main +=
                "<div class=\"panel not-ready\" id=\"verdict\"><h2>Not ready to send</h2><p>\(errors) \(errors == 1 ? "thing needs" : "things need") correcting before the request is sent. Go back to the step named to correct it.</p></div>\n"
        }
        main += "<form method=\"post\" action=\"\(action)\" enctype=\"multipart/form-data\" novalidate>\n"
        main += "<input type=\"hidden\" name=\"section\" value=\"check\">\n" + draft.hiddenFields()
        main += "<h2>What ehcp found</h2>\n"
        if report.findings.isEmpty { main += "<p>Nothing: every check passed.</p>\n" }
        let bySection = Dictionary(grouping: report.findings) { GuidedSection.of(path: $0.path) ?? .evidence }
        for section in GuidedSection.allCases {
            guard let findings = bySection[section] else { continue }
            main += "<h3>\(section.step.escapedForMarkup)</h3>\n<ol class=\"findings\">\n"
            for finding in findings {
                main +=
                    "<li class=\"finding \(finding.severity.rawValue)\"><span class=\"tag \(finding.severity.rawValue)\">\(finding.severity.label.escapedForMarkup)</span>"
                main += "<span class=\"tag \(finding.basis.rawValue)\">\(finding.basis.label.escapedForMarkup)</span>"
                main += "<span class=\"message\">\(finding.message.escapedForMarkup)</span>"
                main += "<span class=\"facts\">Rule: <code class=\"rule\">\(finding.rule.escapedForMarkup)</code></span></li>\n"
            }
            main +=
                "</ol>\n<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"goto:\(section.rawValue)\">Change \(section.step.lowercasedFirst.escapedForMarkup)</button>\n"
        }
        main += enclosed(draft)
        main += "<h2 id=\"downloads\">Download your request</h2>\n"
        main +=
            "<p>The zip is the request to send: the application document and the evidence folder. Check it again at any time with <code>ehcp validate</code> or \"Check my request\".</p>\n<div class=\"downloads\">"
        main += "<button type=\"submit\" name=\"action\" value=\"download:zip\">Download the request (zip)</button>\n"
        main +=
            "<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"download:yaml\">Download the application document (application.yaml)</button>\n"
        if let own = form.ownFormat {
            main +=
                "<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"download:format\">Download it in \(form.authority.name.escapedForMarkup)'s own format (\(own.fileExtension.uppercased()))</button>\n"
        }
        main += "<button type=\"submit\" class=\"secondary\" name=\"action\" value=\"download:letter\">Download the request letter</button>\n</div>\n"
        main += steps(current: nil) + "</form>\n"
        return ("Check your request", main)
    }

    /// The documents the request encloses.
    private static func enclosed(_ draft: GuidedDraft) -> String {
        let items = draft.root["evidence"]?.list?.compactMap(\.record) ?? []
        guard !items.isEmpty else { return "<h2>What is enclosed</h2>\n<p>No documents are attached yet.</p>\n" }
        var out = "<h2>What is enclosed</h2>\n<ul class=\"enclosed\">\n"
        for item in items {
            let kind = item["type"]?.text.map { CodeLabels.label($0, in: .evidenceType) } ?? "Document"
            let file = item["file"]?.text ?? ""
            let state = draft.files[file] == nil ? " — not attached" : ""
            out +=
                "<li>\((item["title"]?.text ?? kind).escapedForMarkup) <span class=\"facts\">\(kind.escapedForMarkup) · <code>\(file.escapedForMarkup)</code>\(state)</span></li>\n"
        }
        return out + "</ul>\n"
    }
}
