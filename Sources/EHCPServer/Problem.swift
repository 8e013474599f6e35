import EHCPKit
import EHCPSource
import Hummingbird

/// An error answered as RFC 9457 problem details (`application/problem+json`).
struct Problem: Error {
    var status: HTTPResponse.Status
    var title: String
    var detail: String
    /// Each problem with the upload, by position and kind (never a value from it).
    var problems: [String] = []
    var headers: HTTPFields = [:]

    /// The problem as its JSON document.
    var json: String {
        var fields: [(String, OutputNode)] = [
            ("type", .string("about:blank")), ("title", .string(title)), ("status", .number(String(status.code))), ("detail", .string(detail))
        ]
        if !problems.isEmpty { fields.append(("problems", .sequence(problems.map { .string($0) }))) }
        return JSONWriter.write(.mapping(fields))
    }

    var response: Response {
        var headers = headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static func badRequest(_ detail: String) -> Problem {
        Problem(status: .badRequest, title: "Bad request", detail: detail)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, title: "Not found", detail: detail)
    }

    /// An upload that could not be read: each diagnostic without the private folder it was read from.
    static func unreadable(_ list: DiagnosticList) -> Problem {
        Problem(
            status: .unprocessableContent, title: "The upload could not be read",
            detail: "The bundle or document could not be read; nothing was kept.",
            problems: list.diagnostics.map { $0.description.escapingControlCharacters() })
    }
}

/// Turns every error into problem details, so no failure reaches a client as bare text or HTML.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response
        } catch let error as any HTTPResponseError {
            let title = error.status == .contentTooLarge ? "Upload too large" : error.status.reasonPhrase
            let detail =
                error.status == .notFound
                ? "There is nothing at this address."
                : error.status == .contentTooLarge
                    ? "The upload is larger than this server accepts." : "The request could not be answered."
            return Problem(status: error.status, title: title, detail: detail).response
        } catch let list as DiagnosticList {
            return Problem.unreadable(list).response
        } catch {
            return Problem(status: .internalServerError, title: "Internal error", detail: "The request could not be answered.").response
        }
    }
}
