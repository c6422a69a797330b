#!/bin/sh
# Types a Japanese family name through a real input method (ibus + ibus-anthy) into the card form
# under xvfb, and saves screenshots of the composition (やまだ), the conversion (山田) and the
# commit, where the family name reading should read ヤマダ (ui/readingcapture.*). A manual check
# beside the synthetic QInputMethodEvent test of tst_japaneseentry; not part of ctest (it needs a
# session bus, an ibus daemon and about 25 s).
#   apt-get install ibus ibus-anthy python3-gi xdotool imagemagick   (Debian 12)
#   scripts/ime_check.sh [OUT_DIR]      then look at OUT_DIR/3-committed.png
# BUILD names the build directory (default build). ibus-anthy runs /usr/bin's python3 (python3-gi):
# a python3 earlier on PATH (pyenv) hides gi from it, so /usr/bin goes first. Anthy starts in
# Latin input; Ctrl+J turns Japanese input on.
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
OUT=$(realpath -m "${1:-/tmp/mikomi-ime}")
mkdir -p "$OUT"
rm -f "$OUT"/*.png "$OUT"/ime.mikomi*
if [ -z "${MIKOMI_IME_INNER:-}" ]; then
    MIKOMI_IME_INNER=1 BUILD="$BUILD" exec xvfb-run -a -s "-screen 0 1280x800x24" \
        dbus-run-session -- "$0" "$OUT"
fi
export PATH=/usr/bin:/bin:$PATH
export QT_IM_MODULE=ibus XMODIFIERS=@im=ibus
ibus-daemon --xim --daemonize --replace --panel=disable --cache=refresh 2>"$OUT/ibus.err"
sleep 3
for i in 1 2 3 4 5; do ibus engine anthy 2>/dev/null && break; sleep 2; done
[ "$(ibus engine)" = anthy ] || { echo "ibus has no anthy engine (ibus-anthy, python3-gi?)" >&2; exit 1; }
"$BUILD/app/mikomi" --db "$OUT/ime.mikomi" >"$OUT/app.out" 2>&1 &
APP=$!
sleep 6
WID=$(xdotool search --sync --onlyvisible --name . | tail -1)
xdotool windowactivate --sync "$WID" 2>/dev/null || true
xdotool windowfocus --sync "$WID"
sleep 1
xdotool key ctrl+shift+b # card mode; the cursor on Company
sleep 3
xdotool key Tab Tab Tab # Family name
sleep 1
xdotool key ctrl+j # Japanese input on
sleep 1
xdotool type --delay 150 yamada
sleep 1
import -window root "$OUT/1-composing.png"
xdotool key space # convert
sleep 1
import -window root "$OUT/2-converted.png"
xdotool key Return # commit
sleep 1
import -window root "$OUT/3-committed.png"
kill "$APP"
echo "screenshots in $OUT: 1-composing.png (やまだ), 2-converted.png (山田), 3-committed.png (reading ヤマダ)"
