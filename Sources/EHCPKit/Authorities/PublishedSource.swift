import EHCPSource

/// How much weight a published source can bear, from the authority's own current page down to an
/// archived copy. Shown beside every rule that rests on it, so a reader knows what to re-check first.
public enum SourceGrade: String, Sendable, CaseIterable {
    /// The authority's own web page, as currently published.
    case currentPage = "current-page"
    /// A document the authority published, carrying its own date.
    case datedDocument = "dated-document"
    /// Someone else's copy or summary: an IASS service, a charity, a forum, a document-sharing site.
    case secondaryCopy = "secondary-copy"
    /// An archived or withdrawn page.
    case archive

    /// The grade in a sentence: "a current web page".
    public var phrase: String {
        switch self {
        case .currentPage: "a current web page"
        case .datedDocument: "a dated document"
        case .secondaryCopy: "a secondary copy"
        case .archive: "an archived page"
        }
    }
}

/// One published source a plugin or rule rests on: where it is, when it was read and how far it can be trusted.
public struct PublishedSource: Sendable, Hashable {
    public var url: String
    /// The day the source was read.
    public var read: CalendarDate?
    public var grade: SourceGrade?
    /// The document's own date, as it states it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var published: String?
    public var title: String?
    /// What the source supports, and anything uncertain about it.
    public var note: String?

    public init(
        url: String, read: CalendarDate? = nil, grade: SourceGrade? = nil, published: String? = nil,
        title: String? = nil, note: String? = nil
    ) {
        self.url = url
        self.read = read
        self.grade = grade
        self.published = published
        self.title = title
        self.note = note
    }

    /// "a secondary copy of a document dated 2018, read 2026-11-23" — what a rule resting on it rests on.
    public var standing: String {
        var parts: [String] = []
        switch (grade, published) {
        case (let grade?, let published?): parts.append("\(grade.phrase) dated \(published)")
        case (let grade?, nil): parts.append(grade.phrase)
        case (nil, let published?): parts.append("a source dated \(published)")
        case (nil, nil): parts.append("an ungraded source")
        }
        if let read { parts.append("read \(read)") }
        return parts.joined(separator: ", ")
    }

    /// `reference` followed by what `source` is ("… (rests on a secondary copy dated 2018, read
    /// 2026-11-23)"); the source's address when there is no reference.
    static func citation(reference: String?, source: PublishedSource?) -> String? {
        guard let reference else { return source.map { "\($0.url) (\($0.standing))" } }
        return source.map { "\(reference) (rests on \($0.standing))" } ?? reference
    }

    static let keys = ["url", "read", "grade", "published", "title", "note"]

    /// True for `YYYY`, `YYYY-MM` or a real `YYYY-MM-DD`.
    static func isPartialDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return false }
        if parts.count == 3 { return CalendarDate(iso: text) != nil }
        if parts.count == 2 { return parts[1].count == 2 && (1...12).contains(Int(parts[1]) ?? 0) }
        return true
    }
}

extension DiagnosticCollector {
    /// A `sources:` entry of an `authority.yaml` or rule set, every mistake reported at its place.
    ///
    /// `requireRead` makes the date read mandatory (authority files); rule sets may leave it to the
    /// authority file.
    mutating func publishedSource(_ node: SourceNode, requireRead: Bool) -> PublishedSource? {
        guard let fields = mapping(node, allowed: PublishedSource.keys, what: "a source") else { return nil }
        guard let url = fields["url"]?.scalar?.value, url.hasPrefix("http://") || url.hasPrefix("https://") else {
            error("a source needs 'url', an http(s) address", at: fields["url"]?.location ?? node.location)
            return nil
        }
        var source = PublishedSource(url: url, title: fields["title"]?.scalar?.value, note: fields["note"]?.scalar?.value)
        if let readNode = fields["read"] {
            source.read = readNode.scalar.flatMap { CalendarDate(iso: $0.value) }
            if source.read == nil { error("'read' should be the date the source was read (YYYY-MM-DD)", at: readNode.location) }
        } else if requireRead {
            error("a source needs 'read', the date it was read (YYYY-MM-DD)", at: node.location)
        }
        if let gradeNode = fields["grade"] {
            source.grade = gradeNode.scalar.flatMap { SourceGrade(rawValue: $0.value) }
            if source.grade == nil {
                error("grade should be one of: \(SourceGrade.allCases.map(\.rawValue).joined(separator: ", "))", at: gradeNode.location)
            }
        }
        if let publishedNode = fields["published"] {
            let text = publishedNode.scalar?.value ?? ""
            if PublishedSource.isPartialDate(text) {
                source.published = text
            } else {
                error("'published' should be the document's own date: YYYY, YYYY-MM or YYYY-MM-DD", at: publishedNode.location)
            }
        }
        return source
    }
}
