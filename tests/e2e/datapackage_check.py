#!/usr/bin/env python3
"""Check a run's datapackage.json as a Data Package (v2) reader would.

Usage: datapackage_check.py DIR [PROFILE.json]

The rules of the Data Package v2 profile that bear on what edustat writes,
stated here as a JSON Schema (draft-07) of our own: package, resources
(name, path or inline data, type, media type, hash, dialect) and Table
Schema fields (name, a v2 field type, primaryKey). The official profile
(https://datapackage.org/profiles/2.0/datapackage.json) is not packaged by
Debian nor on the npm registry this project installs from; given as a
second argument (a downloaded copy), the descriptor is checked against it
too. Then what no schema can say: every path exists in DIR, names are
unique, primaryKey names fields, and each CSV's header row is its fields in
order, with the key unique over the rows.
"""
import csv
import json
import os
import sys

import jsonschema

FIELD_TYPES = ["string", "number", "integer", "boolean", "object", "array", "list",
               "datetime", "date", "time", "year", "yearmonth", "duration",
               "geopoint", "geojson", "any"]

# A POSIX path inside the package (no leading . / ~, no "..", no backslash,
# no scheme) or an http(s)/ftp(s) URL.
PATH = {"type": "string",
        "pattern": r"^((?=[^./~])(?!file:)((?!/\.\./)(?!\\)(?!://).)*|(http|ftp)s?://.*)$"}

FIELD = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "type": {"enum": FIELD_TYPES},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "format": {"type": "string"},
    },
}

TABLE_SCHEMA = {
    "type": "object",
    "required": ["fields"],
    "properties": {
        "fields": {"type": "array", "minItems": 1, "items": FIELD},
        "primaryKey": {"oneOf": [{"type": "string"},
                                 {"type": "array", "minItems": 1, "items": {"type": "string"}}]},
        "missingValues": {"type": "array"},
    },
}

DIALECT = {
    "type": "object",
    "properties": {
        "header": {"type": "boolean"},
        "delimiter": {"type": "string", "minLength": 1, "maxLength": 1},
        "quoteChar": {"type": "string", "minLength": 1, "maxLength": 1},
        "lineTerminator": {"type": "string"},
        "doubleQuote": {"type": "boolean"},
    },
}

RESOURCE = {
    "type": "object",
    "oneOf": [{"required": ["name", "path"]}, {"required": ["name", "data"]}],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "path": {"oneOf": [PATH, {"type": "array", "minItems": 1, "items": PATH}]},
        "type": {"enum": ["table"]},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "format": {"type": "string"},
        "mediatype": {"type": "string", "pattern": "^(.+)/(.+)$"},
        "encoding": {"type": "string"},
        "bytes": {"type": "integer"},
        "hash": {"type": "string", "pattern": "^([^:]+:[a-fA-F0-9]+|[a-fA-F0-9]{32}|)$"},
        "dialect": DIALECT,
        "schema": TABLE_SCHEMA,
    },
}

PACKAGE = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["resources"],
    "properties": {
        "$schema": {"type": "string"},
        "name": {"type": "string"},
        "title": {"type": "string"},
        "description": {"type": "string"},
        "created": {"type": "string", "format": "date-time"},
        "keywords": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        "resources": {"type": "array", "minItems": 1, "items": RESOURCE},
    },
}


def fail(msg):
    print("datapackage_check: " + msg, file=sys.stderr)
    sys.exit(1)


def main():
    if len(sys.argv) not in (2, 3):
        fail("usage: datapackage_check.py DIR [PROFILE.json]")
    root = sys.argv[1]
    with open(os.path.join(root, "datapackage.json"), encoding="utf-8") as f:
        pkg = json.load(f)
    if pkg.get("$schema") != "https://datapackage.org/profiles/2.0/datapackage.json":
        fail("$schema is not the v2 profile: %r" % pkg.get("$schema"))
    errors = sorted(jsonschema.Draft7Validator(PACKAGE, format_checker=jsonschema.FormatChecker())
                    .iter_errors(pkg), key=lambda e: list(e.path))
    if len(sys.argv) == 3:
        with open(sys.argv[2], encoding="utf-8") as f:
            profile = json.load(f)
        errors += list(jsonschema.validators.validator_for(profile)(profile).iter_errors(pkg))
    for e in errors:
        print("datapackage_check: %s: %s" % ("/".join(str(p) for p in e.path) or "(root)", e.message),
              file=sys.stderr)
    if errors:
        sys.exit(1)

    names = [r["name"] for r in pkg["resources"]]
    if len(set(names)) != len(names):
        fail("resource names repeat: %s" % names)
    for r in pkg["resources"]:
        path = os.path.join(root, r["path"])
        if not os.path.isfile(path):
            fail("%s: %s does not exist" % (r["name"], r["path"]))
        if r.get("type") != "table":
            continue
        fields = [f["name"] for f in r["schema"]["fields"]]
        if len(set(fields)) != len(fields):
            fail("%s: field names repeat" % r["name"])
        key = r["schema"].get("primaryKey", [])
        key = [key] if isinstance(key, str) else key
        if any(k not in fields for k in key):
            fail("%s: primaryKey %s names no field" % (r["name"], key))
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=r["dialect"]["delimiter"],
                                   quotechar=r["dialect"]["quoteChar"]))
        if not rows or rows[0] != fields:
            fail("%s: header %s is not the schema's fields %s" % (r["name"], rows[:1], fields))
        if key:
            at = [fields.index(k) for k in key]
            keys = [tuple(row[i] for i in at) for row in rows[1:]]
            if len(set(keys)) != len(keys):
                fail("%s: primaryKey %s repeats over the rows" % (r["name"], key))
    print("datapackage_check: %s ok (%d resources, %d tabular)"
          % (root, len(names), sum(r.get("type") == "table" for r in pkg["resources"])))


if __name__ == "__main__":
    main()
