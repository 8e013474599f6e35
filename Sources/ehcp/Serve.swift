import ArgumentParser
import Dispatch
import EHCPKit
import EHCPServer
import Foundation

extension EHCPCommand {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the page for SENCOs and parents, and the HTTP API, in a browser.",
            discussion: """
                Listens on loopback unless --host says otherwise. Stateless: nothing a user sends is kept \
                after the response, and no value from a request is logged. Stops, after finishing the \
                requests under way, on SIGTERM or Ctrl-C. The API is described in docs/api.md.

                Examples:
                  ehcp serve                          then open http://127.0.0.1:8080/
                  ehcp serve --host 0.0.0.0 --port 80 for a school's or authority's network
                """)

        @Option(help: "The address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "The port to listen on (0: any free port).")
        var port = 8080

        @Option(help: "How many checks may run at once; more are asked to retry (HTTP 503).")
        var maxConcurrentChecks: Int?

        @OptionGroup var ruleSetOptions: RuleSetOptions

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            if let maxConcurrentChecks, maxConcurrentChecks < 1 { throw ValidationError("--max-concurrent-checks must be 1 or more") }
        }

        func run() throws {
            try reportingFailures {
                var configuration = ServerConfiguration(rulesets: try ruleSetOptions.catalog(), toolVersion: EHCPCommand.configuration.version)
                configuration.host = host
                configuration.port = port
                if let maxConcurrentChecks { configuration.maxConcurrentChecks = maxConcurrentChecks }
                let server = try EHCPServer(configuration: configuration)
                // Dispatch receives SIGTERM and SIGINT for the graceful shutdown only where they are
                // blocked: this thread waits below and must not take them with the default action.
                var signals = sigset_t()
                sigemptyset(&signals)
                sigaddset(&signals, SIGTERM)
                sigaddset(&signals, SIGINT)
                pthread_sigmask(SIG_BLOCK, &signals, nil)
                let finished = DispatchSemaphore(value: 0)
                // How the server ended: written by the serving task before it signals, read after.
                let outcome = Locked<(any Error)?>(nil)
                let shown = host.contains(":") ? "[\(host)]" : host
                Task {
                    do {
                        try await server.run { port in Terminal.writeError("ehcp serve: listening on http://\(shown):\(port)/") }
                    } catch {
                        outcome.withLock { $0 = error }
                    }
                    finished.signal()
                }
                finished.wait()
                if let error = outcome.current { throw error }
            }
        }
    }
}
