#!/bin/sh
# A fresh Ubuntu/Debian ships python3 without the venv module (package python3.X-venv); install it.
set -eu
py=${1:-python3}
ver=$($py -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "python$ver-venv" >/dev/null || \
  $SUDO apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
