import EHCPKit

/// What the last page downloads. File names say what the file is and where it goes, never whom it
/// is about.
enum GuidedDownload: String {
    /// The bundle: `application.yaml` and the `evidence/` folder, as `ehcp init` lays it out.
    case zip
    /// The canonical document alone (also the draft saved from any page).
    case yaml
    /// The document in the authority's own published format.
    case format
    /// The request as a plain letter.
    case letter

    func file(form: GuidedForm, draft: GuidedDraft) throws -> (name: String, type: String, bytes: [UInt8]) {
        switch self {
        case .zip:
            let document = BundleFile(name: "application.yaml", bytes: Array(try draft.yaml().utf8))
            return ("ehc-request-\(form.authority.slug).zip", "application/zip", try BundleArchive.zip([document] + draft.bundleFiles))
        case .yaml:
            return ("application.yaml", "application/yaml; charset=utf-8", Array(try draft.yaml().utf8))
        case .format:
            guard let own = form.ownFormat else {
                throw Problem(
                    status: .notFound, title: "No format of its own",
                    detail: "This authority publishes no document format of its own; download the application document instead.")
            }
            return ("application-\(own.id).\(own.fileExtension)", APIRoutes.mediaType(of: own), Array(try own.write(draft.application).text.utf8))
        case .letter:
            return ("request-letter.txt", "text/plain; charset=utf-8", Array(RequestLetterFormat().write(draft.application).text.utf8))
        }
    }
}
