#!/usr/bin/env python3
"""Generates N synthetic request bundles, the same ones for the same seed.

Usage: Benchmarks/generate.py OUT N [--seed S] [--ehcp PATH] [--canonical]

Templates are the repository's own bundles: Examples/riverside-request and every
LocalAuthorities/*/examples/<case>/ (14 authorities plus England, passing and failing cases, 3 to
10 evidence files each). Each bundle takes a template at random, a syntax (YAML 80%, JSON 10%,
XML 10%; the JSON and XML forms are made once per template with `ehcp convert`), its own
reference, and copies of the template's evidence files.

With --canonical every bundle is the issue's canonical case instead: Examples/riverside-request,
a YAML document of about 4 KB and its small evidence files, with its own reference.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def templates(canonical):
    found = [os.path.join(ROOT, "Examples", "riverside-request")]
    if canonical:
        return found
    authorities = os.path.join(ROOT, "LocalAuthorities")
    for authority in sorted(os.listdir(authorities)):
        examples = os.path.join(authorities, authority, "examples")
        if not os.path.isdir(examples):
            continue
        for case in sorted(os.listdir(examples)):
            if os.path.isfile(os.path.join(examples, case, "application.yaml")):
                found.append(os.path.join(examples, case))
    return found


def forms(template, cache, ehcp, canonical):
    """The template's document in each syntax: {extension: text}."""
    source = os.path.join(template, "application.yaml")
    result = {"yaml": open(source, encoding="utf-8").read()}
    if canonical:
        return result
    for extension, format_id in (("json", "canonical-json"), ("xml", "canonical-xml")):
        target = os.path.join(cache, f"{abs(hash(template))}.{extension}")
        if not os.path.exists(target):
            # A failing example's document is converted as far as it goes (--force).
            subprocess.run([ehcp, "convert", source, "--to", format_id, "--force", "--output", target],
                           check=True, stderr=subprocess.DEVNULL)
        result[extension] = open(target, encoding="utf-8").read()
    return result


REFERENCE = {
    "yaml": (re.compile(r"^reference: .*$", re.M), "reference: BENCH-{:06d}"),
    "json": (re.compile(r'"reference": "[^"]*"'), '"reference": "BENCH-{:06d}"'),
    "xml": (re.compile(r"<reference>[^<]*</reference>"), "<reference>BENCH-{:06d}</reference>"),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--ehcp", default=os.path.join(ROOT, ".build", "release", "ehcp"))
    parser.add_argument("--canonical", action="store_true")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    cache = os.path.join(args.out, ".templates")
    os.makedirs(cache, exist_ok=True)
    chosen = templates(args.canonical)
    documents = {template: forms(template, cache, args.ehcp, args.canonical) for template in chosen}
    for index in range(args.count):
        template = rng.choice(chosen)
        syntax = "yaml" if args.canonical else rng.choices(["yaml", "json", "xml"], [8, 1, 1])[0]
        bundle = os.path.join(args.out, f"bundle-{index:05d}")
        shutil.rmtree(bundle, ignore_errors=True)
        evidence = os.path.join(template, "evidence")
        if os.path.isdir(evidence):
            shutil.copytree(evidence, os.path.join(bundle, "evidence"))
        else:  # a template whose document names no evidence files
            os.makedirs(bundle)
        pattern, replacement = REFERENCE[syntax]
        text, count = pattern.subn(replacement.format(index), documents[template][syntax], count=1)
        if count == 0:  # a template without a reference keeps its document as it is
            text = documents[template][syntax]
        with open(os.path.join(bundle, f"application.{syntax}"), "w", encoding="utf-8") as out:
            out.write(text)
    shutil.rmtree(cache)
    print(f"{args.count} bundles from {len(chosen)} templates in {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
