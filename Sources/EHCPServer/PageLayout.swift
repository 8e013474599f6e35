import EHCPKit

/// The page's frame and stylesheet: GOV.UK-style plain HTML, no script, one external stylesheet
/// (the Content-Security-Policy allows no inline style).
enum PageLayout {
    static func document(title: String, main: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title.escapedForMarkup) – ehcp</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <header class="header"><div class="width"><a class="header-link" href="/">ehcp</a> <span class="header-tag">Check a request for an EHC needs assessment</span></div></header>
        <div class="width">
        <main id="main">
        \(main)
        </main>
        </div>
        <footer class="footer"><div class="width"><p>Nothing you upload is kept: each check is done in memory and forgotten when the page is sent. ehcp never asks for a cookie.</p></div></footer>
        </body>
        </html>

        """
    }

    /// An error summary at the top of a page, each problem linking to its field.
    static func errorSummary(_ problems: [(text: String, field: String)]) -> String {
        guard !problems.isEmpty else { return "" }
        return """
            <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 id="error-summary-title">There is a problem</h2>
            <ul>\(problems.map { "<li><a href=\"#\($0.field)\">\($0.text.escapedForMarkup)</a></li>" }.joined())</ul>
            </div>

            """
    }

    static let stylesheet = """
        *, *::before, *::after { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 1.1875rem; line-height: 1.4; color: #0b0c0c; background: #ffffff; }
        .width { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
        .skip-link, .visually-hidden { position: absolute; left: -9999px; }
        .skip-link:focus { position: static; display: block; padding: 0.5rem 1rem; background: #ffdd00; color: #0b0c0c; }
        .header { background: #0b0c0c; color: #ffffff; padding: 0.75rem 0; border-bottom: 0.625rem solid #1d70b8; }
        .header-link { color: #ffffff; font-weight: 700; font-size: 1.5rem; text-decoration: none; margin-right: 1rem; }
        .header-tag { font-size: 1rem; }
        main { padding: 2rem 0 3rem; }
        h1 { font-size: 2.25rem; line-height: 1.1; margin: 0 0 1.5rem; }
        h2 { font-size: 1.5rem; margin: 2rem 0 1rem; }
        h3 { font-size: 1.1875rem; margin: 1.5rem 0 0.5rem; }
        a { color: #1d70b8; text-decoration: underline; text-underline-offset: 0.15em; }
        a:visited { color: #4c2c92; }
        a:focus, button:focus, select:focus, input:focus { outline: 3px solid #ffdd00; outline-offset: 0; background: #ffdd00; color: #0b0c0c; box-shadow: 0 4px #0b0c0c; }
        .lead { font-size: 1.5rem; }
        .hint { color: #505a5f; display: block; margin-bottom: 0.5rem; }
        label { display: block; font-weight: 700; margin-bottom: 0.25rem; }
        select, input[type=file] { font: inherit; font-size: 1.1875rem; padding: 0.3rem; border: 2px solid #0b0c0c; max-width: 100%; min-height: 2.5rem; background: #ffffff; }
        .form-group { margin-bottom: 1.75rem; }
        .form-group.error { border-left: 5px solid #d4351c; padding-left: 1rem; }
        .error-message { display: block; color: #d4351c; font-weight: 700; margin-bottom: 0.5rem; }
        button { font: inherit; font-size: 1.1875rem; background: #00703c; color: #ffffff; border: 0; padding: 0.5rem 1rem; box-shadow: 0 2px #002d18; cursor: pointer; }
        button.secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px #929191; }
        .panel { padding: 1.5rem; margin-bottom: 2rem; border: 5px solid #0b0c0c; }
        .panel.ready { background: #00703c; border-color: #00703c; color: #ffffff; }
        .panel.not-ready { border-color: #d4351c; }
        .panel h2 { margin-top: 0; }
        .error-summary { border: 5px solid #d4351c; padding: 1rem 1.5rem; margin-bottom: 2rem; }
        .error-summary h2 { margin-top: 0; }
        .error-summary a { color: #d4351c; font-weight: 700; }
        .inset { border-left: 10px solid #b1b4b6; padding: 0.75rem 1rem; margin: 1.5rem 0; }
        .tag { display: inline-block; padding: 0.1rem 0.4rem; font-size: 0.875rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; margin-right: 0.5rem; }
        .tag.error { background: #d4351c; color: #ffffff; }
        .tag.warning { background: #ffdd00; color: #0b0c0c; }
        .tag.info { background: #1d70b8; color: #ffffff; }
        .tag.law { background: #0b0c0c; color: #ffffff; }
        .tag.statutory-guidance { background: #4c2c92; color: #ffffff; }
        .tag.local, .tag.practical, .tag.format { background: #f3f2f1; color: #0b0c0c; border: 1px solid #0b0c0c; }
        ol.findings, ul.checklist { padding-left: 0; list-style: none; }
        ol.findings > li, ul.checklist > li { border-bottom: 1px solid #b1b4b6; padding: 0.75rem 0; }
        .facts { color: #505a5f; font-size: 1rem; display: block; }
        table.enclosed { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
        table.enclosed caption { text-align: left; font-weight: 700; margin-bottom: 0.5rem; }
        table.enclosed th, table.enclosed td { border-bottom: 1px solid #b1b4b6; padding: 0.5rem 0.75rem 0.5rem 0; text-align: left; vertical-align: top; }
        table.enclosed tr.not-found td strong { color: #d4351c; }
        table.enclosed td:nth-child(5) { white-space: nowrap; }
        code { font-family: monospace; font-size: 0.95em; overflow-wrap: anywhere; }
        .footer { border-top: 1px solid #b1b4b6; background: #f3f2f1; padding: 1rem 0; font-size: 1rem; }
        @media print { .header, .footer, form { display: none; } }
        """ + "\n" + GuidedStyle.stylesheet
}
