#!/usr/bin/env bash
# Mikomi developer entry point for Debian/Ubuntu.
#   ./dev.sh run     install what is missing, build, open the app on a sample database
#   ./dev.sh test    install what is missing, build, run every test with ctest (headless)
#   ./dev.sh bench   build optimised and run the benchmarks in tests/bench
#   ./dev.sh format  clang-format the tree
#   ./dev.sh package build a .deb (build-package/mikomi_*.deb): sudo apt install ./build-package/mikomi_*.deb
set -euo pipefail
cd "$(dirname "$0")"

BUILD_DIR=${BUILD_DIR:-build}
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}
PACKAGES=(cmake ninja-build g++ qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev
  qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6opengl6-dev
  libgl-dev libxkbcommon-dev libsqlite3-dev sqlite3 fonts-ipafont-gothic libqt6svg6
  libphonenumber-dev # libphonenumber: Google's phone number metadata, to read numbers from anywhere
  postgresql libqt6sql6-psql # team mode (docs/team.md): Qt's QPSQL driver, and the server the
                             # tests start a throwaway copy of (tests/support)
  libpq-dev # the headers of libpq, the library QPSQL is built on: bulk writes to a team server by
            # COPY on QPSQL's own connection (models/storage/pgcopy.h; 2-3x faster than INSERTs)
  # Suggested readings of names (models/japan/readingdictionary.h): MeCab with its UTF-8 IPA
  # dictionary and KAKASI, both asked because where they agree they were right on every name of
  # tests/data/readings (MeCab alone 77/85, KAKASI alone 79/85)
  libmecab-dev mecab-ipadic-utf8 libkakasi2-dev kakasi
  poppler-utils # tests only: tst_reportpdf reads the PDF report as a reader would (pdftotext,
                 # pdffonts, pdfimages, pdfinfo: real text, embedded fonts, vector charts)
  # Business cards read offline (issue 16): tesseract 5 (Apache-2.0; 0.3 s a card, no cloud) with
  # Debian's Japanese, vertical Japanese and English models, and leptonica, the image library it
  # is built on (lighting and skew correction).
  libtesseract-dev libleptonica-dev tesseract-ocr-jpn tesseract-ocr-jpn-vert tesseract-ocr-eng
  pkg-config)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_missing() {
  local missing=()
  [ $# -gt 0 ] && PACKAGES+=("$@")
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null; then
    say "Missing packages: ${missing[*]}. This script installs them on Debian/Ubuntu only; see README.md for other systems."
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "Installing ${missing[*]} needs root (no sudo found)."; exit 1; }
    sudo=(sudo)
  fi
  say "Installing: ${missing[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

configure_and_build() {
  local werror=OFF
  [ "${CI:-}" = "true" ] && werror=ON
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="$BUILD_TYPE" -DMIKOMI_WERROR="$werror" "$@"
  cmake --build "$BUILD_DIR" -j "$(nproc)"
}

cmd=${1:-}
shift || true
case "$cmd" in
  run)
    install_missing
    configure_and_build -DMIKOMI_BUILD_TESTS=OFF
    db=${MIKOMI_DB:-$PWD/$BUILD_DIR/sample.mikomi}
    if [ ! -f "$db" ]; then
      say "Creating a sample database at $db"
      "$BUILD_DIR/app/mikomi" demo --db "$db" --leads 5000 --seed 1
    fi
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
      say "No display found (DISPLAY and WAYLAND_DISPLAY are empty), so the window cannot open."
      say "Run it under a virtual display:   xvfb-run -a $BUILD_DIR/app/mikomi --db $db"
      say "  (apt-get install xvfb xauth), or without a window:  QT_QPA_PLATFORM=offscreen $BUILD_DIR/app/mikomi --db $db"
      exit 2
    fi
    exec "$BUILD_DIR/app/mikomi" --db "$db" "$@"
    ;;
  test)
    install_missing
    configure_and_build
    cd "$BUILD_DIR"
    QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 ctest --output-on-failure -j "$(nproc)" "$@"
    ;;
  bench)
    install_missing
    BUILD_DIR=${BUILD_DIR/%build/build-bench}
    configure_and_build -DCMAKE_BUILD_TYPE=Release -DMIKOMI_BUILD_BENCH=ON
    for b in "$BUILD_DIR"/tests/bench/bench_*; do
      [ -x "$b" ] || continue
      say "$(basename "$b")"
      "$b" "$@"
    done
    ;;
  format)
    git ls-files '*.cpp' '*.h' | xargs clang-format -i
    ;;
  package)
    # dpkg-shlibdeps (dpkg-dev) computes the .deb's library dependencies.
    install_missing dpkg-dev file
    BUILD_DIR=${BUILD_DIR/%build/build-package}
    BUILD_TYPE=Release configure_and_build -DCMAKE_INSTALL_PREFIX=/usr -DMIKOMI_BUILD_TESTS=OFF
    (cd "$BUILD_DIR" && cpack -G DEB)
    say "Built: $(ls "$BUILD_DIR"/mikomi_*.deb). Install it with: sudo apt install ./$(ls "$BUILD_DIR"/mikomi_*.deb)"
    ;;
  *)
    echo "usage: ./dev.sh run|test|bench|format|package" >&2
    exit 2
    ;;
esac
