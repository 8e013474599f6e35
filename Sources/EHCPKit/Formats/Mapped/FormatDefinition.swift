import EHCPSource

/// An authority's own request format, declared in a `format.yaml` (docs/design.md, Authorities, rule sets and formats): which
/// place in the authority's document holds each canonical field.
public struct FormatDefinition: Sendable {
    /// The document syntax.
    public enum Syntax: String, Sendable, CaseIterable {
        case xml, json, yaml, csv

        /// The file extension written by default.
        public var fileExtension: String { rawValue }
    }

    /// The format id used by `--from` and `--to`.
    public var id: String
    /// The authority whose format this is (3-digit code), implied when a document does not say.
    public var authority: String?
    public var title: String?
    public var syntax: Syntax
    /// XML only: the root element and its namespace.
    public var xmlRoot: String?
    public var xmlNamespace: String?
    /// A source field with a fixed value that marks a document as being in this format;
    /// written on output, required on detection (JSON, YAML and CSV).
    public var marker: Marker?
    /// Single values, in declaration order.
    public var values: [ValueMapping]
    /// Repeated items (needs, evidence…), in declaration order.
    public var lists: [ListMapping]
    /// The `format.yaml` this came from.
    public var file: String

    public struct Marker: Sendable {
        public var path: SourcePath
        public var value: String
        /// A canonical field the marker stands for (`form.name` for a form's own id): read as the
        /// marker value, and written only by the marker, so any other value is lost.
        public var field: String?
    }
}

/// A place in an authority's document: XML steps (`Child/DOB`, `@kind`), dotted keys for JSON
/// and YAML (`child.dob`), or one column name for CSV (which may hold `{n}` inside a list).
public struct SourcePath: Sendable, Hashable, CustomStringConvertible {
    public var steps: [String]
    public let description: String

    init(_ text: String, syntax: FormatDefinition.Syntax) {
        description = text
        switch syntax {
        case .xml: steps = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        case .json, .yaml: steps = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        case .csv: steps = [text]
        }
    }

    /// The CSV column for list item `number` (1-based).
    func numbered(_ number: Int) -> SourcePath {
        var path = self
        path.steps = steps.map { $0.replacingAll("{n}", with: String(number)) }
        return path
    }
}

/// One canonical field held at one place in the authority's document.
public struct ValueMapping: Sendable {
    /// Dotted canonical path; inside a list, relative to the item (`author.role`).
    public var canonicalPath: String
    public var type: FieldType
    public var source: SourcePath
    /// The date layout, when the format does not write ISO dates.
    public var date: DatePattern?
    /// Source value → canonical value.
    public var readMap: [String: String]
    /// Canonical value → source value, for writing.
    public var writeMap: [String: String]
    /// Read but never written (another mapping writes the field, or the format cannot).
    public var readOnly: Bool
    public var location: SourceLocation

    var hasValueMap: Bool { !readMap.isEmpty }
}

/// A canonical list (`needs`, `evidence`…) held as repeated items in the authority's document.
public struct ListMapping: Sendable {
    public var canonicalPath: String
    /// The repeated element (XML) or array (JSON, YAML); nil for CSV's numbered columns.
    public var each: SourcePath?
    /// CSV: how many numbered items the columns hold.
    public var max: Int?
    public var fields: [ValueMapping]
    public var location: SourceLocation
}

extension String {
    /// The text with every `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
