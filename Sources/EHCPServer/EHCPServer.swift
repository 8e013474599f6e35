import EHCPKit
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `ehcp serve`: the page for SENCOs and the HTTP API, stateless, over HTTP/1.1.
public struct EHCPServer: Sendable {
    public let configuration: ServerConfiguration
    private let checker: Checker

    /// - Throws: ``DiagnosticList`` when a published format file is invalid.
    public init(configuration: ServerConfiguration) throws {
        self.configuration = configuration
        checker = try Checker(configuration: configuration)
    }

    /// Every route served, as its method and OpenAPI path.
    public var routes: [(method: String, path: String)] {
        makeRouter().table.routes.map { ($0.method.rawValue, $0.path) }
    }

    private func makeRouter() -> (router: Router<BasicRequestContext>, table: RouteTable) {
        let router = Router(context: BasicRequestContext.self)
        // Middleware first: routes take the middleware added before them.
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ProblemMiddleware())
        let table = RouteTable(router: router)
        let gate = CheckGate(limit: configuration.maxConcurrentChecks, timeLimit: configuration.requestTimeLimit)
        APIRoutes(checker: checker, gate: gate).register(on: table)
        PageRoutes(checker: checker, gate: gate).register(on: table)
        return (router, table)
    }

    /// The application, calling `onRunning` with the port once it listens.
    func application(onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        var logger = Logger(label: "ehcp")
        logger.logLevel = .info
        return Application(
            router: makeRouter().router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "ehcp"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then finishes the requests under way and returns.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        TemporaryItems.leaveSignalsToCaller()
        let app = application(onRunning: onRunning)
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: app.logger))
        try await group.run()
    }
}
