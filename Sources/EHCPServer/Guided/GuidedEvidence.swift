import EHCPKit

/// The evidence page read back: each document's kind, title and date, and its file — a new upload,
/// or the file the page carried. A file is named after the item's id (`evidence/need-descriptor.pdf`),
/// never after the name it had on the user's computer, which may hold the child's name.
enum GuidedEvidence {
    /// The draft with the page's documents, what is wrong with them, and the page's values as they
    /// are shown again when something is: every document kept, with the files chosen, renumbered
    /// as the draft holds them, so no file has to be chosen twice.
    static func read(_ posted: MultipartForm, values: GuidedValues, group: GuidedGroup, draft: GuidedDraft) -> (
        draft: GuidedDraft, problems: [InputProblem], shown: GuidedValues
    ) {
        let existing = draft.root["evidence"]?.list?.compactMap(\.record) ?? []
        var taken = Set(existing.compactMap { $0["id"]?.text })
        var items: [Value] = []
        var files: [String: [UInt8]] = [:]
        var problems: [InputProblem] = []
        var shown = GuidedValues(posted: [:])
        for row in 0..<(values.rows(of: group) ?? existing.count) where values["evidence.\(row).remove"] != "yes" {
            let prefix = "evidence.\(row)"
            let old = row < existing.count ? existing[row] : nil
            let upload = posted.part(prefix + ".upload").flatMap { $0.bytes.isEmpty ? nil : $0 }
            let number = items.count
            let label = "Document \(number + 1): "
            var (record, blank, found) = values.read(group, prefix: prefix + ".", into: old ?? Record(), labelPrefix: label)
            if blank, upload == nil, old == nil { continue }
            for (name, value) in values.fields where name.hasPrefix(prefix + ".") {
                shown.fields["evidence.\(number)." + name.dropFirst(prefix.count + 1)] = value
            }
            problems += found.map { InputProblem(text: $0.text, id: "evidence-\(number)-" + $0.id.dropFirst("evidence-\(row)-".count)) }
            let type = record["type"]?.text
            if type == nil { problems.append(InputProblem(text: label + "choose what the document is", id: "evidence-\(number)-type")) }
            let id = record["id"]?.text ?? unique(type ?? "document", taken: &taken)
            record["id"] = Value(.text(id))
            if let upload {
                let path = "evidence/\(id).\(fileExtension(upload.filename))"
                record["file"] = Value(.text(path))
                files[path] = upload.bytes
            } else if let file = record["file"]?.text, let bytes = draft.files[file] {
                files[file] = bytes
            } else if record["file"] == nil {
                problems.append(InputProblem(text: label + "choose the file", id: "evidence-\(number)-upload"))
            }
            items.append(Value(.object(record)))
        }
        var updated = draft
        updated.root["evidence"] = items.isEmpty ? nil : Value(.list(items))
        updated.files = files
        shown.fields["evidence.rows"] = String(items.count + group.blanks)
        return (updated, problems, shown)
    }

    /// `base` when no item has it as its id, else `base-2`, `base-3`…
    private static func unique(_ base: String, taken: inout Set<String>) -> String {
        var candidate = base
        var number = 1
        while taken.contains(candidate) {
            number += 1
            candidate = "\(base)-\(number)"
        }
        taken.insert(candidate)
        return candidate
    }

    /// The extension of an uploaded file's name, kept only when it is short letters and digits.
    static func fileExtension(_ filename: String?) -> String {
        guard let filename, let dot = filename.lastIndex(of: ".") else { return "bin" }
        let ext = filename[filename.index(after: dot)...].lowercased()
        return (1...5).contains(ext.count) && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } ? ext : "bin"
    }
}
