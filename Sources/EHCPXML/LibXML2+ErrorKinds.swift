// MARK: - C interop
internal import CLibXML2

extension LibXML2 {
    /// What went wrong, by libxml2's error code alone.
    ///
    /// libxml2's own messages quote the document (an unterminated CDATA section prints the bytes
    /// after it; an undefined entity is named), and a document holds a child's personal data, so
    /// a problem is described by its kind and position only, never by libxml2's text.
    static func kind(code: Int32, domain: Int32) -> String {
        let what =
            kinds[UInt32(bitPattern: code)]
            ?? (domain == Int32(XML_FROM_SCHEMASV.rawValue)
                ? "the document does not match the schema"
                : domain == Int32(XML_FROM_XPATH.rawValue)
                    ? "the XPath expression is not valid"
                    : "the XML is not well-formed")
        return "\(what) (libxml2 error \(code))"
    }

    /// libxml2 2.9's XPath limits, which its public header does not name: the XPath domain's
    /// base (1200) plus `XPATH_OP_LIMIT_EXCEEDED` (25) and `XPATH_RECURSION_LIMIT_EXCEEDED` (26).
    private static let xpathOperationLimit: UInt32 = XML_XPATH_EXPRESSION_OK.rawValue + 25
    private static let xpathRecursionLimit: UInt32 = XML_XPATH_EXPRESSION_OK.rawValue + 26

    /// Plain words for the parser errors a hand-edited document meets, by code.
    private static let kinds: [UInt32: String] = [
        xpathOperationLimit: "the XPath expression took too many steps (Operation limit exceeded)",
        xpathRecursionLimit: "the XPath expression nests too deeply (Recursion limit exceeded)",
        XML_ERR_NO_MEMORY.rawValue: "the XML parser ran out of memory",
        XML_ERR_DOCUMENT_EMPTY.rawValue: "the document is empty",
        XML_ERR_DOCUMENT_END.rawValue: "there is content after the root element: everything must sit inside <application>…</application>",
        XML_ERR_EXTRA_CONTENT.rawValue: "there is content after the root element: everything must sit inside <application>…</application>",
        XML_ERR_INVALID_HEX_CHARREF.rawValue: "a character reference is not a valid character",
        XML_ERR_INVALID_DEC_CHARREF.rawValue: "a character reference is not a valid character",
        XML_ERR_INVALID_CHARREF.rawValue: "a character reference is not a valid character",
        XML_ERR_INVALID_CHAR.rawValue: "a character that XML does not allow, often an invisible one pasted from another program: retype the text around here",
        XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue: "an entity reference (&…) is not closed with ';' (write & as &amp;)",
        XML_ERR_UNDECLARED_ENTITY.rawValue: "an entity reference that no declaration defines (write & as &amp;)",
        XML_WAR_UNDECLARED_ENTITY.rawValue: "an entity reference that no declaration defines (write & as &amp;)",
        XML_ERR_ENTITY_LOOP.rawValue: "entities that refer to themselves",
        XML_ERR_UNSUPPORTED_ENCODING.rawValue: "an encoding the XML parser does not support",
        XML_ERR_INVALID_ENCODING.rawValue: "bytes that are not valid in the document's encoding: save the file again as UTF-8",
        XML_ERR_STRING_NOT_CLOSED.rawValue: "a quoted string that is not closed: add the closing quote",
        XML_ERR_LT_IN_ATTRIBUTE.rawValue: "a '<' inside an attribute value (write &lt;)",
        XML_ERR_ATTRIBUTE_NOT_STARTED.rawValue: "an attribute value that does not start with a quote",
        XML_ERR_ATTRIBUTE_NOT_FINISHED.rawValue: "an attribute value that is not closed: add the closing quote",
        XML_ERR_ATTRIBUTE_WITHOUT_VALUE.rawValue: "an attribute without a value",
        XML_ERR_ATTRIBUTE_REDEFINED.rawValue: "an attribute given twice on one element",
        XML_ERR_COMMENT_NOT_FINISHED.rawValue: "a comment that is not closed: end it with -->",
        XML_ERR_PI_NOT_FINISHED.rawValue: "a processing instruction that is not closed",
        XML_ERR_XMLDECL_NOT_FINISHED.rawValue: "an XML declaration that is not closed",
        XML_ERR_CDATA_NOT_FINISHED.rawValue: "a CDATA section that is not closed",
        XML_ERR_RESERVED_XML_NAME.rawValue: "a processing instruction named 'xml' that is not the declaration at the start",
        XML_ERR_NAME_REQUIRED.rawValue: "a name is missing where XML needs one: in text, write & as &amp; and < as &lt;",
        XML_ERR_LT_REQUIRED.rawValue: "a '<' is missing",
        XML_ERR_GT_REQUIRED.rawValue: "a tag that is not closed with '>': add the '>'",
        XML_ERR_LTSLASH_REQUIRED.rawValue: "an end tag is missing",
        XML_ERR_EQUAL_REQUIRED.rawValue: "an attribute without '=' before its value",
        XML_ERR_TAG_NAME_MISMATCH.rawValue:
            "an end tag that does not match the element it closes: check that every <field> is closed by its own </field>, in the reverse order they were opened",
        XML_ERR_TAG_NOT_FINISHED.rawValue: "an element that is not closed before the end of the document: add its end tag (</field>) where the element ends",
        XML_ERR_NOT_WELL_BALANCED.rawValue: "elements that are not properly nested: close each element before the one that holds it",
        XML_NS_ERR_UNDEFINED_NAMESPACE.rawValue: "a namespace prefix that is not declared"
    ]
}
