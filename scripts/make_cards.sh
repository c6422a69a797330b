#!/bin/sh
# Regenerates the synthetic business cards of the scanning tests (issue 16): our own invented
# people and companies, drawn with Qt (tests/ocr/makecards.cpp, tests/ocr/cardset.cpp) in
# IPAGothic / IPAPGothic (fonts-ipafont-gothic) and DejaVu Sans / Serif.
#   scripts/make_cards.sh [SET_DIR]   the benchmark's set of 24 cards, each as a 300 dpi scan and
#                                     as a phone photo (default build/cards; not in the repository)
#   scripts/make_cards.sh --unit      the five cards tst_cardscan reads, into tests/data/cards
# Then: build/tests/bench/bench_scan build/cards   (cmake -DMIKOMI_BUILD_BENCH=ON)
# BUILD names the build directory (default build). The output is the same on every run.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
ninja -C "$BUILD" makecards >/dev/null
if [ "${1:-}" = "--unit" ]; then
    QT_QPA_PLATFORM=offscreen "$BUILD/tests/ocr/makecards" tests/data/cards
else
    QT_QPA_PLATFORM=offscreen "$BUILD/tests/ocr/makecards" --set "${1:-$BUILD/cards}"
fi
