#!/usr/bin/env bash
# Renders the PNG sizes of the hicolor icon theme from resources/mikomi.svg (the one source of the
# icon). The PNGs are committed, so building needs no SVG tool; run this after editing the SVG.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 22 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" ../mikomi.svg -o "mikomi-$size.png"
done
