import Foundation

extension EHCPProcess {
    /// Runs `ehcp` under a file-size limit of `blocks` 512-byte blocks, with SIGXFSZ ignored, so a
    /// write past the limit fails with EFBIG as a full disk would, instead of ending the process.
    public static func runWithFileSizeLimit(blocks: Int, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        try run(["-c", "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\"", binary] + arguments, environment: environment, executable: "/bin/sh")
    }
}
