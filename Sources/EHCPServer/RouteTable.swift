import Hummingbird

/// The server's routes, registered on the router and listed, so the API description can be
/// checked against what is really served.
final class RouteTable {
    // Routes are added while the server is built, before it answers anything.
    private let router: Router<BasicRequestContext>
    private(set) var routes: [(method: HTTPRequest.Method, path: String)] = []

    init(router: Router<BasicRequestContext>) {
        self.router = router
    }

    /// Adds a route; `path` is written as in OpenAPI (`/api/v1/authorities/{code}`).
    func add(
        _ method: HTTPRequest.Method, _ path: String,
        _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response
    ) {
        routes.append((method, path))
        let routerPath = path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
        router.on(RouterPath(routerPath), method: method) { request, context in try await handler(request, context) }
    }
}
