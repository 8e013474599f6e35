import EHCPSource

/// Finds the application document of a bundle directory.
public enum BundleLocator {
    /// The canonical document names a bundle may hold at its root.
    public static let documentNames = ["application.yaml", "application.yml", "application.json", "application.xml"]

    /// Extensions of files that may be a document in an authority's own format.
    static let authorityDocumentExtensions = [".xml", ".json", ".yaml", ".yml", ".csv"]

    /// A bundle's document, with the format that recognised it when it is in an authority's own
    /// format (nil for a canonical `application.*` or a document named directly).
    public struct Located {
        public var path: String
        /// What messages and locations call the document (a place inside a zip): ``NamedPath``.
        var name: String
        public var format: (any FormatPlugin)?
        /// The document as parsed to recognise its format, so that it is not parsed again to be read.
        var parsed: SourceDocument?
    }

    /// The document path for `path`: the file itself, or the one application document in a
    /// directory — a canonical `application.*`, or else the one root file that an authority format
    /// in `formats` recognises.
    public static func document(in path: String, formats: FormatRegistry? = nil) throws -> String {
        try locate(in: path) { formats }.path
    }

    /// ``document(in:formats:)`` with the recognising format; `formats` is asked for only when the
    /// folder holds no canonical document, so canonical bundles never load authority formats.
    public static func locate(in path: String, formats: () throws -> FormatRegistry?) throws -> Located {
        try locate(in: NamedPath(path), formats: formats)
    }

    /// ``locate(in:formats:)`` for a folder (or document) named otherwise than by its path: every
    /// message, and the places in a document parsed to recognise its format, use its name.
    static func locate(in folder: NamedPath, formats: () throws -> FormatRegistry?) throws -> Located {
        guard FileAccess.isDirectory(folder.path) else { return Located(path: folder.path, name: folder.name) }
        let present = documentNames.filter { FileAccess.exists(folder.path + "/" + $0) }
        if present.isEmpty, let formats = try formats() {
            let recognised = authorityDocuments(in: folder, formats: formats)
            if recognised.count == 1 {
                let document = try contained(folder.appending(recognised[0].name), in: folder)
                return Located(path: document.path, name: document.name, format: recognised[0].format, parsed: recognised[0].parsed)
            }
            if recognised.count > 1 {
                let names = recognised.map(\.name)
                throw DiagnosticList([
                    .error(
                        "\(folder.name): the bundle holds \(names.count) documents in an authority's format (\(names.joined(separator: ", "))); exactly one is expected",
                        at: nil)
                ])
            }
        }
        guard present.count == 1 else {
            let problem =
                present.isEmpty
                ? "holds no application document (expected one of \(documentNames.joined(separator: ", ")), or one file in an authority's own format); start one with 'ehcp init \(folder.name) --authority CODE'"
                : "holds \(present.count) application documents (\(present.joined(separator: ", "))); exactly one is expected"
            throw DiagnosticList([.error("\(folder.name): the bundle \(problem)", at: nil)])
        }
        let document = try contained(folder.appending(present[0]), in: folder)
        return Located(path: document.path, name: document.name)
    }

    /// `document`, refused when a link takes it outside `bundle`: the document obeys the same
    /// containment as evidence, so a link cannot make ehcp read (and report on) a file elsewhere.
    private static func contained(_ document: NamedPath, in bundle: NamedPath) throws(DiagnosticList) -> NamedPath {
        guard BundlePath.isInside(FileAccess.canonical(document.path), realRoot: FileAccess.canonical(bundle.path)) else {
            throw .error("\(document.name) leads outside the bundle through a link; it was not read")
        }
        return document
    }

    /// Root files of `folder` that an authority format recognises, each with its format (nil when
    /// several recognise it, left for detection to report) and the document as parsed, its places
    /// named by the folder's name.
    static func authorityDocuments(in folder: NamedPath, formats: FormatRegistry) -> [(name: String, format: (any FormatPlugin)?, parsed: SourceDocument?)] {
        FileAccess.list(folder.path).compactMap { name in
            let lowered = name.lowercased()
            let file = folder.appending(name)
            guard authorityDocumentExtensions.contains(where: lowered.hasSuffix), !FileAccess.isDirectory(file.path),
                (try? contained(file, in: folder)) != nil,
                let bytes = try? FileAccess.readDocument(file),
                let recognising = try? formats.authorityFormatsParsed(recognising: bytes, path: file.name), !recognising.formats.isEmpty
            else { return nil }
            return (name, recognising.formats.count == 1 ? recognising.formats[0] : nil, recognising.parsed)
        }
    }

    /// True when `folder` holds a document of its own (so it is a bundle, not a folder of them).
    public static func isBundle(_ folder: String, formats: FormatRegistry?) -> Bool {
        holdsCanonicalDocument(folder)
            || (formats.map { !authorityDocuments(in: NamedPath(folder), formats: $0).isEmpty } ?? false)
    }

    /// True when `folder` holds a canonical `application.*` at its root.
    public static func holdsCanonicalDocument(_ folder: String) -> Bool {
        documentNames.contains { FileAccess.exists(folder + "/" + $0) }
    }

    /// The bundles named by `path`: the path itself when it is a bundle (or a document or zip),
    /// or else, for a folder of bundles, every sub-folder holding an application document (or, with
    /// `formats`, a document in an authority's format) and every `.zip` in it, sorted by name.
    public static func expand(_ path: String) -> [String] {
        expand(path, formats: nil)
    }

    /// ``expand(_:)``, also counting as bundles the folders holding a document in a format of `formats`.
    public static func expand(_ path: String, formats: FormatRegistry?) -> [String] {
        guard FileAccess.isDirectory(path), !isBundle(path, formats: formats) else {
            return [path]
        }
        let base = path.hasSuffix("/") ? String(path.dropLast()) : path
        let bundles = FileAccess.list(path).map { base + "/" + $0 }.filter { child in
            child.lowercased().hasSuffix(".zip") || (FileAccess.isDirectory(child) && isBundle(child, formats: formats))
        }
        return bundles.isEmpty ? [path] : bundles
    }
}
