#!/usr/bin/env python3
"""Runs every measurement of Benchmarks/run.sh and prints one table.

Each command runs as a child process and is timed from start to exit; /usr/bin/time gives its peak
resident memory. A figure is the median of its runs. Ratios compare ehcp with the raw C library, the
Python yardstick, or the issue's target, as the row says.
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Benchmarks", "output")
EHCP = os.path.join(ROOT, os.environ.get("EHCP_BINARY", os.path.join(".build", "release", "ehcp")))
BIN = os.path.join(OUT, "bin")


def run(command, cwd=ROOT, memory=False):
    """(wall seconds, peak RSS in MiB or None, stdout) of one run.

    Peak memory comes from /usr/bin/time, which measures the command alone (a child forked from
    Python would report Python's own resident set as its peak).
    """
    prefix = ["/usr/bin/time", "-f", "%M", "-o", os.path.join(OUT, ".rss")] if memory else []
    start = time.perf_counter()
    completed = subprocess.run(prefix + command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    rss = None
    if memory:
        with open(os.path.join(OUT, ".rss")) as handle:
            rss = int(handle.read().split()[-1]) / 1024
    return wall, rss, completed.stdout.decode()


def median(command, runs, memory=False, cwd=OUT):
    """Median wall time (and peak memory) of `runs` runs. Commands run in Benchmarks/output, which
    has no LocalAuthorities folder, as a user's working folder would not: from the repository root
    ehcp would lay the authority folders on disk over the published set."""
    results = [run(command, memory=memory, cwd=cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max((r[1] or 0) for r in results)


def best_of(program, kind, path, repeats=5):
    return float(run([os.path.join(BIN, program), kind, path, str(repeats)])[2])


ROWS = []


def row(figure, value, unit, compared, other, target=None):
    """A figure; with `other`, its ratio to it; with `target` ("<= 1.5", ">= 10"), whether the ratio meets it."""
    ROWS.append((figure, value, unit, compared, other, target))


def main():
    bundles = int(os.environ.get("BENCH_BUNDLES", "10000"))
    mixed = os.path.join(OUT, f"mixed-{bundles}")
    canonical = os.path.join(OUT, f"canonical-{bundles}")
    small = os.path.join(OUT, "canonical-100")
    single = os.path.join(ROOT, "Examples", "riverside-request")
    help_text = run([EHCP, "validate", "--help"])[2]
    has_jobs = "--jobs" in help_text

    # Single bundle, process start to exit, against process start alone.
    startup, _ = median([EHCP, "--version"], 31)
    wall, _ = median([EHCP, "validate", single], 31)
    row("validate one bundle (wall)", wall * 1000, "ms", "ehcp --version", startup * 1000, "<= 1.5")
    row("  the same against the earlier 20 ms target", wall * 1000, "ms", "target", 20, "<= 1")

    # Rule sets of every authority: lint loads, parses and compiles each, then exits.
    rulesets = sorted(os.path.join("LocalAuthorities", d, "requirements.yaml") for d in os.listdir(
        os.path.join(ROOT, "LocalAuthorities")) if os.path.exists(os.path.join(ROOT, "LocalAuthorities", d, "requirements.yaml")))
    lint, _ = median([EHCP, "rules", "lint"] + rulesets, 31, cwd=ROOT)
    row(f"load + compile all {len(rulesets)} rule sets", (lint - startup) * 1000, "ms", "target", 20, "<= 1")

    # Batch throughput, against the Python yardstick and against the C floor (floor.c: libyaml's
    # event loop over each document and a SHA-256 of each evidence file) in as many processes.
    for label, folder in (("canonical", canonical), ("mixed", mixed)):
        python, _ = median([sys.executable, os.path.join(ROOT, "Benchmarks", "yardstick.py"), folder], 1)
        python_rate = bundles / python
        row(f"Python yardstick, {bundles} {label}", python_rate, "bundles/s", "", None)
        for jobs in ((1, 2) if has_jobs else (None,)):
            processes = jobs or 1
            floor, _ = median([os.path.join(BIN, "floor"), folder, str(processes)], 3)
            noun = "process" if processes == 1 else "processes"
            row(f"C floor, {bundles} {label}, {processes} {noun}", bundles / floor, "bundles/s", "", None)
            flags = ["--jobs", str(jobs)] if jobs else []
            seconds, rss = median([EHCP, "validate", folder] + flags, 1)
            name = f"--jobs {jobs}" if jobs else "one process (no --jobs)"
            row(f"ehcp validate, {bundles} {label}, {name}", bundles / seconds, "bundles/s",
                "Python yardstick", python_rate, ">= 10")
            row(f"  the same, whole run against the C floor", seconds * 1000, "ms",
                f"C floor, {processes} {noun}", floor * 1000, "<= 2")
    # Peak memory does not grow with the number of bundles.
    _, rss_small = median([EHCP, "validate", small], 1, memory=True)
    _, rss_large = median([EHCP, "validate", canonical], 1, memory=True)
    _, rss_mixed = median([EHCP, "validate", mixed], 1, memory=True)
    row("peak memory, validate 100 canonical bundles", rss_small, "MiB", "", None)
    row(f"peak memory, validate {bundles} canonical bundles", rss_large, "MiB", "100 bundles", rss_small, "<= 1.1")
    row(f"peak memory, validate {bundles} mixed bundles", rss_mixed, "MiB", "", None)

    # Readers alone, from memory, against the raw C library on the same file.
    big_yaml = os.path.join(OUT, "big.yaml")
    big_xml = os.path.join(OUT, "big.xml")
    size = os.path.getsize(big_yaml) / 1048576
    ours, raw = best_of("reader-bench", "yaml", big_yaml), best_of("raw-readers", "yaml", big_yaml)
    row(f"YAML reader, {size:.1f} MB (tree with marks)", ours * 1000, "ms", "libyaml event loop", raw * 1000, "<= 1.5")
    size = os.path.getsize(big_xml) / 1048576
    ours, raw = best_of("reader-bench", "xml", big_xml), best_of("raw-readers", "xml", big_xml)
    row(f"XML reader, {size:.1f} MB (SourceNode tree with lines)", ours * 1000, "ms", "libxml2 xmlReadMemory", raw * 1000, "<= 1.5")
    convert, _ = median([EHCP, "convert", big_xml, "--to", "canonical-json"], 3)
    xmllint, _ = median(["xmllint", "--noout", big_xml], 3)
    row("ehcp convert big.xml → JSON (whole process)", convert * 1000, "ms", "xmllint --noout", xmllint * 1000, "<= 3")
    schema = os.path.join(ROOT, "Schemas", "ehcp-application-1.xsd")
    xsd, _ = median(["xmllint", "--noout", "--schema", schema, big_xml], 3)
    row("  for reference: xmllint --noout --schema", xsd * 1000, "ms", "", None)

    print(f"{'figure':56} {'value':>9} {'unit':9} {'compared with':22} {'other':>8} {'ratio':>6}  target")
    for figure, value, unit, compared, other, target in ROWS:
        ratio = value / other if other else None
        verdict = ""
        if target and ratio is not None:
            bound = float(target.split()[1])
            verdict = f"{target}: " + ("met" if (ratio <= bound if target.startswith("<") else ratio >= bound) else "MISSED")
        print(f"{figure:56} {value:9.1f} {unit:9} {compared:22} {'' if other is None else f'{other:8.1f}':>8} "
              f"{'' if ratio is None else f'{ratio:6.2f}':>6}  {verdict}")
    print(f"\nehcp binary: {os.path.relpath(EHCP, ROOT)}")
    if not has_jobs:
        print("\nThis build's `ehcp validate` has no --jobs flag: batch rows are one process, one bundle at a time.")


if __name__ == "__main__":
    main()
