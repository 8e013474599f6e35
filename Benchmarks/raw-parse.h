/* The raw C libraries' least work on one document, shared by raw-readers.c and floor.c:
   libyaml's event loop (every event parsed and deleted, nothing built) and libxml2's
   xmlReadMemory + xmlFreeDoc. Each returns 1 when the document parsed. */
#ifndef RAW_PARSE_H
#define RAW_PARSE_H
#include <libxml/parser.h>
#include <yaml.h>

static int yaml_events(const unsigned char *bytes, size_t size) {
    yaml_parser_t parser;
    yaml_event_t event;
    int done = 0, ok = 1;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, bytes, size);
    while (!done) {
        if (!yaml_parser_parse(&parser, &event)) { ok = 0; break; }
        done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
    }
    yaml_parser_delete(&parser);
    return ok;
}

static int xml_tree(const char *bytes, size_t size) {
    xmlDocPtr doc = xmlReadMemory(bytes, (int)size, "document.xml", NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    if (!doc) return 0;
    xmlFreeDoc(doc);
    return 1;
}

#endif
