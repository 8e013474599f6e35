import EHCPSource
import Foundation

/// The published authority folders: `LocalAuthorities/england` plus one folder per authority,
/// each with its rule set and, optionally, its format and metadata.
///
/// The published set is carried inside the binary. A folder on disk (`--authorities-dir`, or a
/// `LocalAuthorities` folder in the working directory) is laid over it: each authority folder found
/// there replaces that authority's published folder whole, and every other authority, england
/// included, is still found. Files of the published set are named `LocalAuthorities/<folder>/<file>`.
public struct RuleSetCatalog: Sendable {
    /// The folder of drafts laid over the published set (`LocalAuthorities` for the published set alone).
    public let directory: String
    /// True when `directory` is a folder on disk; false for the published set alone.
    private let onDisk: Bool
    /// The published files, by path under `LocalAuthorities/`.
    private let published: [String: String]
    /// The published folders, sorted by name: found once, as the published set never changes.
    private let publishedFolders: [Folder]
    /// The label of published files.
    static let publishedDirectory = "LocalAuthorities"

    /// An authority folder: its full path, its name and the authority it stands for, each found once.
    private struct Folder {
        let path: String
        let name: String
        let key: String

        init(path: String) {
            self.path = path
            name = RuleSetCatalog.name(of: path)
            key = RuleSetCatalog.key(name)
        }
    }

    /// The folder `directory` laid over the published set.
    public init(directory: String) {
        self.init(directory: directory, onDisk: true, published: EmbeddedResources.authorityFiles)
    }

    /// The rule sets carried inside the binary alone.
    public static let builtIn = RuleSetCatalog(directory: publishedDirectory, onDisk: false, published: EmbeddedResources.authorityFiles)

    private init(directory: String, onDisk: Bool, published: [String: String]) {
        self.directory = directory
        self.onDisk = onDisk
        self.published = published
        let names = Set(published.keys.map { key in key.utf8.firstIndex(of: UInt8(ascii: "/")).map { String(key[..<$0]) } ?? key }).sorted()
        self.publishedFolders = names.map { Folder(path: Self.publishedDirectory + "/" + $0) }
    }

    /// The folder of drafts the catalog reads from disk; nil for the published set alone.
    public var folderOnDisk: String? { onDisk ? directory : nil }

    /// The authority a folder name stands for: its code (`926-norfolk` → `926`), or the name (`england`).
    private static func key(_ folder: String) -> String {
        folder.split(separator: "-", maxSplits: 1).first.map(String.init) ?? folder
    }

    private var draftFolders: [String] {
        onDisk ? FileAccess.list(directory).filter { FileAccess.isDirectory(directory + "/" + $0) } : []
    }

    /// Every folder: the drafts, then each published folder no draft replaces, sorted by name.
    private func folders() -> [Folder] {
        let drafts = draftFolders.map { Folder(path: directory + "/" + $0) }
        if drafts.isEmpty { return publishedFolders }
        let replaced = Set(drafts.map(\.key))
        let kept = publishedFolders.filter { !replaced.contains($0.key) }
        return (drafts + kept).sorted { $0.name < $1.name }
    }

    /// The last part of a path (`LocalAuthorities/926-norfolk` → `926-norfolk`).
    private static func name(of folder: String) -> String {
        guard let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) else { return folder }
        return String(folder[folder.utf8.index(after: slash)...])
    }

    private func publishedKey(_ file: String) -> String? {
        let prefix = Self.publishedDirectory + "/"
        guard file.hasPrefix(prefix) else { return nil }
        let key = String(file.dropFirst(prefix.count))
        return published[key] != nil ? key : nil
    }

    private func exists(_ file: String) -> Bool {
        if onDisk, file.hasPrefix(directory + "/"), FileAccess.exists(file) { return true }
        return publishedKey(file) != nil
    }

    private func read(_ file: String) throws -> [UInt8] {
        if onDisk, file.hasPrefix(directory + "/"), FileAccess.exists(file) { return try FileAccess.read(file) }
        if let key = publishedKey(file), let text = published[key] { return Array(text.utf8) }
        throw DiagnosticList([.error("\(file): no such file")])
    }

    /// The bytes of a file of the catalog (`<directory>/<folder>/format.yaml`…).
    public func contents(of file: String) throws -> [UInt8] {
        try read(file)
    }

    /// Every published `format.yaml`, by folder name.
    public func formatFiles() -> [String] {
        folders().map { $0.path + "/format.yaml" }.filter(exists)
    }

    /// Every authority folder with an `authority.yaml`, as full paths.
    public func authorityFolders() -> [String] {
        folders().map(\.path).filter { exists($0 + "/authority.yaml") }
    }

    /// The `authority.yaml` of the authority with `code`, if it publishes one.
    public func metadataFile(forCode code: String) -> String? {
        folder(forCode: code).map { $0 + "/authority.yaml" }.flatMap { exists($0) ? $0 : nil }
    }

    /// The `requirements.yaml` of the authority with `code`, if it publishes rules of its own.
    public func requirementsFile(forCode code: String) -> String? {
        folder(forCode: code).map { $0 + "/requirements.yaml" }.flatMap { exists($0) ? $0 : nil }
    }

    /// The published set, with the `LocalAuthorities` folder of the working directory laid over it
    /// when there is one. Never looked up above the working directory or beside the executable.
    public static func forWorkingDirectory() -> RuleSetCatalog {
        FileAccess.isDirectory(publishedDirectory) ? RuleSetCatalog(directory: publishedDirectory) : .builtIn
    }

    /// The catalog holding the authority folder `folder` (its parent directory), laid over the published set.
    public static func containing(folder: String) -> RuleSetCatalog {
        let trimmed = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        guard let slash = trimmed.lastIndex(of: "/") else { return RuleSetCatalog(directory: ".") }
        return RuleSetCatalog(directory: String(trimmed[..<slash]))
    }

    /// The folder of the authority with `code`, if it publishes its own rules.
    public func folder(forCode code: String) -> String? {
        folders().first { $0.key == code }?.path
    }

    /// Rule sets for an authority: its own `requirements.yaml` (or the baseline when it has
    /// none), with every rule set it extends.
    public func rulesets(forCode code: String) throws -> [RuleSet] {
        let own = requirementsFile(forCode: code) ?? baselineFile
        return try resolve([try load(own)])
    }

    /// The statutory baseline's `requirements.yaml`.
    public var baselineFile: String {
        (folders().first { $0.name == "england" }?.path ?? Self.publishedDirectory + "/england") + "/requirements.yaml"
    }

    /// `files` loaded, with the published rule sets they extend loaded first. A file named here is
    /// always read from disk, never taken from the published copy of the same name.
    public func resolve(files: [String]) throws -> [RuleSet] {
        try resolve(try files.map { try RuleSetLoader.load(FileAccess.read($0), file: $0) })
    }

    private func resolve(_ rulesets: [RuleSet]) throws -> [RuleSet] {
        var loaded = rulesets
        var chain: [RuleSet] = []
        var diagnostics: [Diagnostic] = []
        func add(_ ruleset: RuleSet, visiting: [String]) throws {
            guard !chain.contains(where: { $0.id == ruleset.id }) else { return }
            if let parent = ruleset.extends {
                if visiting.contains(parent) {
                    diagnostics.append(
                        .error(
                            "rule set '\(ruleset.id)' extends '\(parent)', which leads back to it: \((visiting + [parent]).joined(separator: " → "))",
                            at: SourceLocation(file: ruleset.file, line: 1)))
                    return
                }
                if let known = loaded.first(where: { $0.id == parent }) {
                    try add(known, visiting: visiting + [ruleset.id])
                } else if let published = try publishedRuleset(parent) {
                    loaded.append(published)
                    try add(published, visiting: visiting + [ruleset.id])
                } else {
                    diagnostics.append(
                        .error(
                            "rule set '\(ruleset.id)' extends '\(parent)', which is not a published rule set", at: SourceLocation(file: ruleset.file, line: 1)))
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
        for folder in folders() {
            let file = folder.path + "/requirements.yaml"
            let name = folder.name
            guard name == id || name.hasSuffix("-" + id), exists(file) else { continue }
            return try load(file)
        }
        return nil
    }

    /// The rule set in `file`. One of the published set is read and checked once per process,
    /// however many authorities' chains include it, as the published files never change.
    private func load(_ file: String) throws -> RuleSet {
        guard !(onDisk && file.hasPrefix(directory + "/") && FileAccess.exists(file)), let key = publishedKey(file) else {
            return try RuleSetLoader.load(read(file), file: file)
        }
        return try Self.loadedPublished.ruleset(key) {
            // The build parsed the published file already; its text is read only if it could not.
            if let parsed = EmbeddedResources.parsedAuthorityFiles[key], let root = CompactSourceNode.decode(parsed, file: file) {
                return try RuleSetLoader.load(root: root, file: file)
            }
            return try RuleSetLoader.load(read(file), file: file)
        }
    }

    private static let loadedPublished = LoadedRuleSets([:])
}

/// Rule sets by the published file they were loaded from, each loaded the first time it is asked for.
private typealias LoadedRuleSets = Locked<[String: RuleSet]>

extension LoadedRuleSets {
    fileprivate func ruleset(_ key: String, load: () throws -> RuleSet) rethrows -> RuleSet {
        try withLock { loaded in
            if let ruleset = loaded[key] { return ruleset }
            let ruleset = try load()
            loaded[key] = ruleset
            return ruleset
        }
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
        let applying = inEffect(chain, asOf: asOf)
        var effective = try combine(chain, applying: applying)
        effective.notices = notices(chain, applying: applying, asOf: asOf)
        return effective
    }

    /// Which rule sets of `chain` are in effect on `asOf` (every one without a date): the only
    /// thing about the date the combined rules depend on, so a run may combine once per answer.
    public static func inEffect(_ chain: [RuleSet], asOf: CalendarDate?) -> [Bool] {
        chain.map { ruleset in
            guard let asOf else { return true }
            return !((ruleset.effectiveFrom.map { asOf < $0 } ?? false) || (ruleset.effectiveTo.map { asOf > $0 } ?? false))
        }
    }

    /// A notice for each rule set of `chain` not in effect on `asOf`.
    public static func notices(_ chain: [RuleSet], applying: [Bool], asOf: CalendarDate?) -> [Finding] {
        zip(chain, applying).compactMap { ruleset, applies in
            guard !applies, let asOf else { return nil }
            return Finding(
                rule: "RULESET-NOT-EFFECTIVE", severity: .info, basis: .format,
                message:
                    "rule set '\(ruleset.id)' is not in effect on \(asOf) (effective \(ruleset.effectiveFrom?.description ?? "…") to \(ruleset.effectiveTo?.description ?? "…")); its rules were not applied",
                ruleSource: SourceLocation(file: ruleset.file, line: 1))
        }
    }

    /// Combines the rule sets of `chain` marked in `applying`, without notices.
    public static func combine(_ chain: [RuleSet], applying: [Bool]) throws -> EffectiveRules {
        var rules: [Rule] = []
        var applied: [String] = []
        var diagnostics: [Diagnostic] = []
        for (ruleset, applies) in zip(chain, applying) where applies {
            applied.append(ruleset.id)
            for rule in ruleset.rules {
                if let index = rules.firstIndex(where: { $0.id == rule.id }) {
                    diagnostics.append(
                        .error("rule id '\(rule.id)' is already defined by rule set '\(rules[index].ruleset)'; use overrides to change it", at: rule.location))
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
        return EffectiveRules(rulesets: applied, rules: rules, notices: [])
    }
}
