#!/usr/bin/env python3
"""The yardstick: the script a data officer might write instead of ehcp.

Usage: Benchmarks/yardstick.py FOLDER-OF-BUNDLES

It reads every bundle's application document (PyYAML's C loader for YAML, the json module, and
ElementTree for the canonical XML), hand-codes a handful of the checks ehcp makes, and prints one
line per bundle with problems, then a total. The checks: required fields present; every evidence
item's file exists inside the bundle, is not empty and starts with the signature its extension
promises; at least one SEN support plan or assess-plan-do-review record; reports dated within 24
months of the date of request. One process, one bundle after another, as such a script would be.
"""
import datetime
import json
import os
import sys
import xml.etree.ElementTree as ElementTree

import yaml

REQUIRED = ["schemaVersion", "authority", "dateOfRequest", "requester.role", "child.givenNames",
            "child.familyName", "child.dateOfBirth"]
SIGNATURES = {".pdf": [b"%PDF-"], ".png": [b"\x89PNG"], ".jpg": [b"\xff\xd8\xff"], ".jpeg": [b"\xff\xd8\xff"],
              ".docx": [b"PK\x03\x04"], ".odt": [b"PK\x03\x04"], ".rtf": [b"{\\rtf"], ".doc": [b"\xd0\xcf\x11\xe0"],
              ".tif": [b"II*\x00", b"MM\x00*"], ".tiff": [b"II*\x00", b"MM\x00*"], ".txt": [b""]}
REPORTS = {"educational-psychologist-report", "speech-and-language-report", "medical-report",
           "occupational-therapy-report", "need-descriptor"}
LISTS = {"evidence", "graduatedApproach", "provision", "needs", "parents", "professionals", "consent",
         "attainment"}


def from_xml(element):
    children = list(element)
    if not children:
        return element.text or ""
    name = element.tag.split("}")[-1]
    if name in LISTS or all(child.tag.split("}")[-1] == "item" for child in children):
        return [from_xml(child) for child in children]
    return {child.tag.split("}")[-1]: from_xml(child) for child in children}


def load(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    if path.endswith(".xml"):
        return from_xml(ElementTree.parse(path).getroot())
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CLoader)


def lookup(document, dotted):
    value = document
    for key in dotted.split("."):
        if not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def as_date(value):
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        return None


def check(bundle):
    names = [name for name in ("application.yaml", "application.yml", "application.json", "application.xml")
             if os.path.exists(os.path.join(bundle, name))]
    if len(names) != 1:
        return ["no single application document"]
    document = load(os.path.join(bundle, names[0]))
    if not isinstance(document, dict):
        return ["the document is not a mapping"]
    problems = [f"missing {field}" for field in REQUIRED if lookup(document, field) in (None, "")]
    requested = as_date(document.get("dateOfRequest"))
    evidence = document.get("evidence") or []
    types = set()
    root = os.path.realpath(bundle)
    for index, item in enumerate(evidence):
        if not isinstance(item, dict):
            continue
        types.add(item.get("type"))
        name = str(item.get("file", ""))
        path = os.path.realpath(os.path.join(bundle, name))
        if not path.startswith(root + os.sep) or not os.path.isfile(path):
            problems.append(f"evidence[{index}].file does not exist")
            continue
        if os.path.getsize(path) == 0:
            problems.append(f"evidence[{index}].file is empty")
            continue
        with open(path, "rb") as handle:
            head = handle.read(8)
        signatures = SIGNATURES.get(os.path.splitext(name)[1].lower())
        if signatures is None or not any(head.startswith(signature) for signature in signatures):
            problems.append(f"evidence[{index}].file does not look like its extension")
        dated = as_date(item.get("date"))
        if item.get("type") in REPORTS and requested and dated and (requested - dated).days > 730:
            problems.append(f"evidence[{index}] is older than 24 months")
    if not types & {"sen-support-plan", "apdr-review"}:
        problems.append("no SEN support plan or APDR review")
    return problems


def main():
    folder = sys.argv[1]
    bundles = sorted(os.path.join(folder, name) for name in os.listdir(folder) if not name.startswith("."))
    with_problems = 0
    for bundle in bundles:
        problems = check(bundle)
        if problems:
            with_problems += 1
            print(f"{bundle}: {'; '.join(problems)}")
    print(f"{len(bundles)} bundles, {with_problems} with problems")


if __name__ == "__main__":
    main()
