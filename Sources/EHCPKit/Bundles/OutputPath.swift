import EHCPSource
import Foundation

/// Where an output file may go: never over a folder, device, FIFO or socket, never over a file
/// being read, never inside a bundle being read. Every refusal leaves the path as it was.
package enum OutputPath {
    /// Refuses `path` when something other than a regular file or a symbolic link is there.
    ///
    /// A link is not followed: the link itself is what an output replaces.
    /// - Throws: `DiagnosticList` naming what is there.
    package static func refuseIfNotAFile(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0, let kind = PosixFile.kind(of: info.st_mode), info.st_mode & S_IFMT != S_IFLNK else { return }
        throw DiagnosticList([.error("\(path) is \(kind), not a file; nothing was written and it was left as it was")])
    }

    /// Refuses `path` as an output when it names, or lies inside, one of `inputs`.
    ///
    /// - Parameter inputs: what the command reads: files (an output naming the same file, by path
    ///   or by identity, is refused) and folders such as bundles (an output anywhere inside is refused).
    /// - Throws: `DiagnosticList` saying which input it would harm.
    package static func refuse(_ path: String, reading inputs: [String]) throws {
        try refuseIfNotAFile(path)
        let target = location(of: path)
        var outputInfo = stat()
        let outputIsFile = lstat(path, &outputInfo) == 0 && outputInfo.st_mode & S_IFMT == S_IFREG
        for input in inputs {
            var info = stat()
            guard stat(input, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                let folder = FileAccess.canonical(input)
                if target == folder || target.hasPrefix(folder == "/" ? "/" : folder + "/") {
                    throw DiagnosticList([.error("\(path) is inside \(input), which is being read; write it outside that folder (nothing was changed)")])
                }
            } else if target == location(of: input) || (outputIsFile && info.st_dev == outputInfo.st_dev && info.st_ino == outputInfo.st_ino) {
                throw DiagnosticList([.error("\(path) is \(input), which is being read; choose another file so the input is kept")])
            }
        }
    }

    /// The path with its folder's links resolved but its last part kept as it is: the entry that
    /// a rename into place would replace.
    static func location(of path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        let folder = FileAccess.canonical(url.deletingLastPathComponent().path)
        return (folder == "/" ? "" : folder) + "/" + name
    }
}
