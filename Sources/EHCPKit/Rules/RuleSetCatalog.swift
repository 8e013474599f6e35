import EHCPSource

/// The published authority folders: `LocalAuthorities/england` plus one folder per authority,
/// each with its rule set and, optionally, its format and metadata.
public struct RuleSetCatalog: Sendable {
    /// The `LocalAuthorities` folder (a label only, for the embedded copy).
    public let directory: String
    /// File texts by path under `directory`, when the catalog is the copy carried in the binary.
    private let embedded: [String: String]?

    public init(directory: String) {
        self.directory = directory
        self.embedded = nil
    }

    /// The folder the catalog reads from disk; nil for the copy carried in the binary.
    public var folderOnDisk: String? { embedded == nil ? directory : nil }

    /// The rule sets carried inside the binary, for when no `LocalAuthorities` folder is at hand.
    public static let builtIn = RuleSetCatalog(embedded: EmbeddedResources.authorityFiles)

    private init(embedded: [String: String]) {
        self.directory = "LocalAuthorities"
        self.embedded = embedded
    }

    private func list(_ folder: String) -> [String] {
        guard let embedded else { return FileAccess.list(folder) }
        let prefix = folder == directory ? "" : String(folder.dropFirst(directory.count + 1)) + "/"
        return Set(embedded.keys.filter { $0.hasPrefix(prefix) }.compactMap { $0.dropFirst(prefix.count).split(separator: "/").first.map(String.init) }).sorted()
    }

    private func exists(_ file: String) -> Bool {
        guard let embedded else { return FileAccess.exists(file) }
        return embedded[String(file.dropFirst(directory.count + 1))] != nil
    }

    private func read(_ file: String) throws -> [UInt8] {
        guard let embedded else { return try FileAccess.read(file) }
        guard let text = embedded[String(file.dropFirst(directory.count + 1))] else {
            throw DiagnosticList([.error("\(file): no such file")])
        }
        return Array(text.utf8)
    }

    /// The bytes of a file of the catalog (`<directory>/<folder>/format.yaml`…).
    public func contents(of file: String) throws -> [UInt8] {
        try read(file)
    }

    /// Every published `format.yaml`, by folder name.
    public func formatFiles() -> [String] {
        list(directory).map { directory + "/" + $0 + "/format.yaml" }.filter(exists)
    }

    /// The `authority.yaml` of the authority with `code`, if it publishes one.
    public func metadataFile(forCode code: String) -> String? {
        folder(forCode: code).map { $0 + "/authority.yaml" }.flatMap { exists($0) ? $0 : nil }
    }

    /// The `LocalAuthorities` folder beside the working directory or above the executable.
    public static func locate(executable: String) -> RuleSetCatalog? {
        var candidates = [FileAccess.currentDirectory]
        var folder = executable
        for _ in 0..<5 {
            folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
            candidates.append(folder)
        }
        for candidate in candidates where FileAccess.exists(candidate + "/LocalAuthorities/england/requirements.yaml") {
            // Beside the working directory, paths stay relative, as findings' ruleSource shows them.
            return RuleSetCatalog(directory: candidate == FileAccess.currentDirectory ? "LocalAuthorities" : candidate + "/LocalAuthorities")
        }
        return nil
    }

    /// The catalog holding the authority folder `folder` (its parent directory).
    public static func containing(folder: String) -> RuleSetCatalog {
        let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let slash = trimmed.lastIndex(of: "/") else { return RuleSetCatalog(directory: ".") }
        return RuleSetCatalog(directory: String(trimmed[..<slash]))
    }

    /// The folder of the authority with `code`, if it publishes its own rules.
    public func folder(forCode code: String) -> String? {
        list(directory).first { $0.hasPrefix(code + "-") }.map { directory + "/" + $0 }
    }

    /// Rule sets for an authority: its own `requirements.yaml` (or the baseline when it has
    /// none), with every rule set it extends.
    public func rulesets(forCode code: String) throws -> [RuleSet] {
        let file = folder(forCode: code).map { $0 + "/requirements.yaml" }
        return try resolve(files: [file.flatMap { exists($0) ? $0 : nil } ?? directory + "/england/requirements.yaml"])
    }

    /// `files` loaded, with the published rule sets they extend loaded first.
    public func resolve(files: [String]) throws -> [RuleSet] {
        var loaded: [RuleSet] = []
        for file in files {
            loaded.append(try RuleSetLoader.load(exists(file) ? read(file) : FileAccess.read(file), file: file))
        }
        var chain: [RuleSet] = []
        var diagnostics: [Diagnostic] = []
        func add(_ ruleset: RuleSet, visiting: [String]) throws {
            guard !chain.contains(where: { $0.id == ruleset.id }) else { return }
            if let parent = ruleset.extends {
                if visiting.contains(parent) {
                    diagnostics.append(.error("rule set '\(ruleset.id)' extends '\(parent)', which leads back to it: \((visiting + [parent]).joined(separator: " → "))", at: SourceLocation(file: ruleset.file, line: 1)))
                    return
                }
                if let known = loaded.first(where: { $0.id == parent }) {
                    try add(known, visiting: visiting + [ruleset.id])
                } else if let published = try publishedRuleset(parent) {
                    loaded.append(published)
                    try add(published, visiting: visiting + [ruleset.id])
                } else {
                    diagnostics.append(.error("rule set '\(ruleset.id)' extends '\(parent)', which is not a published rule set", at: SourceLocation(file: ruleset.file, line: 1)))
                    return
                }
            }
            chain.append(ruleset)
        }
        for ruleset in loaded { try add(ruleset, visiting: []) }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return chain
    }

    private func publishedRuleset(_ id: String) throws -> RuleSet? {
        for folder in list(directory) {
            let file = directory + "/" + folder + "/requirements.yaml"
            guard folder == id || folder.hasSuffix("-" + id), exists(file) else { continue }
            return try RuleSetLoader.load(read(file), file: file)
        }
        return nil
    }
}

/// The rules that apply, after `extends`, `overrides`, `disable` and effective dates.
public struct EffectiveRules: Sendable {
    public var rulesets: [String]
    public var rules: [Rule]
    /// Notices about rule sets not applied on the date.
    public var notices: [Finding]

    /// Combines `chain` (parents first) for an application dated `asOf`.
    public static func combine(_ chain: [RuleSet], asOf: CalendarDate?) throws -> EffectiveRules {
        var rules: [Rule] = []
        var notices: [Finding] = []
        var applied: [String] = []
        var diagnostics: [Diagnostic] = []
        for ruleset in chain {
            if let asOf, (ruleset.effectiveFrom.map { asOf < $0 } ?? false) || (ruleset.effectiveTo.map { asOf > $0 } ?? false) {
                notices.append(Finding(rule: "RULESET-NOT-EFFECTIVE", severity: .info, basis: .format,
                    message: "rule set '\(ruleset.id)' is not in effect on \(asOf) (effective \(ruleset.effectiveFrom?.description ?? "…") to \(ruleset.effectiveTo?.description ?? "…")); its rules were not applied",
                    ruleSource: SourceLocation(file: ruleset.file, line: 1)))
                continue
            }
            applied.append(ruleset.id)
            for rule in ruleset.rules {
                if let index = rules.firstIndex(where: { $0.id == rule.id }) {
                    diagnostics.append(.error("rule id '\(rule.id)' is already defined by rule set '\(rules[index].ruleset)'; use overrides to change it", at: rule.location))
                } else {
                    rules.append(rule)
                }
            }
            for (id, change) in ruleset.overrides {
                guard let index = rules.firstIndex(where: { $0.id == id }) else {
                    diagnostics.append(.error("overrides names rule '\(id)', which no included rule set defines", at: change.location))
                    continue
                }
                if let severity = change.severity { rules[index].severity = severity }
                if let basis = change.basis { rules[index].basis = basis }
                if let message = change.message { rules[index].message = message }
            }
            for (id, location) in ruleset.disable {
                guard let index = rules.firstIndex(where: { $0.id == id }) else {
                    diagnostics.append(.error("disable names rule '\(id)', which no included rule set defines", at: location))
                    continue
                }
                rules.remove(at: index)
            }
        }
        if !diagnostics.isEmpty { throw DiagnosticList(diagnostics) }
        return EffectiveRules(rulesets: applied, rules: rules, notices: notices)
    }
}
