import EHCPSource

/// Converts a document from one format to another through the canonical model.
public enum Converter {
    /// The result of a conversion: the text to write and what could not be carried.
    public struct Output: Sendable {
        public var text: String
        public var loss: LossReport
        /// Schema findings on the input (errors mean the input is not a valid application).
        public var findings: [Finding]
    }

    /// Reads `bytes` with `source` and writes them with `target`.
    ///
    /// - Throws: ``DiagnosticList`` when the input cannot be read.
    public static func convert(_ bytes: [UInt8], file: String, from source: any FormatPlugin, to target: any FormatPlugin) throws -> Output {
        let read = try source.read(bytes, file: file)
        var (text, loss) = try target.write(read.application)
        for path in read.unknownFields {
            loss.entries.append(.init(path: path, kind: "field", reason: "\(source.id) field that the canonical schema does not hold"))
        }
        return Output(text: text, loss: loss, findings: read.findings)
    }
}
