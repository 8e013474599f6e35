import Dispatch
import Foundation

/// Temporary files and folders that must not outlive the process, even when it is interrupted.
///
/// `defer` removes a zip bundle's folder or an unfinished `--output` file on every normal path
/// out, but SIGINT and SIGTERM end the process without unwinding. The first registration installs
/// handlers for both signals; they run on a dispatch queue (not in signal context, so they may
/// allocate and take locks), remove whatever is still registered, then restore the default action
/// and raise the signal again, so the process still ends as interrupted (exit status 128 + signal).
package enum TemporaryItems {
    /// What is registered, and how interrupts are handled.
    private struct Registry {
        var paths: Set<String> = []
        /// The signal sources, kept alive for the life of the process.
        var sources: [any DispatchSourceSignal] = []
        var signalsLeftToCaller = false
    }

    private static let registry = Locked(Registry())

    private static let installHandlers: Void = {
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { removeAllAndReraise(number) }
            source.resume()
            return source
        }
        registry.withLock { $0.sources = sources }
    }()

    /// Leaves SIGINT and SIGTERM to a long-running caller (a server shutting down gracefully, whose
    /// requests each remove their own items on the way out); call before the first registration.
    package static func leaveSignalsToCaller() {
        registry.withLock { $0.signalsLeftToCaller = true }
    }

    /// Registers `path` for removal if the process is interrupted before ``remove(_:)`` is called.
    package static func register(_ path: String) {
        if registry.withLock({ !$0.signalsLeftToCaller }) { _ = installHandlers }
        registry.withLock { _ = $0.paths.insert(path) }
    }

    /// Forgets `path`: it was removed or renamed into place.
    package static func unregister(_ path: String) {
        registry.withLock { _ = $0.paths.remove(path) }
    }

    /// Waits here, forever, once an interrupt is being handled; call before creating anything
    /// inside a registered folder, so nothing new appears there after it has been removed.
    package static func checkpoint() {
        registry.withLock { _ in }
    }

    /// Removes `path` (file or folder) and forgets it.
    package static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        unregister(path)
    }

    /// Removes everything still registered and ends the process with `status`: for a failure that
    /// cannot be unwound to the top (standard output gone), so no temporary item outlives it.
    package static func removeAllAndExit(_ status: Int32) -> Never {
        registry.withLock { registry in
            for path in registry.paths { try? FileManager.default.removeItem(atPath: path) }
            exit(status)
        }
    }

    private static func removeAllAndReraise(_ number: Int32) {
        // The lock is kept (the body never returns): no new temporary item can be registered while
        // the process ends.
        registry.withLock { registry in
            // Twice: the main thread may create one more item before it stops at ``checkpoint()``.
            for pass in 0..<2 {
                if pass > 0 { usleep(50_000) }
                for path in registry.paths { try? FileManager.default.removeItem(atPath: path) }
            }
            reraise(number)
        }
    }

    /// Ends the process by signal `number`, as it would have ended without a handler.
    private static func reraise(_ number: Int32) -> Never {
        // libdispatch blocks the signal in its threads to receive it through epoll; unblock it here
        // so the raise ends the process with the default action, and exit if it somehow does not.
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        _exit(128 + number)
    }
}
