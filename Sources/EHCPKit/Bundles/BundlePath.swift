import Foundation

/// The containment every file of a bundle obeys, its application document and its evidence alike:
/// a path relative to the bundle's root, with no `..`, that stays inside the root once links are
/// resolved.
///
/// A hard link cannot be told apart from the file it links: it is inside the bundle by every
/// measure a program has, so it is read like any other file there.
enum BundlePath {
    /// Why a path is refused.
    enum Problem: Error {
        /// Absolute, empty, with a backslash, or climbing out with `..`.
        case notRelative
        /// Inside by its name, outside once its links are resolved.
        case leadsOut
    }

    /// The path of `relative` under `root`, as given and with its links resolved.
    ///
    /// - Parameter realRoot: `root` with its links resolved (``FileAccess/canonical(_:)``).
    static func resolve(_ relative: String, root: String, realRoot: String) -> Result<(full: String, resolved: String), Problem> {
        let parts = names(relative)
        if relative.hasPrefix("/") || relative.utf8.contains(UInt8(ascii: "\\")) || parts.contains("..") || relative.isEmpty {
            return .failure(.notRelative)
        }
        let full = root + "/" + relative
        let resolved = withoutLinks(parts, under: realRoot) ?? FileAccess.canonical(full)
        guard isInside(resolved, realRoot: realRoot) else { return .failure(.leadsOut) }
        return .success((full, resolved))
    }

    /// The names of `relative` between its `/`s, empty ones kept: split by bytes when it is ASCII
    /// (as every name is in practice), else by characters, as a `/` may carry a combining mark.
    private static func names(_ relative: String) -> [Substring] {
        guard relative.utf8.allSatisfy({ $0 < 0x80 }) else { return relative.split(separator: "/", omittingEmptySubsequences: false) }
        return relative.pieces(separatedBy: UInt8(ascii: "/"))
    }

    /// `realRoot` followed by the names `parts` when that path exists and none of them is a link,
    /// `.` or empty (one `lstat` each): what realpath(3) gives then, without walking the root's
    /// own folders again. Nil otherwise, for realpath(3) to resolve.
    private static func withoutLinks(_ parts: [Substring], under realRoot: String) -> String? {
        var path = realRoot == "/" ? "" : realRoot
        var info = stat()
        for (position, part) in parts.enumerated() {
            guard !part.isEmpty, part != ".", !part.utf8.contains(0) else { return nil }
            path += "/"
            path += part
            guard lstat(path, &info) == 0 else { return nil }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFLNK || (position < parts.count - 1 && kind != S_IFDIR) { return nil }
        }
        return path
    }

    /// True when the canonical path `resolved` lies under the canonical folder `realRoot`.
    static func isInside(_ resolved: String, realRoot: String) -> Bool {
        resolved.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }
}
