import EHCPSource

extension BundleReport {
    /// The report of a bundle that could not be read: no findings, and why, so that every report
    /// format can list it instead of leaving it out.
    public static func unreadable(_ bundle: String, because error: DiagnosticList) -> BundleReport {
        BundleReport(
            bundle: bundle, authority: nil, rulesets: [], asOf: nil, findings: [],
            problems: error.diagnostics.isEmpty ? [.error("the bundle could not be read")] : error.diagnostics)
    }

    /// True when the bundle could not be read; ``problems`` says why.
    public var couldNotBeRead: Bool { !problems.isEmpty }

    /// The report with the bundle's path shown as `label` (`bundle 1`): in its name, in the file of
    /// every location inside it, and at the start of a message that names it. Folder names are
    /// often the child's name.
    public func redacted(as label: String) -> BundleReport {
        func file(_ location: SourceLocation?) -> SourceLocation? {
            guard var location else { return nil }
            location.file = replacingBundle(in: location.file, with: label)
            return location
        }
        var copy = self
        copy.bundle = label
        copy.findings = findings.map { finding in
            var finding = finding
            finding.location = file(finding.location)
            finding.message = replacingBundle(in: finding.message, with: label)
            return finding
        }
        copy.problems = problems.map { problem in
            Diagnostic(problem.severity, replacingBundle(in: problem.message, with: label), at: file(problem.location))
        }
        return copy
    }

    /// `text` with the bundle's path replaced by `label` wherever it stands as a path of its own:
    /// at the start or after a space or quote, and followed by the end, `/`, `:`, a space or a quote.
    private func replacingBundle(in text: String, with label: String) -> String {
        guard !bundle.isEmpty, text.contains(bundle) else { return text }
        let before: Set<Character> = [" ", "'", "\""]
        let after: Set<Character> = ["/", ":", " ", "'", "\""]
        var out = ""
        var rest = text[...]
        while let range = rest.range(of: bundle) {
            let startsPath = range.lowerBound == text.startIndex || before.contains(text[text.index(before: range.lowerBound)])
            let endsPath = range.upperBound == text.endIndex || after.contains(text[range.upperBound])
            out += rest[..<range.lowerBound] + (startsPath && endsPath ? label : bundle)
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
