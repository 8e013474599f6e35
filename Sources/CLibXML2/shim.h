/* Debian builds libxml2 with ICU; its headers would then import the system ICU, which clashes
   with Foundation's bundled _FoundationICU module. Nothing we call needs the ICU fields. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlreader.h>

/* xmlFree is a mutable global function pointer; Swift 6 rejects reading it directly. */
static inline void CLibXML2_free(void *pointer) { xmlFree(pointer); }
