#!/bin/sh
# Makes the screenshots of the user guide (docs/guide/img) again from the current program:
# tests/gui/guide_shots.cpp opens the window on the demo database of docs/guide/README.md and
# saves every page and dialog the guide shows, in English and Japanese; the first page of the
# manager's PDF report becomes a PNG (pdftoppm, poppler-utils); every PNG is reduced to 256
# colours (png8: tests/gui/shotpalette.h, with Qt alone) so the repository stays small.
#   scripts/guide-shots.sh [BUILD_DIR]     (default: build; configured as ./dev.sh does)
set -eu
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
OUT=docs/guide/img
ninja -C "$BUILD_DIR" guide_shots png8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
MIKOMI_SHOTS="$tmp" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=Asia/Tokyo \
    OMP_THREAD_LIMIT=1 "$BUILD_DIR/tests/gui/guide_shots"
for lang in en ja; do
    pdftoppm -png -r 72 -f 1 -l 1 -singlefile "$tmp/$lang-report.pdf" "$tmp/$lang-report"
done
mkdir -p "$OUT"
for f in "$tmp"/*.png; do
    "$BUILD_DIR/tests/gui/png8" "$f" "$OUT/$(basename "$f")"
done
du -ch "$OUT"/*.png | tail -1
