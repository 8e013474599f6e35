/// The list of what is enclosed with a request: each evidence item the document lists, whether its
/// file is in the bundle, and the bundle's files that no item lists — the list a SENCO checks
/// before sending.
///
/// Its `file` and `date` are values of the document: reports show them only where personal
/// values may be shown (`--show-personal-data`, or the page a user's own upload is shown on).
public struct Enclosure: Sendable, Equatable {
    /// One evidence item, as the document lists it.
    public struct Item: Sendable, Equatable {
        /// Its position in the document's `evidence` list, from 0.
        public var index: Int
        /// Its `type`, as written.
        public var type: String?
        /// Its `file`, as written.
        public var file: String?
        /// True when the file it names is in the bundle.
        public var found: Bool
        /// Its `date`, as written.
        public var date: String?

        /// The type in plain words ("an Educational Psychology report"); a type the vocabulary does
        /// not know is not repeated (it is a value of the document).
        public var typeLabel: String {
            guard let type else { return "no type given" }
            return Vocabulary.evidenceType.label(type) ?? "a type ehcp does not know"
        }
    }

    public var items: [Item]
    /// The bundle's files, other than the document, that no item lists, by their names in the bundle.
    public var unlisted: [String]

    /// What `application` lists and what `files` holds.
    static func of(_ application: Application, files: any EvidenceFiles) -> Enclosure {
        var referenced: Set<String> = []
        let items = application.evidence.enumerated().map { index, record in
            let file = record["file"]?.text
            var found = false
            if let file, case .success(let key) = files.locate(file) {
                referenced.insert(key)
                found = files.size(of: key) != nil
            }
            return Item(index: index, type: record["type"]?.text, file: file, found: found, date: record["date"].flatMap { $0.date?.description ?? $0.text })
        }
        return Enclosure(items: items, unlisted: files.otherFiles().filter { !referenced.contains($0.key) }.map(\.relative))
    }
}
