import EHCPKit

/// A request sent as a form (`multipart/form-data`), by the page or the API: field `bundle` holds a
/// zip of the whole request, or the application document, and field `evidence` (repeated, or one
/// `<input type=file multiple>`) the evidence files beside a document.
///
/// The files' names are the user's own: they place the files in the bundle and may be shown back to
/// the user in the report, and are never logged.
enum FormUpload {
    case zip(BundleFile)
    case document(BundleFile, evidence: [BundleFile])

    /// Why a form could not be checked, as the page and the API say it.
    enum Problem: String, Error {
        case noRequest = "Choose your request: a zip file of it, or its application document"
        case zipWithFiles = "Choose either a zip file of your request, or its application document with the evidence files, not both"
    }

    static func read(_ form: MultipartForm) -> Result<FormUpload, Problem> {
        guard let given = form.files("bundle").first, !given.bytes.isEmpty else { return .failure(.noRequest) }
        let evidence = form.files("evidence")
        if given.isZip {
            return evidence.isEmpty ? .success(.zip(BundleFile(name: Upload.zipName, bytes: given.bytes))) : .failure(.zipWithFiles)
        }
        let name = given.fileName
        let documentName = name.contains(".") && !name.hasPrefix(".") ? name : "document." + Upload.documentExtension(given.bytes, contentType: nil)
        return .success(.document(BundleFile(name: documentName, bytes: given.bytes), evidence: evidence))
    }
}
