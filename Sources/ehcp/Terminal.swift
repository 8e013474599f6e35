import ArgumentParser
import EHCPKit
import EHCPSource
import Foundation

/// Where output goes, and whether it may be coloured.
enum Terminal {
    /// Colour only on a terminal, and never when `NO_COLOR` is set.
    static var colorAllowed: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes `text` and a line break to stderr, every control character but the line breaks
    /// shown as `\u{1B}`: a message may name a file, key or bundle, and none may drive the terminal.
    static func writeError(_ text: String) {
        let shown = text.escapingControlCharacters(keeping: ["\n"])
        writeRawError(shown.hasSuffix("\n") ? shown : shown + "\n")
    }

    /// Writes `text` to stderr as it is, for ehcp's own control sequences (the progress bar); if
    /// even stderr cannot be written, there is nowhere left to say so.
    static func writeRawError(_ text: String) {
        try? FileAccess.write(text, toDescriptor: STDERR_FILENO, named: "standard error")
    }

    /// Writes to standard output; when it cannot be written (a full disk, a closed pipe), says so
    /// on standard error and ends with exit status 2, temporary files removed.
    static func write(_ text: String) {
        do {
            try FileAccess.write(text, toDescriptor: STDOUT_FILENO, named: "standard output")
        } catch {
            fail(error)
            TemporaryItems.removeAllAndExit(ExitCode.couldNotRun.rawValue)
        }
    }

    /// Prints every diagnostic of `error` (a ``DiagnosticList``, as every failure a user can act
    /// on is) to stderr; the caller ends with the could-not-run exit code.
    static func fail(_ error: any Error) {
        // Each diagnostic on one line: a line break inside one is shown, so none can forge another.
        writeError(DiagnosticList(describing: error).diagnostics.map { $0.description.escapingControlCharacters() }.joined(separator: "\n"))
    }
}

extension ParsableCommand {
    /// Runs `body`, turning thrown diagnostics into messages on stderr and exit code 2.
    @discardableResult
    func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Terminal.fail(error)
            throw ExitCode.couldNotRun
        }
    }
}
