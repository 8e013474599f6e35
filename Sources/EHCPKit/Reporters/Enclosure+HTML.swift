extension Enclosure {
    /// The list as an HTML table, one row an evidence item, then the files no item lists.
    ///
    /// - Parameter showingValues: show each item's `file` and `date` as the document writes them;
    ///   without, neither is shown (a listed name is a value of the document, whether or not the
    ///   bundle holds the file), only each item's type and whether its file was found.
    public func html(showingValues: Bool) -> String {
        var out = ""
        if items.isEmpty {
            out += "<p>The document lists no evidence.</p>\n"
        } else {
            let header = ["Item", "What it is"] + (showingValues ? ["File", "In the bundle", "Dated"] : ["In the bundle"])
            out += "<table class=\"enclosed\">\n<caption>Evidence the document lists</caption>\n<thead><tr>"
            out += header.map { "<th scope=\"col\">\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for item in items {
                out += "<tr class=\"\(item.found ? "found" : "not-found")\"><th scope=\"row\">\(PlainPath.ordinal(item.index + 1))</th>"
                let what = item.typeLabel.prefix(1).uppercased() + item.typeLabel.dropFirst()
                out += "<td>\(what.escapedForMarkup)</td>"
                if showingValues { out += "<td>\(item.file.map { "<code>\($0.escapedForMarkup)</code>" } ?? "none given")</td>" }
                out += "<td>\(item.found ? "Yes" : "<strong>Not found</strong>")</td>"
                if showingValues { out += "<td>\((item.date ?? "not given").escapedForMarkup)</td>" }
                out += "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        if !unlisted.isEmpty {
            out += "<p>Sent but not listed in the document (list each under <code>evidence</code>, or leave it out):</p>\n<ul class=\"unlisted\">\n"
            out += unlisted.map { "<li><code>\($0.escapedForMarkup)</code></li>\n" }.joined() + "</ul>\n"
        }
        return out
    }
}
