#!/bin/sh
# Install the Debian packages edustat needs to build and test, if missing.
# Usage: scripts/deps.sh [--check]   (--check: only report what is missing)
set -eu

PACKAGES="build-essential pkg-config libcjson-dev libcmocka-dev libgsl-dev \
libhpdf-dev libuchardet-dev libgumbo-dev libfreetype-dev libfontconfig-dev zlib1g-dev \
fonts-wqy-zenhei clang chromium python3 python3-fonttools poppler-utils qpdf time \
libxlsxwriter-dev"

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
echo "scripts/deps.sh: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >&2
