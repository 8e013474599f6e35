import EHCPKit
import EHCPSource
import Foundation
import Hummingbird

/// The HTTP API (DESIGN section 8): validation, conversion, authorities and checklists.
struct APIRoutes {
    let checker: Checker
    let gate: CheckGate

    func register(on routes: RouteTable) {
        routes.add(.get, "/healthz") { _, _ in text("ok\n", type: "text/plain; charset=utf-8") }
        routes.add(.post, "/api/v1/validate") { request, _ in try await validate(request) }
        routes.add(.post, "/api/v1/convert") { request, _ in try await convert(request) }
        routes.add(.get, "/api/v1/authorities") { _, _ in json(try checker.authorityList()) }
        routes.add(.get, "/api/v1/authorities/{code}") { _, context in
            json(try checker.authorityDetail(try checker.authority(context.parameters.get("code"))))
        }
        routes.add(.get, "/api/v1/authorities/{code}/checklist") { request, context in
            let entry = try checker.authority(context.parameters.get("code"))
            let format = request.uri.queryParameters.get("format") ?? "json"
            guard let type = Self.checklistTypes[format] else {
                throw Problem.badRequest("format must be one of: \(ChecklistRenderer.formats.joined(separator: ", ")).")
            }
            return text(ChecklistRenderer.render(try Checklist.current(for: entry, rulesets: checker.configuration.rulesets), format: format)!, type: type)
        }
    }

    static let checklistTypes = ["json": "application/json", "html": "text/html; charset=utf-8", "markdown": "text/markdown; charset=utf-8"]

    private func validate(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let format = query.get("format") ?? "json"
        guard let type = Checker.reportTypes[format] else {
            throw Problem.badRequest("format must be one of: \(Checker.reportTypes.keys.sorted().joined(separator: ", ")).")
        }
        let options = try checker.options(authority: query.get("authority"), asOf: query.get("as-of"))
        let bytes = try await Upload.body(of: request, limit: checker.configuration.maxBodyBytes)
        guard !bytes.isEmpty else { throw Problem.badRequest("The body is empty: send a zip bundle or one application document.") }
        let form = try Self.form(bytes, contentType: request.headers[.contentType])
        let body = Upload.file(bytes, contentType: request.headers[.contentType])
        let checker = checker
        let report = try await gate.run {
            let report =
                switch form {
                case nil: try checker.validate(body, options: options)
                case .zip(let file): try checker.validate(file, options: options)
                case .document(let document, let evidence): try checker.validate(document, looseFiles: evidence, options: options)
                }
            return checker.render(report, format: format)
        }
        return text(report, type: type)
    }

    /// A `multipart/form-data` body as the page's form sends it; nil for any other body (a zip
    /// bundle, or a document checked alone).
    private static func form(_ bytes: [UInt8], contentType: String?) throws -> FormUpload? {
        guard let boundary = MultipartForm.boundary(contentType: contentType) else { return nil }
        guard let form = MultipartForm(bytes, boundary: boundary) else {
            throw Problem.badRequest("The multipart/form-data body is not well formed.")
        }
        switch FormUpload.read(form) {
        case .success(let upload): return upload
        case .failure(.noRequest):
            throw Problem.badRequest(
                "The form has no file in its bundle field: send a zip bundle, or the application document with its files in evidence fields.")
        case .failure(.zipWithFiles):
            throw Problem.badRequest(
                "The form has a zip bundle and evidence files: send either the zip alone, or the application document with its evidence files.")
        }
    }

    private func convert(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let formats = checker.formats
        guard let targetID = query.get("to") else { throw Problem.badRequest("to is required: the id of the format to convert to.") }
        guard let target = formats.format(id: targetID) else {
            throw Problem.badRequest("to must be one of: \(formats.ids.joined(separator: ", ")).")
        }
        var source: (any FormatPlugin)?
        if let fromID = query.get("from") {
            guard let from = formats.format(id: fromID) else { throw Problem.badRequest("from must be one of: \(formats.ids.joined(separator: ", ")).") }
            source = from
        }
        let bytes = try await Upload.body(of: request, limit: InputLimits.default.maxDocumentBytes)
        let file = "document." + Upload.documentExtension(bytes, contentType: request.headers[.contentType])
        let known = source
        let output = try await gate.run { () throws -> Converter.Output in
            let from = try known ?? formats.detect(path: file, bytes: bytes)
            return try Converter.convert(bytes, file: file, from: from, to: target)
        }
        let report = Self.conversionReport(output)
        if output.findings.contains(where: { $0.severity == .error }) {
            throw Problem(
                status: .unprocessableContent, title: "The document has errors",
                detail: "Nothing was converted: correct the errors listed, then convert again.",
                problems: Self.lines(output))
        }
        var response = text(output.text, type: Self.mediaType(of: target))
        response.headers[.init("EHCP-Conversion-Report")!] = report
        return response
    }

    /// Findings and what the target could not hold, one line each, by path (never by value).
    static func lines(_ output: Converter.Output) -> [String] {
        output.findings.map { finding in
            "\(finding.location.map { "\($0): " } ?? "")\(finding.severity.rawValue): \(finding.message) [\(finding.rule)]".escapingControlCharacters()
        } + output.loss.entries.map { "not converted: \($0.path) (\($0.kind): \($0.reason))".escapingControlCharacters() }
    }

    /// The conversion's findings and losses as one line of JSON with only ASCII, for a header.
    static func conversionReport(_ output: Converter.Output) -> String {
        let node = OutputNode.mapping([
            (
                "findings",
                .sequence(
                    output.findings.map { finding in
                        .mapping([
                            ("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)), ("path", .string(finding.path ?? "")),
                            ("message", .string(finding.message))
                        ])
                    })
            ),
            (
                "notConverted",
                .sequence(
                    output.loss.entries.map { entry in
                        .mapping([("path", .string(entry.path)), ("kind", .string(entry.kind)), ("reason", .string(entry.reason))])
                    })
            )
        ])
        return JSONWriter.write(node).unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x0A, 0x0D: return ""
            case 0x20..<0x7F: return String(scalar)
            case 0x10000...:  // a surrogate pair, as JSON spells a character beyond the first plane
                let value = scalar.value - 0x10000
                return String(format: "\\u%04x\\u%04x", 0xD800 + (value >> 10), 0xDC00 + (value & 0x3FF))
            default: return String(format: "\\u%04x", scalar.value)
            }
        }.joined()
    }

    static func mediaType(of format: any FormatPlugin) -> String {
        switch format.fileExtension {
        case "json": "application/json"
        case "xml": "application/xml"
        case "yaml", "yml": "application/yaml"
        case "csv": "text/csv; charset=utf-8"
        default: "text/plain; charset=utf-8"
        }
    }
}

/// A response with `body` as UTF-8 text of media type `type`.
func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: body)))
}

func json(_ body: String) -> Response {
    text(body, type: "application/json")
}
