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
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        if relative.hasPrefix("/") || relative.utf8.contains(UInt8(ascii: "\\")) || parts.contains("..") || relative.isEmpty {
            return .failure(.notRelative)
        }
        let full = root + "/" + relative
        let resolved = FileAccess.canonical(full)
        guard isInside(resolved, realRoot: realRoot) else { return .failure(.leadsOut) }
        return .success((full, resolved))
    }

    /// True when the canonical path `resolved` lies under the canonical folder `realRoot`.
    static func isInside(_ resolved: String, realRoot: String) -> Bool {
        resolved.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }
}
