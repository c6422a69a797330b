#!/usr/bin/env python3
"""Fill unfinished messages of a .ts file from other .ts files (e.g. after merging branches).

usage: merge_ts.py [--any-context] TARGET.ts SOURCE.ts [SOURCE.ts ...]

A message is matched by (context, source, comment, plural or not); only finished translations
are copied. With --any-context, a message with no match in its own context takes the translation
of the same (source, comment, plural or not) from another context: first from the old catch-all
context "Mikomi" (where messages moved out of by translations/set_contexts.py came from), then
from any other context if all of them agree. Messages that stay unfinished are listed.
"""
import sys
import xml.etree.ElementTree as ET

OLD_CONTEXT = 'Mikomi'


def key(msg):
    src = msg.findtext('source') or ''
    com = msg.findtext('comment') or ''
    return (src, com, msg.get('numerus') == 'yes')


def finished(msg):
    tr = msg.find('translation')
    if tr is None or tr.get('type') in ('unfinished', 'vanished', 'obsolete'):
        return None
    return tr


def same(a, b):
    return (a.text or '') == (b.text or '') and \
        [c.text for c in a] == [c.text for c in b]


def main():
    args = sys.argv[1:]
    any_context = '--any-context' in args
    args = [a for a in args if a != '--any-context']
    if len(args) < 2:
        sys.exit(__doc__)
    target, sources = args[0], args[1:]
    exact = {}     # (context, source, comment, numerus) -> translation
    old = {}       # (source, comment, numerus) -> translation in the "Mikomi" context
    anywhere = {}  # (source, comment, numerus) -> [translations in other contexts]
    for path in sources:
        for ctx in ET.parse(path).getroot().iter('context'):
            name = ctx.findtext('name')
            for msg in ctx.iter('message'):
                tr = finished(msg)
                if tr is None:
                    continue
                exact[(name,) + key(msg)] = tr
                if name == OLD_CONTEXT:
                    old[key(msg)] = tr
                else:
                    anywhere.setdefault(key(msg), []).append(tr)
    tree = ET.parse(target)
    filled = from_other = 0
    missing = []
    for ctx in tree.getroot().iter('context'):
        name = ctx.findtext('name')
        for msg in ctx.iter('message'):
            tr = msg.find('translation')
            if tr is None or tr.get('type') != 'unfinished':
                continue
            got = exact.get((name,) + key(msg))
            if got is None and any_context:
                got = old.get(key(msg))
                if got is None:
                    others = anywhere.get(key(msg), [])
                    if others and all(same(others[0], o) for o in others[1:]):
                        got = others[0]
                if got is not None:
                    from_other += 1
            if got is None:
                missing.append((name, key(msg)[0]))
                continue
            tr.attrib.pop('type', None)
            tr.text = got.text
            for child in list(tr):
                tr.remove(child)
            for child in got:
                tr.append(child)
            filled += 1
    with open(target, 'wb') as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding='utf-8', xml_declaration=False)
        f.write(b'\n')
    print(f'{target}: filled {filled} ({from_other} from another context), '
          f'still unfinished {len(missing)}')
    for name, src in missing:
        print(f'  unfinished: {name}: {src!r}')


if __name__ == '__main__':
    main()
