// MARK: - C interop
internal import CYAML
import EHCPSource

/// Streams the events of a YAML document from libyaml.
///
/// The parser struct and a private copy of the input live at stable heap addresses for the whole
/// parse, because libyaml keeps pointers to both. Event data is copied into Swift values before
/// `yaml_event_delete` frees it. No C type leaves this file.
public enum YAMLParser {
    /// Parses `bytes` and hands every event, in order, to `body`, which owns it (its strings are
    /// moved, not copied).
    ///
    /// - Throws: ``YAMLError`` at the first libyaml error, or whatever `body` throws.
    public static func parse(
        _ bytes: some Collection<UInt8>, file: String, _ body: (consuming YAMLEvent) throws -> Void
    ) throws {
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            input.deallocate()
            throw YAMLError(.library, "the YAML parser could not start", at: SourceLocation(file: file, line: 1, column: 1))
        }
        defer {
            yaml_parser_delete(parser)
            parser.deallocate()
            input.deallocate()
        }
        // The input buffer and parser outlive every call below (freed in the defer above).
        yaml_parser_set_input_string(parser, input.baseAddress, bytes.count)

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                throw error(of: parser.pointee, input: input, count: bytes.count, file: file)
            }
            let copied = copy(event)
            let done = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if let copied { try body(copied) }
            if done { return }
        }
    }

    /// Copies one libyaml event into a Swift value (nil for `YAML_NO_EVENT`).
    private static func copy(_ event: yaml_event_t) -> YAMLEvent? {
        let line = Int(event.start_mark.line) + 1
        let column = Int(event.start_mark.column) + 1
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart(explicit: event.data.document_start.implicit == 0)
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd(explicit: event.data.document_end.implicit == 0)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            kind = .mappingStart(
                anchor: string(data.anchor), tag: string(data.tag),
                flow: data.style == YAML_FLOW_MAPPING_STYLE)
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            kind = .sequenceStart(
                anchor: string(data.anchor), tag: string(data.tag),
                flow: data.style == YAML_FLOW_SEQUENCE_STYLE)
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value = data.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self) } ?? ""
            let style: Scalar.Style
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            // libyaml sets a tag only when the document wrote one.
            kind = .scalar(Scalar(value, style: style), anchor: string(data.anchor), tag: string(data.tag))
        case YAML_ALIAS_EVENT: kind = .alias(string(event.data.alias.anchor) ?? "")
        default: return nil
        }
        return YAMLEvent(kind: kind, line: line, column: column)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }

    /// The one place libyaml's error state becomes a ``YAMLError``: libyaml's problem and context
    /// are fixed phrases of its own ("found character that cannot start any token"), never bytes of
    /// the document; ``YAMLSyntaxHelp`` puts them in plain words with the fix.
    private static func error(of parser: yaml_parser_t, input: UnsafeMutableBufferPointer<UInt8>, count: Int, file: String) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let kind: YAMLError.Kind
        switch parser.error {
        case YAML_READER_ERROR: kind = .reader
        case YAML_SCANNER_ERROR: kind = .scanner
        case YAML_PARSER_ERROR: kind = .parser
        default: kind = .library
        }
        let context = parser.context.map { String(cString: $0) }
        // The reader reports a byte offset, not a mark; the line is where the scan had reached.
        let mark = kind == .reader ? parser.mark : parser.problem_mark
        let help = YAMLSyntaxHelp(
            problem: problem, context: context, line: Int(mark.line) + 1, column: Int(mark.column) + 1,
            contextLine: context == nil ? nil : Int(parser.context_mark.line) + 1,
            contextColumn: context == nil ? nil : Int(parser.context_mark.column) + 1,
            lines: YAMLSyntaxHelp.lines(of: UnsafeBufferPointer(rebasing: input[..<count])))
        var message = help.message
        if kind == .reader { message += " at byte \(parser.problem_offset)" }
        return YAMLError(kind, message, at: SourceLocation(file: file, line: help.line, column: help.column))
    }
}
