#!/usr/bin/env python3
"""Adds or replaces UI strings in both resource files (Dutch default, English).

usage: tools/add-resource.py KEY 'Nederlandse tekst' 'English text' [KEY nl en ...]

Run from the repository root. Keeps the files' layout (one <data> block per key, new keys at the end).
"""
import fcntl
import re
import sys
from xml.sax.saxutils import escape

args = sys.argv[1:]
if not args or len(args) % 3 != 0:
    sys.exit(__doc__)

base = 'src/Baken/Resources/SharedResource'
# Several sessions may add texts at once: one at a time.
lock = open(base + '.resx', encoding='utf-8')
fcntl.flock(lock, fcntl.LOCK_EX)
for suffix, index in (('.resx', 1), ('.en.resx', 2)):
    path = base + suffix
    with open(path, encoding='utf-8') as file:
        text = file.read()
    for i in range(0, len(args), 3):
        key, value = args[i], args[i + index]
        block = f'  <data name="{key}" xml:space="preserve">\n    <value>{escape(value)}</value>\n  </data>\n'
        existing = re.compile(r'  <data name="' + re.escape(key) + r'" xml:space="preserve">\n    <value>.*?</value>\n  </data>\n', re.S)
        text = existing.sub(lambda _: block, text) if existing.search(text) else text.replace('</root>', block + '</root>')
    with open(path, 'w', encoding='utf-8') as file:
        file.write(text)
