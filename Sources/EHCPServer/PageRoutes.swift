import EHCPKit
import EHCPSource
import Foundation
import Hummingbird

/// The page for SENCOs and parents: choose an authority and see its checklist; upload a bundle and
/// see what to correct before sending. Plain HTML forms, no script, nothing kept.
struct PageRoutes {
    let checker: Checker
    let gate: CheckGate

    func register(on routes: RouteTable) {
        routes.add(.get, "/") { _, _ in page(home()) }
        routes.add(.get, "/style.css") { _, _ in text(PageLayout.stylesheet, type: "text/css; charset=utf-8") }
        routes.add(.get, "/checklist") { request, _ in
            guard let code = request.uri.queryParameters.get("authority"), !code.isEmpty else {
                return page(home(errors: [("Choose the authority the request will be sent to", "authority")]), status: .badRequest)
            }
            guard let entry = AuthorityCatalog.builtIn.authority(code) else {
                return page(home(errors: [("Choose an authority from the list", "authority")]), status: .badRequest)
            }
            return page(try checklistPage(entry))
        }
        routes.add(.post, "/check") { request, _ in try await check(request) }
        GuidedRoutes(checker: checker, gate: gate, authorities: authorityChoices()).register(on: routes)
    }

    private func page(_ body: (title: String, main: String), status: HTTPResponse.Status = .ok) -> Response {
        text(PageLayout.document(title: body.title, main: body.main), type: "text/html; charset=utf-8", status: status)
    }

    private func authorityChoices(selected: String? = nil) -> String {
        AuthorityCatalog.builtIn.entries.sorted { $0.name < $1.name }.map { entry in
            "<option value=\"\(entry.code)\"\(entry.code == selected ? " selected" : "")>\(entry.name.escapedForMarkup)</option>"
        }.joined(separator: "\n")
    }

    private func home(errors: [(text: String, field: String)] = []) -> (title: String, main: String) {
        let authorityError = errors.first { $0.field == "authority" }
        let bundleError = errors.first { $0.field == "bundle" }
        func group(_ error: (text: String, field: String)?) -> String { error == nil ? "form-group" : "form-group error" }
        func message(_ error: (text: String, field: String)?) -> String {
            error.map { "<span class=\"error-message\"><span class=\"visually-hidden\">Error:</span> \($0.text.escapedForMarkup)</span>" } ?? ""
        }
        let main =
            PageLayout.errorSummary(errors) + """
                <h1>Check a request for an EHC needs assessment</h1>
                <p class="lead">See what your local authority asks for, then check your request before you send it.</p>
                <h2 id="what-they-ask">What does the authority ask for?</h2>
                <form method="get" action="/checklist">
                <div class="\(group(authorityError))">
                <label for="authority">Local authority</label>
                <span class="hint" id="authority-hint">The council for the area where the child or young person lives.</span>
                \(message(authorityError))
                <select id="authority" name="authority" aria-describedby="authority-hint">
                <option value="">Choose an authority</option>
                \(authorityChoices())
                </select>
                </div>
                <button type="submit">Show what they ask for</button>
                </form>
                <h2 id="start-a-request">Start a request</h2>
                <p>Fill in a request a page at a time, with the authority's checklist beside each page, and download it as a zip with the request letter.</p>
                <p><a class="button-link" href="/start">Start a request</a></p>
                <h2 id="check-my-request">Check my request</h2>
                <form method="post" action="/check" enctype="multipart/form-data">
                <div class="\(group(bundleError))">
                <label for="bundle">Your request: a zip file of it, or its application document</label>
                <span class="hint" id="bundle-hint">A zip of the request's folder (the application document and the evidence files it lists), or the application document alone: application.yaml, .json or .xml, or your authority's own form.</span>
                \(message(bundleError))
                <input type="file" id="bundle" name="bundle" aria-describedby="bundle-hint">
                </div>
                <div class="form-group">
                <label for="evidence">Evidence files (when you chose the application document)</label>
                <span class="hint" id="evidence-hint">Choose every evidence file at once. Each is matched to the evidence item whose file has the same name: the document may list evidence/ep-report.pdf and you choose ep-report.pdf.</span>
                <input type="file" id="evidence" name="evidence" multiple aria-describedby="evidence-hint">
                </div>
                <button type="submit">Check my request</button>
                </form>
                """
        return ("Check a request for an EHC needs assessment", main)
    }

    private func checklistPage(_ entry: AuthorityCatalog.Entry) throws -> (title: String, main: String) {
        let checklist = try Checklist.current(for: entry, rulesets: checker.configuration.rulesets)
        var main = "<h1>What \(entry.name.escapedForMarkup) asks for</h1>\n"
        if checker.hasOwnRules(entry) {
            main +=
                "<p class=\"lead\">Gather these before a request for an EHC needs assessment is sent. Each item says whether it is the law, statutory guidance or the authority's own practice, and where it is published.</p>\n"
        } else {
            main +=
                "<div class=\"inset\" id=\"baseline-only\"><p><strong>ehcp knows only the statutory baseline for \(entry.name.escapedForMarkup).</strong> It has not found rules of this authority's own, so this list is what the law and the SEND Code of Practice ask of every authority. Check the authority's Local Offer for anything more it asks.</p></div>\n"
        }
        main += "<p>A parent or young person can ask for an assessment by letter: nothing marked local practice is needed for their request to be valid.</p>\n"
        for (index, entry) in checklist.sections.enumerated() {
            main += "<h2 id=\"section-\(index)\">\(entry.section.title.escapedForMarkup)</h2>\n<ul class=\"checklist\">\n"
            for item in entry.items {
                main += "<li><span class=\"tag \(item.basis.rawValue)\">\(item.basis.label.escapedForMarkup)</span>\(item.text.escapedForMarkup)"
                let facts =
                    [item.need] + [item.within.map { "dated within the last \($0)" }, item.applies.map { "only when \($0)" }, item.listedAs].compactMap { $0 }
                main += "<span class=\"facts\">\(facts.map(\.escapedForMarkup).joined(separator: " · "))</span>"
                if let reference = item.reference { main += "<span class=\"facts source\">Source: \(reference.escapedForMarkup)</span>" }
                main += "</li>\n"
            }
            main += "</ul>\n"
        }
        main +=
            "<p><a href=\"/api/v1/authorities/\(entry.code)/checklist?format=html\">A printable copy</a> · <a href=\"/\">Choose another authority or check a request</a></p>\n"
        return ("What \(entry.name) asks for", main)
    }

    private func check(_ request: Request) async throws -> Response {
        let body = try await Upload.body(of: request, limit: checker.configuration.maxBodyBytes)
        guard let boundary = MultipartForm.boundary(contentType: request.headers[.contentType]),
            let form = MultipartForm(body, boundary: boundary)
        else {
            return page(home(errors: [(FormUpload.Problem.noRequest.rawValue, "bundle")]), status: .badRequest)
        }
        let upload: FormUpload
        switch FormUpload.read(form) {
        case .success(let read): upload = read
        case .failure(let problem): return page(home(errors: [(problem.rawValue, "bundle")]), status: .badRequest)
        }
        let checker = checker
        let options = ValidationOptions(zipLimits: checker.configuration.zipLimits)
        do {
            let report = try await gate.run {
                switch upload {
                case .zip(let zip): try checker.validate(zip, options: options)
                case .document(let document, let evidence): try checker.validate(document, looseFiles: evidence, options: options)
                }
            }
            return page(reportPage(report))
        } catch let list as DiagnosticList {
            let problems = list.diagnostics.map { "<li>\($0.description.escapingControlCharacters().escapedForMarkup)</li>" }.joined()
            let main =
                PageLayout.errorSummary([("Your request could not be read", "problems")])
                + "<h1>Your request could not be checked</h1>\n<ul id=\"problems\">\(problems)</ul>\n<p><a href=\"/#check-my-request\">Choose another file</a></p>\n"
            return page(("Your request could not be checked", main), status: .unprocessableContent)
        }
    }

    private func reportPage(_ report: BundleReport) -> (title: String, main: String) {
        let errors = report.count(.error)
        var main = "<h1>Your request to \(report.authorityTitle.escapedForMarkup)</h1>\n"
        if report.isValid {
            main +=
                "<div class=\"panel ready\" id=\"verdict\"><h2>Ready to send</h2><p>Nothing in your request needs correcting before it is sent. Read the warnings below: they say what the authority may ask for.</p></div>\n"
        } else {
            main +=
                "<div class=\"panel not-ready\" id=\"verdict\"><h2>Not ready to send</h2><p>\(errors) \(errors == 1 ? "thing needs" : "things need") correcting before the request is sent.</p></div>\n"
        }
        main +=
            "<p>Checked against \(report.rulesets.joined(separator: ", ").escapedForMarkup)\(report.asOf.map { ", as of \($0)" } ?? ""): \(errors) error(s), \(report.count(.warning)) warning(s), \(report.count(.info)) note(s).</p>\n"
        main += "<h2>What ehcp found</h2>\n"
        if report.findings.isEmpty {
            main += "<p>Nothing: every check passed.</p>\n"
        } else {
            main +=
                "<ol class=\"findings\">\n"
                + report.findings.map { finding in
                    var line =
                        "<li class=\"finding \(finding.severity.rawValue)\"><span class=\"tag \(finding.severity.rawValue)\">\(finding.severity.label.escapedForMarkup)</span>"
                    line += "<span class=\"tag \(finding.basis.rawValue)\">\(finding.basis.label.escapedForMarkup)</span>"
                    line += "<span class=\"message\">\(PlainPath.words(finding.message).escapedForMarkup)</span>"
                    if let satisfiedBy = report.rules.first(where: { $0.id == finding.rule })?.satisfiedBy {
                        line += "<span class=\"facts\">Satisfied by \(satisfiedBy.escapedForMarkup)</span>"
                    }
                    var facts: [String] = []
                    if let path = finding.path {
                        let words = PlainPath.words(path)
                        let code = "<code>\(path.escapedForMarkup)</code>"
                        facts.append("Where: " + (words == path ? code : "\(words.escapedForMarkup) (\(code))"))
                    }
                    if let location = finding.location, location.line > 0 { facts.append("line \(location.line)") }
                    facts.append("Rule: <code class=\"rule\">\(finding.rule.escapedForMarkup)</code>")
                    return line + "<span class=\"facts\">\(facts.joined(separator: " · "))</span></li>"
                }.joined(separator: "\n") + "\n</ol>\n"
        }
        if let enclosure = report.enclosure {
            main += "<h2 id=\"enclosed\">What is enclosed</h2>\n" + enclosure.html(showingValues: true)
        }
        main += "<p><a href=\"/#check-my-request\">Check another request</a></p>\n"
        return ("Your request to \(report.authorityTitle)", main)
    }
}
