import EHCPKit

/// Plain words for the codes of each vocabulary, shown in the guided form's choice lists: a SENCO
/// or parent chooses "Autistic spectrum disorder", the document records `ASD`. The words are the
/// library's (``Vocabulary/label(_:)``, written to read inside a sentence), made to stand alone as a
/// choice: without a leading article, with a capital letter.
enum CodeLabels {
    /// The label of `code` in `vocabulary`; a year group's number as "Year N"; else the code itself.
    static func label(_ code: String, in vocabulary: Vocabulary) -> String {
        guard let label = vocabulary.label(code) else {
            return vocabulary == .ncYear && Int(code) != nil ? "Year \(code)" : code
        }
        return choice(label)
    }

    /// `label` as a choice: "an SEN support plan" becomes "SEN support plan".
    static func choice(_ label: String) -> String {
        var text = Substring(label)
        for article in ["a ", "an ", "the "] where text.hasPrefix(article) {
            text = text.dropFirst(article.count)
            break
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
