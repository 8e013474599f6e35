import EHCPSource

extension RuleSetCatalog {
    /// Every problem in the rule set `file`, as `ehcp validate --rules file` would meet it.
    ///
    /// The file's own problems come first; when it has none (notes aside), its `extends`, `overrides` and
    /// `disable` are resolved against this catalog exactly as validation resolves them, so an
    /// override or disabled id no included rule set defines is reported at its line.
    public func lint(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        let own = RuleSetLoader.lint(bytes, file: file)
        guard !own.contains(where: { $0.severity == .error }) else { return own }
        let resolved = ConfigFile.lint(file: file) { _ = try EffectiveRules.combine(resolve(files: [file]), asOf: nil) }
        return resolved + own
    }
}
