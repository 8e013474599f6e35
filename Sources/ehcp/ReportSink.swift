import EHCPKit
import Foundation

/// Where a streamed report goes: standard output as it comes, held back until the end, or an
/// `--output` file written beside its path and put in place only when the report is complete.
final class ReportSink: Sendable {
    /// The file (nil for standard output), what is held back, and the first write error.
    private struct State {
        var file: AtomicOutputFile?
        var heldBack: String?
        var failure: (any Error)?
    }

    private let state: Locked<State>

    /// - Parameter holdBack: keep standard output until ``commit()`` (a progress bar is on the terminal).
    init(output: String?, holdBack: Bool) throws {
        state = Locked(State(file: try output.map { try AtomicOutputFile(path: $0) }, heldBack: holdBack && output == nil ? "" : nil))
    }

    func write(_ text: String) {
        state.withLock { state in
            guard state.failure == nil, !text.isEmpty else { return }
            if let file = state.file {
                do { try file.write(text) } catch { state.failure = error }
            } else if state.heldBack != nil {
                state.heldBack! += text
            } else {
                Terminal.write(text)
            }
        }
    }

    /// Puts the report in place (or prints what was held back).
    ///
    /// - Throws: the first write error, or one renaming the file into place.
    func commit() throws {
        try state.withLock { state in
            if let failure = state.failure { throw failure }
            if let heldBack = state.heldBack { Terminal.write(heldBack) }
            try state.file?.commit()
        }
    }

    /// Drops the report: nothing was worth writing.
    func discard() {
        state.withLock { state in
            state.file?.discard()
            state.heldBack = nil
        }
    }
}
