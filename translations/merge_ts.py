#!/usr/bin/env python3
"""Fill unfinished messages of a .ts file from other .ts files (e.g. after merging branches).

usage: merge_ts.py TARGET.ts SOURCE.ts [SOURCE.ts ...]
A message is matched by (context, source, comment); only finished translations are copied.
"""
import sys
import xml.etree.ElementTree as ET


def key(ctx, msg):
    src = msg.findtext('source') or ''
    com = msg.findtext('comment') or ''
    return (ctx, src, com)


def main():
    target, sources = sys.argv[1], sys.argv[2:]
    known = {}
    for path in sources:
        for ctx in ET.parse(path).getroot().iter('context'):
            name = ctx.findtext('name')
            for msg in ctx.iter('message'):
                tr = msg.find('translation')
                if tr is None or tr.get('type') in ('unfinished', 'vanished', 'obsolete'):
                    continue
                known[key(name, msg)] = tr
    tree = ET.parse(target)
    filled = missing = 0
    for ctx in tree.getroot().iter('context'):
        name = ctx.findtext('name')
        for msg in ctx.iter('message'):
            tr = msg.find('translation')
            if tr is None or tr.get('type') != 'unfinished':
                continue
            got = known.get(key(name, msg))
            if got is None:
                missing += 1
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
    print(f'{target}: filled {filled}, still unfinished {missing}')


if __name__ == '__main__':
    main()
