/// Bounds that protect readers from hostile input: every reader enforces them and reports a
/// diagnostic instead of running out of time or memory.
public struct InputLimits: Sendable, Equatable {
    /// Largest document accepted, in bytes.
    public var maxDocumentBytes: Int
    /// Deepest nesting of mappings and sequences (or XML elements).
    public var maxDepth: Int
    /// Most nodes a document may produce once aliases are expanded.
    public var maxNodes: Int

    public init(maxDocumentBytes: Int = 64 << 20, maxDepth: Int = 256, maxNodes: Int = 2_000_000) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The defaults used for application documents and rule sets.
    public static let `default` = InputLimits()
}
