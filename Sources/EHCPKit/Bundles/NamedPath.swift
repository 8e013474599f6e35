/// A file or folder of a bundle as it is read and as it is named to the user.
///
/// A folder or document given on the command line is named as it was given. A zip is unpacked
/// into a private temporary folder, but its files are named as places inside the zip
/// (`bundle.zip/application.yaml`), and a zip held in memory by the name it was given under: each
/// message and location names the file so when it is made, and nothing is rewritten afterwards
/// (docs/design.md, Bundles).
struct NamedPath: Sendable, Equatable {
    /// Where the file is read from.
    var path: String
    /// What every message and location calls it.
    var name: String

    /// A path named as it is.
    init(_ path: String) {
        self.init(path, shownAs: path)
    }

    init(_ path: String, shownAs name: String) {
        self.path = path
        self.name = name
    }

    /// The file or folder `component` (a name, or a relative path) inside this folder.
    func appending(_ component: String) -> NamedPath {
        NamedPath(path + "/" + component, shownAs: name + "/" + component)
    }
}
