import EHCPSource
import EHCPYAML

/// Decodes a canonical YAML or JSON document into an ``Application`` in one pass over the parser's
/// events, with no `SourceNode` tree in between.
///
/// The result is the one reading the tree and ``ApplicationDecoder/decode(_:)`` gives: the same
/// application with the same locations, and the same findings in the same order. Paths are built
/// only for a finding. A document the one pass leaves to the tree readers (see
/// `CheckedEventStream`: anchors, aliases, anything they refuse) gives nil.
struct ApplicationEventDecoder {
    /// Reads `bytes` (JSON when `json`, else YAML); nil when the tree readers are to read it.
    static func read(_ bytes: [UInt8], file: String, json: Bool) -> ReadResult? {
        var state = ApplicationEventDecoder()
        let complete = CheckedEventStream.read(bytes, file: file, json: json) { event, line, column in
            state.handle(event, at: SourceLocation(file: file, line: line, column: column))
        }
        guard complete, let root = state.root else { return nil }
        state.decoder.checkVersion(of: root)
        return ReadResult(
            application: Application(root: root, file: file), findings: state.decoder.findings,
            unknownFields: state.decoder.unknownFields)
    }

    /// A step of the path to the value being read.
    private enum Component {
        case key(String)
        case index(Int)
    }

    /// What an object expects next: a key, the value of a known field, or a value to pass over.
    private enum Pending {
        case key
        case field(Int)
        case ignored
    }

    /// An open object or list.
    private struct Frame {
        let table: FieldTable
        let isList: Bool
        let location: SourceLocation
        var record: Record
        var items: [Value] = []
        /// An object's given fields, one bit each.
        var given: UInt64 = 0
        /// A list's items so far, with or without a value.
        var itemCount = 0
        var pending = Pending.key

        init(_ table: FieldTable, isList: Bool, at location: SourceLocation) {
            self.table = table
            self.isList = isList
            self.location = location
            // Room for every field at once: growing a dictionary rehashes what it holds.
            record = Record(fields: isList ? [:] : Dictionary(minimumCapacity: table.fields.count), location: location)
        }
    }

    private var decoder = ApplicationDecoder()
    private var frames: [Frame] = []
    /// The path of the innermost open frame, one step per frame below the root.
    private var components: [Component] = []
    /// Depth of a collection being passed over (an unknown field's, or one of the wrong kind).
    private var skipping = 0
    private var root: Record?

    private mutating func handle(_ event: CheckedEventStream.Event, at location: SourceLocation) {
        if skipping > 0 {
            switch event {
            case .mappingStart, .sequenceStart: skipping += 1
            case .end: skipping -= 1
            case .key, .value: break
            }
            return
        }
        switch event {
        case .key(let scalar): key(scalar.value, at: location)
        case .value(let scalar): value(scalar, at: location)
        case .mappingStart: start(.mapping, at: location)
        case .sequenceStart: start(.sequence, at: location)
        case .end: end()
        }
    }

    // MARK: - Events

    private mutating func key(_ key: String, at location: SourceLocation) {
        let last = frames.count - 1
        let table = frames[last].table
        guard let index = table.index(of: key) else {
            decoder.unknownField(key, path: path(.key(key)), among: table.names, at: location)
            frames[last].pending = .ignored
            return
        }
        guard frames[last].given & 1 << index == 0 else {
            let fieldPath = path(.key(key))
            decoder.report("SCHEMA-DUPLICATE", "\(fieldPath) is given more than once", fieldPath, location)
            frames[last].pending = .ignored
            return
        }
        frames[last].given |= 1 << index
        frames[last].pending = .field(index)
    }

    private mutating func value(_ scalar: Scalar, at location: SourceLocation) {
        guard let last = frames.indices.last else {
            if !(scalar.value.isEmpty || scalar.isNull) {
                decoder.report("SCHEMA-TYPE", ApplicationDecoder.notAMapping("", SourceNode.Kind.scalar.description), "", location)
            }
            root = Record(location: location)
            return
        }
        if frames[last].isList {
            let step = nextItem(last)
            if scalar.value.isEmpty || scalar.isNull {
                frames[last].items.append(Value(.object(Record(location: location)), location: location))
            } else {
                let itemPath = path(step)
                decoder.report("SCHEMA-TYPE", ApplicationDecoder.notAMapping(itemPath, SourceNode.Kind.scalar.description), itemPath, location)
            }
            return
        }
        guard case .field(let index) = frames[last].pending else {
            frames[last].pending = .key
            return
        }
        frames[last].pending = .key
        if scalar.isNull { return }
        let field = frames[last].table.fields[index]
        let decoded: Value?
        switch field.type {
        case .object:
            if scalar.value.isEmpty {
                decoded = Value(.object(Record(location: location)), location: location)
            } else {
                let fieldPath = path(.key(field.name))
                decoder.report("SCHEMA-TYPE", ApplicationDecoder.notAMapping(fieldPath, SourceNode.Kind.scalar.description), fieldPath, location)
                decoded = nil
            }
        case .list:
            if scalar.value.allSatisfy(\.isWhitespace) {
                decoded = Value(.list([]), location: location)
            } else {
                let fieldPath = path(.key(field.name))
                decoder.report("SCHEMA-TYPE", ApplicationDecoder.notAList(fieldPath, SourceNode.Kind.scalar.description), fieldPath, location)
                decoded = nil
            }
        default:
            let components = self.components
            decoded = decoder.scalar(scalar, type: field.type, path: Self.path(components, .key(field.name)), location: location)
        }
        if let decoded { frames[last].record[field.name] = decoded }
    }

    private mutating func start(_ kind: SourceNode.Kind, at location: SourceLocation) {
        guard let last = frames.indices.last else {
            if kind == .mapping {
                frames.append(Frame(FieldTable.root, isList: false, at: location))
            } else {
                decoder.report("SCHEMA-TYPE", ApplicationDecoder.notAMapping("", kind.description), "", location)
                root = Record(location: location)
                skipping = 1
            }
            return
        }
        if frames[last].isList {
            let step = nextItem(last)
            guard kind == .mapping else {
                let itemPath = path(step)
                decoder.report("SCHEMA-TYPE", ApplicationDecoder.notAMapping(itemPath, kind.description), itemPath, location)
                skipping = 1
                return
            }
            components.append(step)
            frames.append(Frame(frames[last].table, isList: false, at: location))
            return
        }
        guard case .field(let index) = frames[last].pending else {
            frames[last].pending = .key
            skipping = 1
            return
        }
        let table = frames[last].table
        let field = table.fields[index]
        switch (field.type, kind) {
        case (.object, .mapping):
            components.append(.key(field.name))
            frames.append(Frame(table.children[index]!, isList: false, at: location))
        case (.list, .sequence):
            components.append(.key(field.name))
            frames.append(Frame(table.children[index]!, isList: true, at: location))
        default:
            let fieldPath = path(.key(field.name))
            let message: String
            switch field.type {
            case .object: message = ApplicationDecoder.notAMapping(fieldPath, kind.description)
            case .list: message = ApplicationDecoder.notAList(fieldPath, kind.description)
            default: message = ApplicationDecoder.notASingleValue(fieldPath, kind.description)
            }
            decoder.report("SCHEMA-TYPE", message, fieldPath, location)
            frames[last].pending = .key
            skipping = 1
        }
    }

    private mutating func end() {
        let frame = frames.removeLast()
        let value: Value
        if frame.isList {
            value = Value(.list(frame.items), location: frame.location)
        } else {
            var missing = frame.table.required & ~frame.given
            while missing != 0 {
                let field = frame.table.fields[missing.trailingZeroBitCount]
                let fieldPath = path(.key(field.name))
                decoder.report("SCHEMA-REQUIRED", "\(fieldPath) is required", fieldPath, frame.location)
                missing &= missing - 1
            }
            value = Value(.object(frame.record), location: frame.location)
        }
        guard let last = frames.indices.last else {
            root = frame.record
            return
        }
        components.removeLast()
        if frames[last].isList {
            frames[last].items.append(value)
        } else if case .field(let index) = frames[last].pending {
            frames[last].record[frames[last].table.fields[index].name] = value
            frames[last].pending = .key
        }
    }

    // MARK: - Paths

    /// The path of the innermost frame followed by `step`, as the tree decoder writes it.
    private func path(_ step: Component) -> String {
        Self.path(components, step)
    }

    private static func path(_ components: [Component], _ step: Component) -> String {
        var path = ""
        for component in components {
            Self.append(component, to: &path)
        }
        Self.append(step, to: &path)
        return path
    }

    private static func append(_ component: Component, to path: inout String) {
        switch component {
        case .key(let key): path = path.isEmpty ? key : path + "." + key
        case .index(let index): path += "[\(index)]"
        }
    }

    /// The step to the next item of the list at `frame`, counting the item.
    private mutating func nextItem(_ frame: Int) -> Component {
        defer { frames[frame].itemCount += 1 }
        return .index(frames[frame].itemCount)
    }
}
