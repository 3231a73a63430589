#!/bin/sh
# Adds SPM Luring to this user's menu, opens .spmb bundles with it, and puts `spm-luring` on the PATH
# (~/.local/bin). Run it from the unpacked folder; nothing outside your home folder is changed.
# Your data stays in ~/.local/share/SPM Luring whatever you do with this folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$HOME/.local/bin" "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/mime/packages"
ln -sf "$here/spm-luring" "$HOME/.local/bin/spm-luring"
sed "s|@EXEC@|\"$here/spm-luring\"|" "$here/share/spm-luring.desktop" > "$data/applications/spm-luring.desktop"
cp "$here/share/spm-luring.png" "$data/icons/hicolor/256x256/apps/spm-luring.png"
cp "$here/share/spm-luring-mime.xml" "$data/mime/packages/spm-luring.xml"
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data/applications" || true
echo "SPM Luring ada di menu aplikasi; perintah: $HOME/.local/bin/spm-luring"
