import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
///
/// It shows counts only, never bundle names: a folder may be named after the child.
final class ProgressBar: @unchecked Sendable {
    // `lock` guards `lastDrawn`; draws come from the batch's worker threads.
    private let lock = NSLock()
    private let total: Int
    private let enabled: Bool
    private var lastDrawn = -1

    init(total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.enabled = enabled
    }

    func update(done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard done > lastDrawn else { return }
        lastDrawn = done
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        Terminal.writeRawError("\r[\(bar)] \(done)/\(total) bundles checked")
    }

    func finish() {
        guard enabled else { return }
        Terminal.writeRawError("\r\u{1B}[2K")
    }
}
