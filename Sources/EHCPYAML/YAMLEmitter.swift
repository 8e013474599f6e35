// MARK: - C interop
internal import CYAML
import EHCPSource

/// Writes an ``OutputNode`` as block-style YAML through libyaml's emitter.
///
/// libyaml knows no types, so strings that YAML would read back as something else (`"0123"`,
/// `"no"`, `"true"`, `"1.5"`, `""`, a date) are forced into double quotes, and multi-line strings
/// use the literal style.
public enum YAMLEmitter {
    /// The YAML text of `node`.
    public static func emit(_ node: OutputNode) throws(YAMLError) -> String {
        let sink = Sink()
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw YAMLError(.library, "the YAML emitter could not start", at: SourceLocation(file: "<output>", line: 1))
        }
        defer {
            yaml_emitter_delete(emitter)
            emitter.deallocate()
        }
        // `sink` is retained by this function until the emitter is deleted in the defer above.
        yaml_emitter_set_output(
            emitter,
            { context, buffer, size in
                guard let context, let buffer else { return 0 }
                Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
                return 1
            }, Unmanaged.passUnretained(sink).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)

        var event = yaml_event_t()
        try emitEvent(emitter, &event, yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING))
        try emitEvent(emitter, &event, yaml_document_start_event_initialize(&event, nil, nil, nil, 1))
        try emitNode(node, emitter, &event)
        try emitEvent(emitter, &event, yaml_document_end_event_initialize(&event, 1))
        try emitEvent(emitter, &event, yaml_stream_end_event_initialize(&event))
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    private final class Sink {
        var bytes: [UInt8] = []
    }

    private static func emitNode(
        _ node: OutputNode, _ emitter: UnsafeMutablePointer<yaml_emitter_t>, _ event: inout yaml_event_t
    ) throws(YAMLError) {
        switch node {
        case .string(let text):
            let style: yaml_scalar_style_t
            if text.contains("\n") {
                style = YAML_LITERAL_SCALAR_STYLE
            } else if PlainScalar.wouldNotReadAsString(text) {
                style = YAML_DOUBLE_QUOTED_SCALAR_STYLE
            } else {
                style = YAML_ANY_SCALAR_STYLE
            }
            try scalar(text, style: style, emitter, &event)
        case .number(let text), .date(let text):
            try scalar(text, style: YAML_PLAIN_SCALAR_STYLE, emitter, &event)
        case .boolean(let value):
            try scalar(value ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE, emitter, &event)
        case .mapping(let entries):
            let style = entries.isEmpty ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
            try emitEvent(emitter, &event, yaml_mapping_start_event_initialize(&event, nil, nil, 1, style))
            for entry in entries {
                try emitNode(.string(entry.key), emitter, &event)
                try emitNode(entry.value, emitter, &event)
            }
            try emitEvent(emitter, &event, yaml_mapping_end_event_initialize(&event))
        case .sequence(let items):
            let style = items.isEmpty ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            try emitEvent(emitter, &event, yaml_sequence_start_event_initialize(&event, nil, nil, 1, style))
            for item in items { try emitNode(item, emitter, &event) }
            try emitEvent(emitter, &event, yaml_sequence_end_event_initialize(&event))
        }
    }

    private static func scalar(
        _ text: String, style: yaml_scalar_style_t, _ emitter: UnsafeMutablePointer<yaml_emitter_t>,
        _ event: inout yaml_event_t
    ) throws(YAMLError) {
        var bytes = Array(text.utf8)
        let status = bytes.withUnsafeMutableBufferPointer { buffer in
            // libyaml copies the value into the event; the buffer need only live for this call.
            yaml_scalar_event_initialize(&event, nil, nil, buffer.baseAddress, Int32(buffer.count), 1, 1, style)
        }
        try emitEvent(emitter, &event, status)
    }

    /// The one choke point for emitter return codes. `yaml_emitter_emit` frees the event.
    private static func emitEvent(
        _ emitter: UnsafeMutablePointer<yaml_emitter_t>, _ event: inout yaml_event_t, _ initialized: Int32
    ) throws(YAMLError) {
        guard initialized == 1, yaml_emitter_emit(emitter, &event) == 1 else {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "the YAML emitter failed"
            throw YAMLError(.library, problem, at: SourceLocation(file: "<output>", line: 1))
        }
    }
}

/// How YAML 1.1 and 1.2 readers resolve an unquoted scalar.
public enum PlainScalar {
    /// True when an unquoted `text` would be read as a null, boolean, number or date by some
    /// common YAML reader, so writing it as a string needs quotes.
    public static func wouldNotReadAsString(_ text: String) -> Bool {
        if text.isEmpty { return true }
        let lowered = text.lowercased()
        let special: Set<String> = [
            "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf", "<<", "="
        ]
        if special.contains(lowered) { return true }
        guard let first = text.unicodeScalars.first else { return true }
        let numericStart = ("0"..."9").contains(first) || first == "-" || first == "+" || first == "."
        if numericStart {
            // Numbers (any base, with underscores or exponents), sexagesimal and dates all start so.
            let allowed = Set("0123456789+-._:eExXoObBabcdefABCDEFtTzZ ")
            if text.allSatisfy({ allowed.contains($0) }) { return true }
        }
        return false
    }
}
