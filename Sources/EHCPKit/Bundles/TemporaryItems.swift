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
    private static let lock = NSLock()
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    private static let installHandlers: Void = {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { removeAllAndReraise(number) }
            source.resume()
            sources.append(source)
        }
    }()

    nonisolated(unsafe) private static var signalsLeftToCaller = false

    /// Leaves SIGINT and SIGTERM to a long-running caller (a server shutting down gracefully, whose
    /// requests each remove their own items on the way out); call before the first registration.
    package static func leaveSignalsToCaller() {
        lock.lock()
        signalsLeftToCaller = true
        lock.unlock()
    }

    /// Registers `path` for removal if the process is interrupted before ``remove(_:)`` is called.
    package static func register(_ path: String) {
        lock.lock()
        let installs = !signalsLeftToCaller
        lock.unlock()
        if installs { _ = installHandlers }
        lock.lock()
        paths.insert(path)
        lock.unlock()
    }

    /// Forgets `path`: it was removed or renamed into place.
    package static func unregister(_ path: String) {
        lock.lock()
        paths.remove(path)
        lock.unlock()
    }

    /// Waits here, forever, once an interrupt is being handled; call before creating anything
    /// inside a registered folder, so nothing new appears there after it has been removed.
    package static func checkpoint() {
        lock.lock()
        lock.unlock()
    }

    /// Removes `path` (file or folder) and forgets it.
    package static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
        unregister(path)
    }

    /// Removes everything still registered and ends the process with `status`: for a failure that
    /// cannot be unwound to the top (standard output gone), so no temporary item outlives it.
    package static func removeAllAndExit(_ status: Int32) -> Never {
        lock.lock()
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
        exit(status)
    }

    private static func removeAllAndReraise(_ number: Int32) {
        // The lock is kept: no new temporary item can be registered while the process ends.
        lock.lock()
        // Twice: the main thread may create one more item before it stops at ``checkpoint()``.
        for pass in 0..<2 {
            if pass > 0 { usleep(50_000) }
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
        }
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
