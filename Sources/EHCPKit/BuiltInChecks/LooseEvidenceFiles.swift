/// Evidence files given by their names alone, as a browser sends the files a user picks, laid out
/// as a bundle: each is put at the path of the evidence item whose `file:` has the same base name
/// (the document lists `evidence/ep-report.pdf`, the user picks `ep-report.pdf`).
///
/// A base name that could be more than one file — two files picked with it, or two items listing
/// it in different folders — matches nothing: those items are reported as ambiguous rather than
/// guessed at. A file no item names stays in the bundle under its own name, to be reported as
/// not listed.
struct LooseEvidenceFiles: EvidenceFiles {
    /// Bytes by key: a listed path for a matched file, `upload-N/name` for a file no item names.
    private var files: [String: [UInt8]] = [:]
    /// Key and shown name of every file, as ``EvidenceFiles/otherFiles()`` gives them.
    private var shown: [(key: String, relative: String)] = []
    /// Listed paths whose base name could be more than one file.
    private var ambiguous: Set<String> = []

    /// - Parameters:
    ///   - uploads: the files, each named by its file name (any folder part is ignored).
    ///   - listed: the `file:` of every evidence item, as written.
    init(_ uploads: [BundleFile], listed: [String]) {
        let names = uploads.map { Self.baseName($0.name) }
        var uploadsByName: [String: [Int]] = [:]
        for (index, name) in names.enumerated() { uploadsByName[name, default: []].append(index) }
        var listedByName: [String: Set<String>] = [:]
        for path in listed.compactMap(InMemoryEvidenceFiles.normalised) { listedByName[Self.baseName(path), default: []].insert(path) }
        var accounted: Set<Int> = []
        for (name, paths) in listedByName {
            let candidates = uploadsByName[name] ?? []
            accounted.formUnion(candidates)
            if candidates.count == 1, paths.count == 1, let path = paths.first {
                files[path] = uploads[candidates[0]].bytes
                shown.append((path, path))
            } else if !candidates.isEmpty {
                ambiguous.formUnion(paths)
            }
        }
        for (index, name) in names.enumerated() where !accounted.contains(index) {
            let key = "upload-\(index)/\(name)"
            files[key] = uploads[index].bytes
            shown.append((key, name))
        }
        shown.sort { ($0.relative, $0.key) < ($1.relative, $1.key) }
    }

    /// The last part of a name, whichever separator a browser used.
    static func baseName(_ name: String) -> String {
        String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
    }

    func locate(_ relative: String) -> Result<String, BundlePath.Problem> {
        guard !relative.isEmpty, let key = InMemoryEvidenceFiles.normalised(relative) else { return .failure(.notRelative) }
        return .success(key)
    }

    func scan(_ key: String) -> Result<EvidenceScan, EvidenceScan.Failure> {
        if ambiguous.contains(key) { return .failure(.ambiguous) }
        guard let bytes = files[key] else { return .failure(.missing) }
        return .success(.of(bytes))
    }

    func otherFiles() -> [(key: String, relative: String)] {
        shown.filter { !$0.relative.hasPrefix(".") }
    }

    func size(of key: String) -> UInt64? {
        files[key].map { UInt64($0.count) }
    }
}
