/// The file in a bundle whose name is closest to one an evidence item lists, for a `FILE-MISSING`
/// message ("the nearest name in the bundle is evidence/isp-2.pdf"): a misspelt file name is the
/// commonest reason a listed file is missing.
enum NearestName {
    /// The candidate nearest to `name` (by edits to its characters, ignoring case), when it is near
    /// enough to be the same name misspelt: at most a quarter of the name's length, and at least 2.
    /// A candidate in another folder is compared by its file name alone (`evidence/isp2.pdf` is
    /// near `isp-2.pdf`), and counts as near only after every candidate near by its whole path.
    static func nearest(to name: String, among candidates: [String]) -> String? {
        nearest(Array(name.lowercased()), among: candidates) { $0 }
            ?? nearest(Array(fileName(name).lowercased()), among: candidates, by: fileName)
    }

    private static func nearest(_ target: [Character], among candidates: [String], by part: (String) -> String) -> String? {
        let allowed = max(2, target.count / 4)
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(part(candidate).lowercased()))
            if distance <= allowed, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    private static func fileName(_ path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
