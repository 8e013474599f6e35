import EHCPSource

/// A single-document YAML or JSON stream read in one pass, for a consumer that builds its own
/// model from the events instead of from a ``SourceNode`` tree.
///
/// Every event is checked as ``YAMLReader`` and ``JSONReader`` check the tree they build (depth,
/// node budget, duplicate keys, collection keys, JSON's rules, one document), and the consumer
/// is told which scalars are keys. Documents the one pass does not take on (anchors and aliases,
/// surrogate pairs in JSON) and documents the tree readers refuse make ``read(_:file:json:limits:_:)``
/// return false without saying why: read those with the tree readers, whose errors carry the
/// message and place. A consumer's work on a document that returns false is to be thrown away.
public enum CheckedEventStream {
    /// One checked event. Keys and values are told apart; a collection's end closes the latest start.
    public enum Event {
        case mappingStart
        case sequenceStart
        case end
        case key(Scalar)
        case value(Scalar)
    }

    /// Reads `bytes` (YAML, or JSON when `json`), handing each checked event with its 1-based line
    /// and column to `body`; true when the whole document was read, false when it is to be read
    /// with the tree readers instead.
    public static func read(
        _ bytes: [UInt8], file: String, json: Bool, limits: InputLimits = .default,
        _ body: (Event, _ line: Int, _ column: Int) -> Void
    ) -> Bool {
        guard bytes.count <= limits.maxDocumentBytes else { return false }
        var input = bytes
        if json {
            guard (try? JSONReader.rejectCommentsAndTrailingCommas(bytes, file: file)) != nil,
                let rewritten = try? JSONSurrogates(bytes, file: file), !rewritten.rewritesAny
            else { return false }
            input = rewritten.bytes
        }
        var checker = EventChecker(limits: limits, json: json)
        do {
            try YAMLParser.parse(input, file: file) { event in
                let (line, column) = (event.line, event.column)
                if let checked = try checker.check(event.kind) { body(checked, line, column) }
            }
        } catch {
            return false
        }
        return checker.documents == 1
    }

    /// Thrown inside the pass to stop it: the tree readers say why.
    struct Refused: Error {}

    /// The tree builder's checks without the tree.
    private struct EventChecker {
        private struct Frame {
            var isMapping: Bool
            var awaitingKey: Bool
            var nodeCount = 1
        }

        let limits: InputLimits
        let json: Bool
        private var frames: [Frame] = []
        /// The keys of each open mapping, by depth; kept to be reused.
        private var keys: [SeenKeys] = []
        private var totalNodes = 0
        private(set) var documents = 0

        init(limits: InputLimits, json: Bool) {
            self.limits = limits
            self.json = json
        }

        mutating func check(_ kind: consuming YAMLEvent.Kind) throws(Refused) -> Event? {
            var isMapping = false
            if case .mappingStart = kind { isMapping = true }
            switch consume kind {
            case .streamStart, .streamEnd:
                return nil
            case .documentStart(let explicit):
                documents += 1
                guard documents == 1, !(json && explicit) else { throw Refused() }
                return nil
            case .documentEnd(let explicit):
                guard !(json && explicit) else { throw Refused() }
                return nil
            case .mappingStart(let anchor, let tag, let flow), .sequenceStart(let anchor, let tag, let flow):
                guard anchor == nil, !json || (tag == nil && flow), frames.count < limits.maxDepth,
                    !(frames.last?.awaitingKey ?? false)
                else { throw Refused() }
                if isMapping {
                    let depth = frames.count
                    while keys.count <= depth { keys.append(SeenKeys()) }
                    keys[depth].removeAll()
                }
                frames.append(Frame(isMapping: isMapping, awaitingKey: isMapping))
                return isMapping ? .mappingStart : .sequenceStart
            case .mappingEnd, .sequenceEnd:
                let frame = frames.removeLast()
                try add(count: frame.nodeCount)
                return .end
            case .scalar(let scalar, let anchor, let tag):
                guard anchor == nil else { throw Refused() }
                if json {
                    guard tag == nil,
                        scalar.style == .doubleQuoted
                            || (scalar.style == .plain
                                && (scalar.value == "true" || scalar.value == "false" || scalar.value == "null" || TreeBuilder.isJSONNumber(scalar.value)))
                    else { throw Refused() }
                }
                if let last = frames.indices.last, frames[last].awaitingKey {
                    guard !json || scalar.style == .doubleQuoted, keys[last].insert(scalar.value) else { throw Refused() }
                    frames[last].awaitingKey = false
                    return .key(scalar)
                }
                try add(count: 1)
                return .value(scalar)
            case .alias:
                throw Refused()
            }
        }

        /// Counts a finished node as the tree builder does (a collection with everything in it).
        private mutating func add(count: Int) throws(Refused) {
            totalNodes += count
            guard totalNodes <= limits.maxNodes else { throw Refused() }
            guard let last = frames.indices.last else { return }
            frames[last].nodeCount += count
            if frames[last].isMapping { frames[last].awaitingKey = true }
        }
    }

    /// The keys of one mapping: scanned while few, hashed once there are many.
    private struct SeenKeys {
        private static let scanLimit = 16
        private var list: [String] = []
        private var set: Set<String> = []

        /// Records `key`; false when the mapping has it already.
        mutating func insert(_ key: String) -> Bool {
            if set.isEmpty && list.count < Self.scanLimit {
                guard !list.contains(key) else { return false }
                list.append(key)
                return true
            }
            if set.isEmpty { set = Set(list) }
            return set.insert(key).inserted
        }

        mutating func removeAll() {
            list.removeAll(keepingCapacity: true)
            set.removeAll()
        }
    }
}
