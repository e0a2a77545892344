#!/bin/sh
# Validates one XML file against one of these schemas with xmllint (Debian package libxml2-utils).
# Usage: tests/schemas/validate.sh FILE SCHEMA   (SCHEMA: a path, or a name here such as sitemap.xsd)
# Exit status: 0 valid; 3 invalid against the schema; 1 not well-formed XML; 5 the schema itself is broken;
# 2 wrong usage or xmllint missing. xmllint's messages go to standard error.
set -eu
if [ "$#" -ne 2 ]; then
  echo "usage: $0 FILE SCHEMA" >&2
  exit 2
fi
command -v xmllint >/dev/null 2>&1 || { echo "$0: xmllint not found (apt-get install libxml2-utils)" >&2; exit 2; }
schema=$2
if [ ! -f "$schema" ]; then
  schema="$(dirname "$0")/$schema"
fi
exec xmllint --noout --nonet --schema "$schema" "$1"
