import EHCPKit
import EHCPTestSupport
import Foundation
import Testing

@testable import EHCPServer

/// "Start a request" over real HTTP: each section checked as it is saved, a whole request made
/// through the pages for Norfolk, and hostile text carried intact.
@Suite(.serialized) struct GuidedFormTests {
    /// Posts `form` with `action` to the form's address; the reply and the form of the page it gives.
    private func post(_ server: TestServer, _ form: FormPage, action: String, to path: String = "/start/form") async throws -> (TestServer.Reply, FormPage) {
        let (body, type) = form.body(action: action)
        let reply = try await server.request("POST", path, body: body, type: type)
        return (reply, FormPage(reply.text))
    }

    /// The first section of a new request to `authority` made by `requester`.
    private func begin(_ server: TestServer, authority: String = "926", requester: String = "setting") async throws -> (TestServer.Reply, FormPage) {
        var start = FormPage("")
        start.set(["authority": authority, "requester": requester, "begin": "new"])
        return try await post(server, start, action: "next", to: "/start")
    }

    private func links(_ html: String) -> [String] {
        let summary = html.components(separatedBy: "class=\"error-summary\"").dropFirst().first?.components(separatedBy: "</div>").first ?? ""
        return FormPage.matches(##"href="#([^"]+)""##, in: summary).map { $0[1] }
    }

    @Test func theStartPageAsksForTheAuthorityAndTheRequester() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let home = try await server.get("/")
        #expect(home.text.contains("href=\"/start\""))
        let start = try await server.get("/start")
        #expect(start.status == 200 && start.text.contains("<label for=\"authority\">") && !start.text.contains("<script"))
        let (empty, _) = try await post(server, FormPage(""), action: "next", to: "/start")
        #expect(empty.status == 400 && links(empty.text) == ["authority", "requester"])
        let (about, form) = try await begin(server)
        #expect(about.status == 200 && about.text.contains("<h1>About the child or young person</h1>"))
        #expect(about.text.contains("What Norfolk asks for here") && form.value("draft") != nil)
        #expect(about.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
        #expect(!about.text.contains("<script") && !about.text.contains("style="))
    }

    @Test func aSectionWithMissingOrUnreadableFieldsIsShownAgainWithTheProblemsLinked() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var (_, about) = try await begin(server)
        let (missing, _) = try await post(server, about, action: "next")
        #expect(missing.status == 400 && missing.text.contains("There is a problem"))
        #expect(Set(links(missing.text)).isSuperset(of: ["child-givenNames", "child-familyName", "child-dateOfBirth"]))
        about.date("child.dateOfBirth", 31, 2, 2017)
        about.set("child.givenNames", "Isla")
        let (impossible, again) = try await post(server, about, action: "next")
        #expect(impossible.status == 400 && links(impossible.text) == ["child-dateOfBirth", "child-familyName"])
        #expect(impossible.text.contains("enter a real date") && again.value("child.givenNames") == "Isla" && again.value("child.dateOfBirth-day") == "31")
        // The section's own codes must come from its lists.
        about.date("child.dateOfBirth", 30, 1, 2017)
        about.set(["child.familyName": "Thornbury", "child.sex": "female"])
        let (badCode, _) = try await post(server, about, action: "next")
        #expect(badCode.status == 400 && links(badCode.text) == ["child-sex"])
        about.set("child.sex", "F")
        let (support, supportForm) = try await post(server, about, action: "next")
        #expect(support.status == 200 && support.text.contains("<h1>The setting&#39;s support"))
        var progress = supportForm
        progress.set("section", "progress")
        progress.set(["attendance.sessionsPossible": "many"])
        let (notANumber, _) = try await post(server, progress, action: "next")
        #expect(notANumber.status == 400 && links(notANumber.text) == ["attendance-sessionsPossible"])
    }

    @Test func aNorfolkRequestMadeOnlyThroughThePagesValidatesClean() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let walk = try GuidedWalkThrough.norfolkSetting()
        #expect(walk.sections.count == 6 && walk.evidence.flatMap { $0 }.count == 8)
        var (_, page) = try await begin(server, authority: walk.authority, requester: walk.requester)
        for section in walk.sections { page = try await save(server, page, section) }
        var check = ""
        for (index, batch) in walk.evidence.enumerated() {
            for (row, document) in batch.enumerated() {
                let prefix = "evidence.\(page.rows("evidence") - 3 + row)"
                page.fill(["\(prefix).type": document.type, "\(prefix).title": document.title, "\(prefix).date": document.date])
                page.files.append(("\(prefix).upload", "Isla Thornbury \(document.type).pdf", Data("%PDF-1.4 \(document.type)\n".utf8)))
            }
            let last = index == walk.evidence.count - 1
            let (reply, next) = try await post(server, page, action: last ? "next" : "add:evidence")
            #expect(reply.status == 200)
            (check, page) = (reply.text, next)
        }
        #expect(check.contains("<h1>Check your request</h1>") && check.contains("Ready to send"))
        #expect(!check.contains("Isla Thornbury ") && check.contains("evidence/need-descriptor.pdf"))

        let (zip, _) = try await post(server, page, action: "download:zip")
        #expect(zip.status == 200 && zip.header("Content-Type") == "application/zip")
        let disposition = zip.header("Content-Disposition") ?? ""
        #expect(disposition == "attachment; filename=\"ehc-request-norfolk.zip\"")
        let folder = try EHCPProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try zip.body.write(to: URL(fileURLWithPath: folder + "/request.zip"))
        let cli = try EHCPProcess.run(["validate", folder + "/request.zip", "--format", "json", "--authorities-dir", RepositoryPaths.localAuthorities])
        #expect(cli.status == 0)
        let findings = (try JSONSerialization.jsonObject(with: Data(cli.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]] ?? []
        let shown = FormPage.matches(#"<code class="rule">([^<]+)</code>"#, in: check).map { $0[1] }.sorted()
        #expect(shown == findings.map { $0["rule"] as? String ?? "" }.sorted())
        #expect(!findings.contains { $0["severity"] as? String == "error" })

        for (action, name) in [
            ("download:yaml", "application.yaml"), ("download:format", "application-norfolk-referral-xml.xml"), ("download:letter", "request-letter.txt")
        ] {
            let (file, _) = try await post(server, page, action: action)
            #expect(file.status == 200 && file.header("Content-Disposition")?.contains(name) == true, "\(action)")
            #expect(!(file.header("Content-Disposition") ?? "").contains("Isla"))
        }
    }

    @Test func hostileTextRoundTripsEscapedAndIntact() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let hostile = [
            "child.givenNames": "<script>alert('x')</script> & \"quoted\"",
            "child.familyName": "Name: with a colon\u{7}and a bell",
            "child.firstLanguage": "=cmd|' /C calc'!A0",
            "requester.name": "- item\n  key: value"
        ]
        var (_, about) = try await begin(server)
        about.set(hostile)
        about.date("child.dateOfBirth", 30, 1, 2017)
        let (reply, next) = try await post(server, about, action: "goto:about")
        #expect(reply.status == 200 && !reply.text.contains("<script>alert") && reply.text.contains("&lt;script&gt;"))
        #expect(reply.text.contains("&#7;"))
        for (name, value) in hostile { #expect(next.value(name) == value, "\(name) as shown again") }
        let (yaml, _) = try await post(server, next, action: "draft")
        #expect(yaml.header("Content-Disposition") == "attachment; filename=\"application.yaml\"")
        let read = try CanonicalYAMLFormat().read([UInt8](yaml.body), file: "application.yaml").application.root
        for (name, value) in hostile { #expect(read.value(at: name)?.text == value, "\(name) in the document") }
    }

    @Test func theRequesterAndTheAuthorityChooseWhatIsAsked() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        let (_, setting) = try await begin(server, requester: "setting")
        #expect(setting.value("requester.urn") != nil && setting.value("requester.organisation") != nil)
        let (parentPage, parent) = try await begin(server, requester: "parent")
        #expect(parent.value("requester.urn") == nil && parent.value("requester.organisation") == nil && parent.value("child.givenNames") != nil)
        #expect(parentPage.text.contains("Your request is valid without anything marked local practice"))
        // Every coded field is a choice list in plain words.
        #expect(parentPage.text.contains("<option value=\"F\">Female</option>"))
        // A field of schema 1.1 is asked only when the authority's published form holds it: Camden's asks ethnicity, Norfolk's does not.
        let (_, camden) = try await begin(server, authority: "camden")
        #expect(camden.value("child.ethnicity") != nil && setting.value("child.ethnicity") == nil)
        // A young person gives their own views, not the child's and parents'.
        var (_, young) = try await begin(server, requester: "young-person")
        young.set("section", "views")
        let (views, _) = try await post(server, young, action: "goto:views")
        #expect(views.text.contains("name=\"views.youngPerson.summary\"") && !views.text.contains("name=\"views.parents.summary\""))
        // What the authority asks for on a page says when an item applies, so advice about a young
        // person over 18 is not read as asked of every request.
        var evidence = setting
        evidence.set("section", "evidence")
        let (evidencePage, _) = try await post(server, evidence, action: "goto:evidence")
        #expect(
            evidencePage.text.contains("(only when the child&#39;s age is at least 18)")
                || evidencePage.text.contains("(only when the child's age is at least 18)"))
    }

    @Test func aParentsRequestReachesTheCheckWithoutTheSettingsPaperwork() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var (_, about) = try await begin(server, requester: "parent")
        about.fill(["child.givenNames": "Sam", "child.familyName": "Carter", "child.dateOfBirth": "4/3/2016", "requester.name": "Alex Carter"])
        let (_, evidence) = try await post(server, about, action: "goto:evidence")
        let (check, _) = try await post(server, evidence, action: "next")
        #expect(check.status == 200 && check.text.contains("<h1>Check your request</h1>"))
        let errors = FormPage.matches(#"<li class="finding error">.*?<code class="rule">([^<]+)</code>"#, in: check.text).map { $0[1] }
        #expect(!errors.contains { $0.hasPrefix("NFK-") })
        #expect(check.text.contains("<li class=\"finding warning\">") && check.text.contains("NFK-SEN-SUPPORT-EVIDENCE"))
    }

    @Test func aDocumentWithoutItsKindIsAskedForAgainWithItsFileKept() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var (_, about) = try await begin(server)
        about.set("section", "evidence")
        var (_, evidence) = try await post(server, about, action: "goto:evidence")
        evidence.set("evidence.1.title", "INDES profile")
        evidence.files.append(("evidence.1.upload", "indes.pdf", Data("%PDF-1.4 INDES\n".utf8)))
        let (again, page) = try await post(server, evidence, action: "next")
        #expect(again.status == 400 && links(again.text) == ["evidence-0-type"])
        #expect(page.value("evidence.0.title") == "INDES profile" && page.value("attached:evidence/document.pdf") != nil)
        var chosen = page
        chosen.set("evidence.0.type", "need-descriptor")
        let (check, _) = try await post(server, chosen, action: "next")
        #expect(check.status == 200 && check.text.contains("<code>evidence/document.pdf</code>") && !check.text.contains("not attached"))
    }

    @Test func aSavedDraftCarriesOnWhereItWasLeft() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var (_, about) = try await begin(server)
        about.fill(["child.givenNames": "Isla Mae", "child.dateOfBirth": "30/1/2017", "child.sex": "F"])
        let (saved, _) = try await post(server, about, action: "draft")
        #expect(saved.status == 200 && saved.header("Content-Type")?.hasPrefix("application/yaml") == true)
        var start = FormPage("")
        start.set("begin", "saved")
        start.files.append(("saved", "draft.yaml", saved.body))
        let (again, form) = try await post(server, start, action: "next", to: "/start")
        #expect(again.status == 200 && form.value("child.givenNames") == "Isla Mae" && form.value("child.dateOfBirth-day") == "30")
        #expect(form.value("child.sex") == "F" && form.value("requester.urn") != nil)
        start.files = [("saved", "draft.yaml", Data("child: [unclosed\n".utf8))]
        let (unreadable, _) = try await post(server, start, action: "next", to: "/start")
        #expect(unreadable.status == 400 && links(unreadable.text) == ["saved"])
    }

    @Test func anAlteredPageIsRefusedAndNothingOutsideTheEvidenceFolderIsCarried() async throws {
        let server = try await TestServer.start()
        defer { Task { await server.stop() } }
        var (_, about) = try await begin(server)
        var altered = about
        altered.set("draft", "not a draft")
        let (refused, _) = try await post(server, altered, action: "next")
        #expect(refused.status == 400 && refused.text.contains("could not be read"))
        about.set("attached:evidence/../../etc/passwd", Data("x".utf8).base64EncodedString())
        let (climbing, _) = try await post(server, about, action: "next")
        #expect(climbing.status == 400 && climbing.text.contains("could not be read"))
    }

    /// Fills in a section and saves it; the next section's form.
    private func save(_ server: TestServer, _ page: FormPage, _ values: [String: String]) async throws -> FormPage {
        var page = page
        page.fill(values)
        let (reply, next) = try await post(server, page, action: "next")
        #expect(reply.status == 200, "\(page.value("section") ?? ""): \(links(reply.text))")
        return next
    }
}

extension FormPage {
    /// How many items of the list the page shows.
    func rows(_ list: String) -> Int { Int(value(list + ".rows") ?? "") ?? 0 }

    /// Types each value into its field: a date (`day/month/year`) into its three boxes.
    mutating func fill(_ values: [String: String]) {
        for (name, value) in values {
            let parts = value.split(separator: "/").compactMap { Int($0) }
            if self.value(name + "-day") != nil, parts.count == 3 {
                date(name, parts[0], parts[1], parts[2])
            } else {
                set(name, value)
            }
        }
    }
}

/// The request typed into the pages by the tests here and by the browser tests:
/// `Tests/Fixtures/guided/norfolk-setting.json`.
struct GuidedWalkThrough {
    var authority: String
    var requester: String
    /// Each section's fields by input name, in page order.
    var sections: [[String: String]]
    /// The documents, attached three at a time as the evidence page offers.
    var evidence: [[(type: String, title: String, date: String)]]

    static func norfolkSetting() throws -> GuidedWalkThrough {
        let data = Data(try RepositoryPaths.text("Tests/Fixtures/guided/norfolk-setting.json").utf8)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        let sections = (object["sections"] as? [[String: Any]] ?? []).map { $0["fields"] as? [String: String] ?? [:] }
        let evidence = (object["evidence"] as? [[[String: String]]] ?? []).map { batch in
            batch.map { (type: $0["type"] ?? "", title: $0["title"] ?? "", date: $0["date"] ?? "") }
        }
        return GuidedWalkThrough(
            authority: object["authority"] as? String ?? "", requester: object["requester"] as? String ?? "",
            sections: sections, evidence: evidence)
    }
}
