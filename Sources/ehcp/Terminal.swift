import EHCPSource
import Foundation

/// Where output goes, and whether it may be coloured.
enum Terminal {
    /// Colour only on a terminal, and never when `NO_COLOR` is set.
    static var colorAllowed: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
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
    @discardableResult
    func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            _ = Terminal.fail(error)
            throw ExitCode.couldNotRun
        }
    }
}
