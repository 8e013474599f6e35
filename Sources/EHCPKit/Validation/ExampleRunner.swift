import EHCPSource

/// Runs an authority's example bundles against their expected findings.
///
/// Each `examples/<case>/` bundle has a `examples/<case>.expected.yaml` listing every finding
/// (`rule`, `path`, `severity`) that validating it must report, no more and no fewer.
public enum ExampleRunner {
    /// A finding as an expectation file lists it.
    public struct Expected: Hashable, Sendable, CustomStringConvertible {
        public var rule: String
        public var path: String?
        public var severity: String?

        public var description: String {
            "\(rule)\(path.map { " at \($0)" } ?? "")\(severity.map { " (\($0))" } ?? "")"
        }
    }

    /// The result of one example.
    public struct Outcome: Sendable {
        public var example: String
        public var missing: [Expected]
        public var unexpected: [Expected]
        public var triggered: Set<String>

        public var passed: Bool { missing.isEmpty && unexpected.isEmpty }
    }

    /// Every example of the authority folder `folder`.
    ///
    /// - Throws: `DiagnosticList` when an example or its expectation cannot be read.
    public static func run(folder: String, rulesets: RuleSetCatalog) throws -> [Outcome] {
        let examples = folder + "/examples"
        var options = ValidationOptions()
        // The baseline's examples name some authority; they test the baseline alone.
        options.localRules = !isBaseline(folder)
        var outcomes: [Outcome] = []
        for name in FileAccess.list(examples) where FileAccess.isDirectory(examples + "/" + name) {
            let expectationFile = examples + "/" + name + ".expected.yaml"
            let expected = try expectations(expectationFile)
            let validator = Validator(rulesets: rulesets, options: options)
            let report = try validator.validate(bundle: examples + "/" + name)
            let actual = Set(report.findings.map { Expected(rule: $0.rule, path: $0.path, severity: $0.severity.rawValue) })
            let wanted = Set(
                expected.map { item in
                    Expected(
                        rule: item.rule, path: item.path, severity: item.severity ?? actual.first { $0.rule == item.rule && $0.path == item.path }?.severity)
                })
            outcomes.append(
                Outcome(
                    example: examples + "/" + name,
                    missing: wanted.subtracting(actual).sorted { $0.description < $1.description },
                    unexpected: actual.subtracting(wanted).sorted { $0.description < $1.description },
                    triggered: Set(report.findings.map(\.rule))))
        }
        return outcomes
    }

    /// True for the statutory baseline's folder: its rule set extends nothing.
    static func isBaseline(_ folder: String) -> Bool {
        guard let bytes = try? FileAccess.read(folder + "/requirements.yaml"), let ruleset = try? RuleSetLoader.load(bytes, file: folder + "/requirements.yaml")
        else { return false }
        return ruleset.extends == nil
    }

    static func expectations(_ file: String) throws -> [Expected] {
        guard FileAccess.exists(file) else {
            throw DiagnosticList([.error("\(file) is missing: every example needs its expected findings")])
        }
        let root = try ConfigFile.root(try FileAccess.read(file), file: file)
        guard let items = root["findings"]?.items ?? (root["findings"]?.scalar.map { _ in [] }) else {
            throw DiagnosticList([.error("expected a 'findings' list", at: root.location)])
        }
        return try items.map { item in
            guard let rule = item["rule"]?.scalar?.value else {
                throw DiagnosticList([.error("each expected finding needs a 'rule'", at: item.location)])
            }
            return Expected(rule: rule, path: item["path"]?.scalar?.value, severity: item["severity"]?.scalar?.value)
        }
    }
}
