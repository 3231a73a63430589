#!/bin/sh
# Installs the Debian/Ubuntu packages that Qt and the test tools need, when any is missing.
# Usage: build/system-packages.sh run|test
# Each entry may list alternatives ("a|b"): the first one the package index knows is used, so the
# same list serves Debian 12 and Ubuntu 24.04 (where some libraries gained a t64 suffix).
set -eu

RUN="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
     libglib2.0-0t64|libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
     libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 fonts-dejavu-core"
TEST="$RUN xvfb xauth minisign age poppler-utils zbar-tools zip unzip"

case "${1:-run}" in
  run) wanted=$RUN ;;
  test) wanted=$TEST ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

command -v dpkg-query >/dev/null 2>&1 || { echo "not Debian/Ubuntu: install Qt's runtime libraries yourself" >&2; exit 0; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

missing=""
for entry in $wanted; do
  found=""
  for pkg in $(echo "$entry" | tr '|' ' '); do
    if installed "$pkg"; then found=yes; break; fi
  done
  [ -n "$found" ] || missing="$missing $entry"
done
[ -n "$missing" ] || exit 0

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "missing system packages:$missing (run as root: apt-get install them)" >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
chosen=""
for entry in $missing; do
  for pkg in $(echo "$entry" | tr '|' ' '); do
    if apt-cache show "$pkg" >/dev/null 2>&1; then chosen="$chosen $pkg"; break; fi
  done
done
echo "installing system packages:$chosen"
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $chosen >/dev/null
