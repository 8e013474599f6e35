/// The guided form's part of the stylesheet: fieldsets, GOV.UK date inputs, radios and the step
/// list, all reflowing to one column at 320 CSS pixels (400% zoom), every colour at least 4.5:1.
enum GuidedStyle {
    static let stylesheet = """
        .caption { display: block; color: #505a5f; margin-bottom: 0.25rem; }
        fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
        legend { font-weight: 700; margin-bottom: 0.25rem; padding: 0; max-width: 100%; white-space: normal; }
        fieldset.group { margin-bottom: 2rem; }
        fieldset.group > legend { font-size: 1.5rem; margin-bottom: 0.75rem; }
        fieldset.item { border-left: 4px solid #b1b4b6; padding-left: 1rem; margin-bottom: 1.5rem; }
        input[type=text], textarea { font: inherit; font-size: 1.1875rem; padding: 0.3rem; border: 2px solid #0b0c0c; width: 100%; max-width: 30rem; min-height: 2.5rem; background: #ffffff; color: #0b0c0c; }
        textarea { max-width: 40rem; }
        textarea:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
        .form-group.error input[type=text], .form-group.error textarea, .form-group.error select { border-color: #d4351c; }
        .date-input { display: flex; flex-wrap: wrap; gap: 1rem; }
        .date-item label { font-weight: 400; }
        .date-item input.date-day, .date-item input.date-month { width: 3.75rem; }
        .date-item input.date-year { width: 5.5rem; }
        .radio, .checkbox { display: flex; align-items: center; gap: 0.5rem; margin-bottom: 0.5rem; }
        .radio input, .checkbox input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; accent-color: #0b0c0c; }
        .radio label, .checkbox label { font-weight: 400; margin: 0; }
        .buttons { display: flex; flex-wrap: wrap; gap: 1rem; margin: 2rem 0; }
        .downloads { display: flex; flex-direction: column; align-items: flex-start; gap: 1rem; margin-bottom: 2rem; }
        button { max-width: 100%; text-align: left; }
        button.link { background: none; border: 0; box-shadow: none; color: #1d70b8; text-decoration: underline; padding: 0; }
        a.button-link { display: inline-block; background: #00703c; color: #ffffff; text-decoration: none; padding: 0.5rem 1rem; box-shadow: 0 2px #002d18; }
        a.button-link:visited { color: #ffffff; }
        a.button-link:focus { color: #0b0c0c; }
        .steps { border-top: 1px solid #b1b4b6; margin-top: 2rem; }
        .steps ol { padding-left: 1.5rem; }
        .steps li { margin-bottom: 0.5rem; }
        .asks h2 { margin-top: 0; font-size: 1.1875rem; }
        ul.enclosed { padding-left: 1.25rem; }
        """
}
