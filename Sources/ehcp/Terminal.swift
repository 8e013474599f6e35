import EHCPKit
import EHCPSource
import Foundation

/// Where output goes, and whether it may be coloured.
enum Terminal {
    /// Colour only on a terminal, and never when `NO_COLOR` is set.
    static var colorAllowed: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes to standard error, ending with a newline when `line`; if even that fails, there is
    /// nowhere left to say so.
    static func writeError(_ text: String, line: Bool = true) {
        let ended = !line || text.hasSuffix("\n") ? text : text + "\n"
        try? FileAccess.write(ended, toDescriptor: STDERR_FILENO, named: "standard error")
    }

    /// Writes to standard output; when it cannot be written (a full disk, a closed pipe), says so
    /// on standard error and ends with exit status 2, temporary files removed.
    static func write(_ text: String) {
        do {
            try FileAccess.write(text, toDescriptor: STDOUT_FILENO, named: "standard output")
        } catch {
            _ = fail(error)
            TemporaryItems.removeAllAndExit(ExitCode.couldNotRun.rawValue)
        }
    }

    /// Prints every diagnostic to stderr and returns the could-not-run exit code.
    static func fail(_ error: Error) -> ExitCodeBox {
        if let list = error as? DiagnosticList {
            writeError(list.diagnostics.map { $0.description }.joined(separator: "\n"))
        } else {
            writeError("error: \(error)")
        }
        return ExitCodeBox()
    }
}

import ArgumentParser

/// Marks that the command failed in a way already reported.
struct ExitCodeBox: Error {}

extension ParsableCommand {
    /// Runs `body`, turning thrown diagnostics into messages on stderr and exit code 2.
    func reportingFailures(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            _ = Terminal.fail(error)
            throw ExitCode.couldNotRun
        }
    }
}
