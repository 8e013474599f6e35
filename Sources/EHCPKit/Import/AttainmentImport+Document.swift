import EHCPSource

/// Writing the added rows into the document they were imported into.
extension AttainmentImport {
    /// The text of a canonical YAML document with the added rows in its `attainment` list and
    /// every other byte as it was (see `YAMLListInsertion`).
    ///
    /// The result is read back before it is returned: unless it holds exactly the document's
    /// data plus the added rows, nothing is returned, so a layout the edit does not understand can
    /// never damage the document.
    /// - Parameters:
    ///   - bytes: the document as read.
    ///   - file: the document's name, for the place of a problem.
    ///   - original: what reading `bytes` gave.
    /// - Throws: `DiagnosticList` when the list cannot be edited in place.
    public func editedYAML(_ bytes: [UInt8], file: String, original: ReadResult) throws -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let edited = try YAMLListInsertion.appending(yamlItems, to: "attainment", in: text, file: file)
        let reread = try? CanonicalYAMLFormat().read(Array(edited.utf8), file: file)
        guard let reread, reread.unknownFields == original.unknownFields,
            ApplicationEncoder.encode(reread.application) == ApplicationEncoder.encode(applied(to: original.application))
        else {
            throw DiagnosticList([
                .error(
                    "\(file): the rows could not be added without changing something else in the document (its attainment list is laid out in a way ehcp does not edit); nothing was changed. Add them by hand",
                    at: nil)
            ])
        }
        return edited
    }

    /// The canonical format an `--output` file's extension names, for documents that are not
    /// edited in place (JSON, XML, an authority's own format): `.yaml`/`.yml`, `.json`, `.xml`.
    public static func outputFormat(for path: String) -> (any FormatPlugin)? {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") { return CanonicalYAMLFormat() }
        if lowered.hasSuffix(".json") { return CanonicalJSONFormat() }
        if lowered.hasSuffix(".xml") { return CanonicalXMLFormat() }
        return nil
    }
}
