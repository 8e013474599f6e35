import EHCPKit
import Foundation

/// Where a streamed report goes: standard output as it comes, held back until the end, or an
/// `--output` file written beside its path and put in place only when the report is complete.
final class ReportSink: @unchecked Sendable {
    // Used from one thread at a time: the batch delivers reports one by one, then the caller finishes.
    private let file: AtomicOutputFile?
    private var heldBack: String?
    private var failure: (any Error)?

    /// - Parameter holdBack: keep standard output until ``commit()`` (a progress bar is on the terminal).
    init(output: String?, holdBack: Bool) throws {
        file = try output.map { try AtomicOutputFile(path: $0) }
        heldBack = holdBack && output == nil ? "" : nil
    }

    func write(_ text: String) {
        guard failure == nil, !text.isEmpty else { return }
        if let file {
            do { try file.write(text) } catch { failure = error }
        } else if heldBack != nil {
            heldBack! += text
        } else {
            Terminal.write(text)
        }
    }

    /// Puts the report in place (or prints what was held back).
    ///
    /// - Throws: the first write error, or one renaming the file into place.
    func commit() throws {
        if let failure { throw failure }
        if let heldBack { Terminal.write(heldBack) }
        try file?.commit()
    }

    /// Drops the report: nothing was worth writing.
    func discard() {
        file?.discard()
        heldBack = nil
    }
}
