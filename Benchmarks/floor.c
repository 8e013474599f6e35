/* The C floor under `ehcp validate FOLDER`: for every bundle-* folder, libyaml's event loop over its
   application.yaml (or .json, which libyaml reads too; an application.xml goes through libxml2's
   xmlReadMemory + xmlFreeDoc) and a SHA-256 of every file under evidence/, streamed with a fixed
   buffer. Nothing is checked and nothing is reported: this is the least a validator in C must do.
   With JOBS > 1 the bundles are shared out over that many forked processes, one bundle in JOBS each.
   Prints the number of bundles read and the XOR of all digests' first bytes.
   Usage: floor FOLDER [JOBS] */
#include <dirent.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "raw-parse.h"

static unsigned char buffer[1 << 16];

/* Reads the whole document and parses it; 1 when a document was found and parsed. */
static int read_document(const char *bundle) {
    static const char *names[] = {"application.yaml", "application.json", "application.xml"};
    char path[4096];
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", bundle, names[i]);
        int fd = open(path, O_RDONLY);
        if (fd < 0) continue;
        struct stat info;
        fstat(fd, &info);
        char *bytes = malloc((size_t)info.st_size + 1);
        ssize_t got = read(fd, bytes, (size_t)info.st_size);
        close(fd);
        int ok = got == info.st_size && (i == 2 ? xml_tree(bytes, (size_t)got) : yaml_events((unsigned char *)bytes, (size_t)got));
        free(bytes);
        return ok;
    }
    return 0;
}

/* SHA-256 of every regular file under FOLDER, recursively; XORs each digest's first byte into *mix. */
static void hash_folder(const char *folder, unsigned *mix) {
    DIR *dir = opendir(folder);
    if (!dir) return;
    struct dirent *entry;
    char path[4096];
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", folder, entry->d_name);
        if (entry->d_type == DT_DIR) { hash_folder(path, mix); continue; }
        int fd = open(path, O_RDONLY);
        if (fd < 0) continue;
        struct sha256_ctx context;
        uint8_t digest[SHA256_DIGEST_SIZE];
        sha256_init(&context);
        ssize_t got;
        while ((got = read(fd, buffer, sizeof buffer)) > 0) sha256_update(&context, (size_t)got, buffer);
        close(fd);
        sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
        *mix ^= digest[0];
    }
    closedir(dir);
}

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: floor FOLDER [JOBS]\n"); return 2; }
    int jobs = argc > 2 ? atoi(argv[2]) : 1;
    DIR *dir = opendir(argv[1]);
    if (!dir) { perror(argv[1]); return 2; }
    size_t count = 0, capacity = 1024;
    char **bundles = malloc(capacity * sizeof *bundles);
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (strncmp(entry->d_name, "bundle-", 7) != 0) continue;
        if (count == capacity) bundles = realloc(bundles, (capacity *= 2) * sizeof *bundles);
        bundles[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(bundles, count, sizeof *bundles, compare);
    xmlInitParser();
    int worker = 0;
    for (int j = 1; j < jobs; j++)
        if (fork() == 0) { worker = j; break; }
    unsigned mix = 0, read = 0;
    char path[4096], evidence[4096];
    for (size_t i = (size_t)worker; i < count; i += (size_t)(jobs > 0 ? jobs : 1)) {
        snprintf(path, sizeof path, "%s/%s", argv[1], bundles[i]);
        read += (unsigned)read_document(path);
        snprintf(evidence, sizeof evidence, "%s/evidence", path);
        hash_folder(evidence, &mix);
    }
    if (worker != 0) _exit(0);
    int status;
    while (wait(&status) > 0) {}
    printf("%u bundles read by the first process, digest mix %02x\n", read, mix);
    return 0;
}
