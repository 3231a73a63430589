#!/bin/sh
# After PyInstaller (make dist): the Linux tarball, with its .desktop file, icon, .spmb file type and
# install-desktop.sh, and an AppImage when appimagetool is on the PATH (Debian and PyPI do not ship it;
# download it from the AppImage project when you want one).
# Usage: build/linux-package.sh DISTDIR
set -eu
dist=${1:-dist}
[ "$(uname -s)" = Linux ] || { echo "not Linux: no tarball" >&2; exit 0; }
app="$dist/spm-luring"
version=$("$app/spm-luring" --version | cut -d' ' -f2)
name="spm-luring-$version-linux-$(uname -m)"
here=$(cd "$(dirname "$0")" && pwd)
# Staged beside the build (hard links: no copy of its 250 MB), then packed as one top folder.
stage="$dist/.package"
rm -rf "$stage"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage"
cp -al "$app" "$stage/$name"
mkdir "$stage/$name/share"
cp "$here/linux/spm-luring.desktop" "$here/linux/spm-luring-mime.xml" "$here/../resources/icons/spm-luring.png" "$stage/$name/share/"
cp "$here/linux/install-desktop.sh" "$stage/$name/"
tar -C "$stage" --use-compress-program="gzip -1" -cf "$dist/$name.tar.gz.part" "$name"
mv "$dist/$name.tar.gz.part" "$dist/$name.tar.gz"
echo "$dist/$name.tar.gz"

if command -v appimagetool >/dev/null 2>&1; then
  appdir="$stage/SPM_Luring.AppDir"
  mkdir -p "$appdir/usr/lib"
  cp -a "$app" "$appdir/usr/lib/spm-luring"
  cp "$here/linux/AppRun" "$appdir/AppRun"
  sed 's|@EXEC@|spm-luring|' "$here/linux/spm-luring.desktop" > "$appdir/spm-luring.desktop"
  cp "$here/../resources/icons/spm-luring.png" "$appdir/spm-luring.png"
  ARCH=$(uname -m) appimagetool --no-appstream "$appdir" "$dist/$name.AppImage"
  echo "$dist/$name.AppImage"
else
  echo "appimagetool not found: no AppImage (the tarball is enough)" >&2
fi
