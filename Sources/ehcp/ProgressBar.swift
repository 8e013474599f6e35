import EHCPKit
import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal.
///
/// It shows counts only, never bundle names: a folder may be named after the child.
final class ProgressBar: Sendable {
    private let total: Int
    private let enabled: Bool
    /// The count last drawn: draws may come from the batch's worker threads.
    private let lastDrawn = Locked(-1)

    init(total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.enabled = enabled
    }

    func update(done: Int) {
        guard enabled else { return }
        let newer = lastDrawn.withLock { last in
            guard done > last else { return false }
            last = done
            return true
        }
        guard newer else { return }
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
