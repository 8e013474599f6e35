import EHCPSource
import EHCPXML

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
    /// - Throws: `DiagnosticList` when the input cannot be read.
    public static func convert(_ bytes: [UInt8], file: String, from source: any FormatPlugin, to target: any FormatPlugin) throws(DiagnosticList) -> Output {
        let read = try source.read(bytes, file: file)
        var (text, loss) = try target.write(read.application)
        for path in read.unknownFields {
            loss.entries.append(.init(path: path, kind: "field", reason: "\(source.id) field that the canonical schema does not hold"))
        }
        return Output(text: text, loss: loss, findings: read.findings + unwritable(read.application, by: target))
    }

    /// An error for each text value holding a character the target's syntax cannot hold: XML 1.0
    /// has no way to write most control characters, so the writer leaves them out, and the value
    /// written is not the value read.
    static func unwritable(_ application: Application, by target: any FormatPlugin) -> [Finding] {
        guard target.syntax == .xml else { return [] }
        return MappedWriter.leaves(application.root, fields: CanonicalSchema.root, prefix: "").compactMap { path, _, value in
            guard let text = value.text, text.unicodeScalars.contains(where: { !XMLWriter.canHold($0) }) else { return nil }
            return .builtIn(
                "FORMAT-UNWRITABLE", "\(path) holds a control character that \(target.id) (XML) cannot hold; it would be written without it",
                path: path, at: value.location)
        }
    }
}
