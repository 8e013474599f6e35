import EHCPSource

/// Reads YAML into ``SourceNode`` trees with a location on every node.
///
/// On top of libyaml this adds what libyaml leaves out: duplicate keys are refused, an alias must
/// name an anchor defined before it, alias expansion counts against a node budget (so an alias
/// bomb is refused in microseconds), and nesting depth is bounded. Scalars are never coerced.
public enum YAMLReader {
    /// Every document of a YAML stream.
    public static func documents(
        _ bytes: some Collection<UInt8>, file: String, limits: InputLimits = .default
    ) throws(YAMLError) -> [SourceNode] {
        try build(bytes, file: file, limits: limits, json: false)
    }

    /// The single document of a YAML file; an empty file is an error, and so is a second document.
    public static func document(
        _ bytes: some Collection<UInt8>, file: String, limits: InputLimits = .default
    ) throws(YAMLError) -> SourceNode {
        let documents = try documents(bytes, file: file, limits: limits)
        return try single(documents, file: file)
    }

    static func single(_ documents: [SourceNode], file: String) throws(YAMLError) -> SourceNode {
        guard let first = documents.first else {
            throw YAMLError(.structure, "the file holds no document", at: SourceLocation(file: file, line: 1, column: 1))
        }
        if documents.count > 1 {
            throw YAMLError(
                .structure, "the file holds \(documents.count) documents; exactly one is expected",
                at: documents[1].location)
        }
        return first
    }

    static func build(
        _ bytes: some Collection<UInt8>, file: String, limits: InputLimits, json: Bool
    ) throws(YAMLError) -> [SourceNode] {
        guard bytes.count <= limits.maxDocumentBytes else {
            throw YAMLError(
                .limit, "the document is \(bytes.count) bytes, more than the limit of \(limits.maxDocumentBytes)",
                at: SourceLocation(file: file, line: 1, column: 1))
        }
        let builder = TreeBuilder(file: file, limits: limits, json: json)
        do {
            try YAMLParser.parse(bytes, file: file) { event in try builder.consume(event) }
        } catch let error as YAMLError {
            throw error
        } catch {
            throw YAMLError(.library, "\(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
        return builder.documents
    }
}

/// Turns a stream of events into trees. Frames are classes so appending a child never copies the
/// parent's array.
final class TreeBuilder {
    // The builder and its frames are only ever used from one parse on one thread, so the
    // run-time exclusivity checks on their properties (a tenth of the reader's time) are off.
    private final class Frame {
        let isMapping: Bool
        let location: SourceLocation
        let tag: String?
        let anchor: String?
        @exclusivity(unchecked) var items: [SourceNode] = []
        @exclusivity(unchecked) var entries: [SourceNode.Entry] = []
        /// The keys so far, kept only once a mapping is large enough for hashing to beat a scan.
        @exclusivity(unchecked) var keys: Set<String> = []
        @exclusivity(unchecked) var pendingKey: (String, SourceLocation)?
        @exclusivity(unchecked) var nodeCount = 1

        init(isMapping: Bool, location: SourceLocation, tag: String?, anchor: String?) {
            self.isMapping = isMapping
            self.location = location
            self.tag = tag
            self.anchor = anchor
        }

        private static let scanLimit = 16

        /// Records `key` (counting the pending one), or returns false when the mapping has it already.
        func insertKey(_ key: String) -> Bool {
            if entries.count < Self.scanLimit {
                return !entries.contains { $0.key == key }
            }
            if keys.isEmpty { keys = Set(entries.lazy.map(\.key)) }
            return keys.insert(key).inserted
        }
    }

    private let file: String
    private let limits: InputLimits
    private let json: Bool
    @exclusivity(unchecked) private var stack: [Frame] = []
    @exclusivity(unchecked) private var anchors: [String: (node: SourceNode, count: Int)] = [:]
    @exclusivity(unchecked) private var totalNodes = 0
    @exclusivity(unchecked) private(set) var documents: [SourceNode] = []

    init(file: String, limits: InputLimits, json: Bool) {
        self.file = file
        self.limits = limits
        self.json = json
    }

    func consume(_ event: YAMLEvent) throws(YAMLError) {
        let location = SourceLocation(file: file, line: event.line, column: event.column)
        switch event.kind {
        case .streamStart, .streamEnd:
            break
        case .documentStart(let explicit):
            if json && (explicit || !documents.isEmpty) {
                throw YAMLError(.json, "JSON holds one value; YAML document markers are not JSON", at: location)
            }
            anchors.removeAll(keepingCapacity: true)
        case .documentEnd(let explicit):
            if json && explicit {
                throw YAMLError(.json, "JSON holds one value; YAML document markers are not JSON", at: location)
            }
        case .mappingStart(let anchor, let tag, let flow), .sequenceStart(let anchor, let tag, let flow):
            if json { try checkJSONCollection(anchor: anchor, tag: tag, flow: flow, at: location) }
            try checkKeyPosition(isScalar: false, at: location)
            guard stack.count < limits.maxDepth else {
                throw YAMLError(.limit, "nesting is deeper than the limit of \(limits.maxDepth) levels", at: location)
            }
            var isMapping = false
            if case .mappingStart = event.kind { isMapping = true }
            stack.append(Frame(isMapping: isMapping, location: location, tag: tag, anchor: anchor))
        case .mappingEnd, .sequenceEnd:
            let frame = stack.removeLast()
            let content: SourceNode.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
            try add(SourceNode(content, location: frame.location, tag: frame.tag), anchor: frame.anchor, count: frame.nodeCount)
        case .scalar(let scalar, let anchor, let tag):
            if json { try checkJSONScalar(scalar, anchor: anchor, tag: tag, at: location) }
            if let frame = stack.last, frame.isMapping, frame.pendingKey == nil {
                guard frame.insertKey(scalar.value) else {
                    throw YAMLError(.structure, "a key given twice in one mapping", at: location)
                }
                if json && scalar.style != .doubleQuoted {
                    throw YAMLError(.json, "a JSON key must be a string in double quotes", at: location)
                }
                frame.pendingKey = (scalar.value, location)
                if let anchor { anchors[anchor] = (SourceNode(.scalar(scalar), location: location, tag: tag), 1) }
                return
            }
            try add(SourceNode(.scalar(scalar), location: location, tag: tag), anchor: anchor, count: 1)
        case .alias(let name):
            if json { throw YAMLError(.json, "aliases (*…) are not JSON", at: location) }
            guard let target = anchors[name] else {
                throw YAMLError(.structure, "an alias names no anchor defined before it", at: location)
            }
            if let frame = stack.last, frame.isMapping, frame.pendingKey == nil {
                guard case .scalar(let scalar) = target.node.content else {
                    throw YAMLError(.structure, "a mapping key must be a single value, not a collection", at: location)
                }
                try consume(YAMLEvent(kind: .scalar(scalar, anchor: nil, tag: target.node.tag), line: event.line, column: event.column))
                return
            }
            var node = target.node
            node.location = location
            try add(node, anchor: nil, count: target.count)
        }
    }

    private func checkKeyPosition(isScalar: Bool, at location: SourceLocation) throws(YAMLError) {
        if !isScalar, let frame = stack.last, frame.isMapping, frame.pendingKey == nil {
            throw YAMLError(.structure, "a mapping key must be a single value, not a collection", at: location)
        }
    }

    private func add(_ node: SourceNode, anchor: String?, count: Int) throws(YAMLError) {
        totalNodes += count
        guard totalNodes <= limits.maxNodes else {
            throw YAMLError(
                .limit, "the document expands to more than \(limits.maxNodes) nodes (aliases included)",
                at: node.location)
        }
        if let anchor { anchors[anchor] = (node, count) }
        guard let frame = stack.last else {
            documents.append(node)
            return
        }
        frame.nodeCount += count
        if frame.isMapping {
            guard let (key, keyLocation) = frame.pendingKey else { return }
            frame.entries.append(SourceNode.Entry(key: key, keyLocation: keyLocation, value: node))
            frame.pendingKey = nil
        } else {
            frame.items.append(node)
        }
    }
}
