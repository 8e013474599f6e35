/* The raw C libraries on the same files as ReaderBench.swift: libyaml's event loop (every event
   parsed and deleted, nothing built) and libxml2's xmlReadMemory + xmlFreeDoc (what
   `xmllint --noout` does, without process start or file reading). Best of N, in seconds.
   Usage: raw-readers yaml|xml FILE [REPEATS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "raw-parse.h"

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: raw-readers yaml|xml FILE [REPEATS]\n"); return 2; }
    FILE *file = fopen(argv[2], "rb");
    if (!file) { perror(argv[2]); return 2; }
    fseek(file, 0, SEEK_END);
    size_t size = (size_t)ftell(file);
    rewind(file);
    char *bytes = malloc(size);
    if (fread(bytes, 1, size, file) != size) { perror(argv[2]); return 2; }
    fclose(file);
    int repeats = argc > 3 ? atoi(argv[3]) : 1;
    double best = 1e30;
    xmlInitParser();
    for (int i = 0; i < repeats; i++) {
        double start = now();
        int ok = strcmp(argv[1], "xml") == 0 ? xml_tree(bytes, size) : yaml_events((unsigned char *)bytes, size);
        double elapsed = now() - start;
        if (!ok) { fprintf(stderr, "parse failed\n"); return 1; }
        if (elapsed < best) best = elapsed;
    }
    printf("%.6f\n", best);
    free(bytes);
    return 0;
}
