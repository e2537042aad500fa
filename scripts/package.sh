#!/usr/bin/env bash
# Builds the Debian packages (trainyard, trainyard-studio, and trainyard-runtime-dev where LibTorch is installed)
# from a Release tree into dist/ and checks them with lintian (any error fails), desktop-file-validate and
# appstreamcli.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${TRAINYARD_BUILD_DIR:-$root/build-release}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTRAINYARD_WERROR=ON
cmake --build "$build" --parallel "$(nproc)"
rm -rf "$root/dist"
(cd "$build" && cpack -G DEB >/dev/null)
ls -l "$root"/dist/*.deb
desktop-file-validate "$root/packaging/io.github.trainyard.Studio.desktop"
appstreamcli validate --no-net --pedantic "$build/packaging/io.github.trainyard.Studio.metainfo.xml"
# Errors fail; warnings are shown. (--suppress-tags: none.)
lintian --fail-on error --info "$root"/dist/*.deb
echo "package: ok"
