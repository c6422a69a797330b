#!/usr/bin/env python3
"""Fill the English plural forms in mikomi_en.ts after lupdate.

Source strings are English already, so only messages with %n need a translation: "%n lead(s)"
becomes "%n lead" / "%n leads". Other messages stay empty (the source text is used).
Usage: translations/fill_en_plurals.py translations/mikomi_en.ts
"""
import re
import sys


def forms(source: str):
    singular = re.sub(r"\((?:e?s)\)", "", source)
    plural = re.sub(r"\((e?s)\)", r"\1", source)
    return singular, plural


def main(path: str) -> None:
    text = open(path, encoding="utf-8").read()

    def fix(m: re.Match) -> str:
        block = m.group(0)
        if 'numerus="yes"' not in block:
            return block
        src = re.search(r"<source>(.*?)</source>", block, re.S).group(1)
        one, many = forms(src)
        translation = (
            "<translation>\n            <numerusform>%s</numerusform>\n"
            "            <numerusform>%s</numerusform>\n        </translation>" % (one, many)
        )
        return re.sub(r"<translation[^>]*>.*?</translation>|<translation[^>]*/>", translation,
                      block, count=1, flags=re.S)

    text = re.sub(r"<message[^>]*>.*?</message>", fix, text, flags=re.S)
    open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main(sys.argv[1])
