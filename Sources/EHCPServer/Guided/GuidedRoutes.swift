import EHCPKit
import EHCPSource
import Foundation
import Hummingbird

/// "Start a request": the guided form, one section a page, built from the canonical schema and the
/// chosen authority's rules. The draft travels in each page's hidden fields and comes back with
/// every post; nothing is kept on the server, and no value typed is logged.
struct GuidedRoutes {
    let checker: Checker
    let gate: CheckGate
    /// The authorities as choices of a list.
    let authorities: String

    func register(on routes: RouteTable) {
        routes.add(.get, "/start") { _, _ in html(GuidedPages.start(authorities: authorities)) }
        routes.add(.post, "/start") { request, _ in try await begin(request) }
        routes.add(.post, GuidedPages.action) { request, _ in try await save(request) }
    }

    private func html(_ page: GuidedPages.Page, status: HTTPResponse.Status = .ok) -> Response {
        text(PageLayout.document(title: page.title, main: page.main), type: "text/html; charset=utf-8", status: status)
    }

    private func form(_ request: Request) async throws -> MultipartForm? {
        let body = try await Upload.body(of: request, limit: checker.configuration.maxBodyBytes)
        return MultipartForm.boundary(contentType: request.headers[.contentType]).flatMap { MultipartForm(body, boundary: $0) }
    }

    /// The first page's answer: a new draft for the authority and requester chosen, or a saved one.
    private func begin(_ request: Request) async throws -> Response {
        func refuse(_ text: String, _ field: String) -> Response {
            html(GuidedPages.start(errors: [(text, field)], authorities: authorities), status: .badRequest)
        }
        guard let posted = try await form(request) else { return refuse("Choose the authority the request will be sent to", "authority") }
        if posted.field("begin") == "saved" {
            guard let saved = posted.part("saved"), !saved.bytes.isEmpty else { return refuse("Choose the draft you saved", "saved") }
            let root: Record
            do {
                let format = try checker.formats.detect(path: "draft." + Upload.documentExtension(saved.bytes, contentType: nil), bytes: saved.bytes)
                root = try format.read(saved.bytes, file: "draft").application.root
            } catch {
                let first = error.diagnostics.first.map { $0.description.escapingControlCharacters() } ?? ""
                return refuse("The draft could not be read: \(first)", "saved")
            }
            let draft = GuidedDraft(root: root)
            guard let form = try guidedForm(draft) else {
                return refuse("The draft does not name an English local authority and who makes the request (authority, requester.role)", "saved")
            }
            return html(page(.about, form: form, draft: draft))
        }
        var errors: [(String, String)] = []
        let entry = posted.field("authority").flatMap { AuthorityCatalog.builtIn.authority($0) }
        if entry == nil { errors.append(("Choose the authority the request will be sent to", "authority")) }
        let requester = posted.field("requester") ?? ""
        if !Vocabulary.requesterRole.contains(requester) { errors.append(("Choose who is making the request", "requester")) }
        guard let entry, errors.isEmpty else {
            return html(GuidedPages.start(errors: errors, authorities: authorities), status: .badRequest)
        }
        let draft = GuidedDraft(authority: entry.code, requester: requester, date: .today)
        return html(page(.about, form: try guidedForm(draft)!, draft: draft))
    }

    /// The form for the draft's authority and requester; nil when the draft names neither.
    private func guidedForm(_ draft: GuidedDraft) throws -> GuidedForm? {
        guard let entry = AuthorityCatalog.builtIn.authority(draft.authority), Vocabulary.requesterRole.contains(draft.requester) else { return nil }
        return try GuidedForm(authority: entry, requester: draft.requester, checker: checker)
    }

    private func page(_ section: GuidedSection, form: GuidedForm, draft: GuidedDraft, values: GuidedValues? = nil, problems: [InputProblem] = [])
        -> GuidedPages.Page
    {
        GuidedPages.section(section, form: form, draft: draft, values: values ?? GuidedValues(draft.root, groups: form.groups(section)), problems: problems)
    }

    /// A page's post: its section saved into the draft (or shown again with what is wrong), then
    /// the page the button asked for, or a download.
    private func save(_ request: Request) async throws -> Response {
        guard let posted = try await form(request), var draft = GuidedDraft(posted: posted), let form = try guidedForm(draft) else {
            let main =
                PageLayout.errorSummary([("This page could not be read", "again")])
                + "<h1>Your answers could not be read</h1>\n<p id=\"again\">The page sent was incomplete or altered. <a href=\"/start\">Start again</a>, or continue from a draft you saved.</p>\n"
            return html(("Your answers could not be read", main), status: .badRequest)
        }
        let action = posted.field("action") ?? "next"
        var values = GuidedValues(
            posted: Dictionary(posted.parts.filter { $0.filename == nil }.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) }) { first, _ in first })
        guard let section = GuidedSection(rawValue: posted.field("section") ?? "") else {
            return try await finish(action, form: form, draft: draft)
        }
        let groups = form.groups(section)
        if section == .evidence {
            // The evidence page is shown again with the files it was given, so none is chosen twice.
            let read = GuidedEvidence.read(posted, values: values, group: groups[0], draft: draft)
            guard read.problems.isEmpty else {
                return html(page(section, form: form, draft: read.draft, values: read.shown, problems: read.problems), status: .badRequest)
            }
            draft = read.draft
        } else {
            let read = values.read(groups, into: draft.root)
            guard read.problems.isEmpty else {
                // Every problem at once: what could not be read, and what the rules find in the rest of the page.
                var problems = read.problems
                if action == "next" {
                    let found = GuidedTarget.problems(
                        try await validate(GuidedDraft(root: read.record, files: draft.files)).findings, section: section, groups: groups)
                    problems += found.filter { problem in !problems.contains { $0.id == problem.id } }
                }
                return html(page(section, form: form, draft: draft, values: values, problems: problems), status: .badRequest)
            }
            draft.root = read.record
        }
        if action == "draft" { return try download(.yaml, form: form, draft: draft) }
        if action.hasPrefix("add:"), let group = groups.first(where: { "add:" + $0.path == action }) {
            values = GuidedValues(draft.root, groups: groups)
            if group.path != "evidence" { values.fields[group.path + ".rows"] = String((values.rows(of: group) ?? 0) + 1) }
            return html(page(section, form: form, draft: draft, values: values))
        }
        if action == "back" { return html(page(section.previous ?? section, form: form, draft: draft)) }
        if action.hasPrefix("goto:"), let target = GuidedSection(rawValue: String(action.dropFirst(5))) {
            return html(page(target, form: form, draft: draft))
        }
        let report = try await validate(draft)
        let blocking = section == .evidence ? [] : GuidedTarget.problems(report.findings, section: section, groups: groups)
        guard blocking.isEmpty else {
            return html(page(section, form: form, draft: draft, problems: blocking), status: .badRequest)
        }
        guard let next = section.next else { return html(GuidedPages.check(form: form, draft: draft, report: report)) }
        return html(page(next, form: form, draft: draft))
    }

    /// A post from the last page: a download, or a step to change.
    private func finish(_ action: String, form: GuidedForm, draft: GuidedDraft) async throws -> Response {
        if action.hasPrefix("goto:"), let target = GuidedSection(rawValue: String(action.dropFirst(5))) {
            return html(page(target, form: form, draft: draft))
        }
        if action.hasPrefix("download:"), let kind = GuidedDownload(rawValue: String(action.dropFirst(9))) {
            return try download(kind, form: form, draft: draft)
        }
        return html(GuidedPages.check(form: form, draft: draft, report: try await validate(draft)))
    }

    /// The whole request checked as `ehcp validate` checks the zip it downloads.
    private func validate(_ draft: GuidedDraft) async throws -> BundleReport {
        let document = BundleFile(name: "application.yaml", bytes: Array(try draft.yaml().utf8))
        let files = draft.bundleFiles
        let checker = checker
        let options = ValidationOptions(zipLimits: checker.configuration.zipLimits)
        return try await gate.run { try checker.validate(document, files: files, options: options) }
    }

    private func download(_ kind: GuidedDownload, form: GuidedForm, draft: GuidedDraft) throws -> Response {
        let file = try kind.file(form: form, draft: draft)
        var response = Response(status: .ok, headers: [.contentType: file.type], body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
        response.headers[.contentDisposition] = "attachment; filename=\"\(file.name)\""
        return response
    }
}
