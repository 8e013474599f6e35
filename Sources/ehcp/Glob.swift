import Foundation

/// Expands a quoted shell pattern such as `'intake/*.zip'`, as a shell would, for callers (a CI
/// step, a scheduled job) that pass patterns without a shell to expand them.
enum Glob {
    /// The paths matching `pattern`, sorted; `[pattern]` when it holds no wildcard or matches nothing,
    /// so the caller reports the missing path.
    static func expand(_ pattern: String) -> [String] {
        guard pattern.contains(where: { "*?[".contains($0) }), !FileManager.default.fileExists(atPath: pattern) else { return [pattern] }
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [pattern] }
        let paths = (0..<Int(result.gl_pathc)).compactMap { result.gl_pathv[$0].map { String(cString: $0) } }
        return paths.isEmpty ? [pattern] : paths.sorted()
    }
}
