#!/bin/sh
# Install the Debian packages edustat needs to build and test, if missing.
# Usage: scripts/deps.sh [--check]   (--check: only report what is missing)
set -eu

PACKAGES="build-essential pkg-config libcjson-dev libcmocka-dev libgsl-dev \
libhpdf-dev libuchardet-dev libgumbo-dev libfreetype-dev libfontconfig-dev zlib1g-dev \
fonts-wqy-zenhei clang chromium python3 python3-fonttools poppler-utils qpdf time python3-jsonschema \
libxlsxwriter-dev libzip-dev libxml2-dev libpoppler-glib-dev libfreexl-dev"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

[ -z "$missing" ] && exit 0

if [ "${1:-}" = "--check" ]; then
    echo "missing Debian packages:$missing" >&2
    exit 1
fi

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
# apt's own output goes to a log, shown only when the installation fails
log=${TMPDIR:-/tmp}/edustat-deps.log
echo "scripts/deps.sh: installing$missing (log: $log)" >&2
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends $missing; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "scripts/deps.sh: installing$missing failed; see $log" >&2
    exit 1
fi
