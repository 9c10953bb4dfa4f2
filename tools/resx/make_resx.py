"""Writes a neutral (en) and a zh-CN .resx from one table, so both languages stay key-for-key in step."""
import sys
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
'''


def write(path, rows):
    for suffix, col in (("", 1), (".zh-CN", 2)):
        with open(f"{path}{suffix}.resx", "w", encoding="utf-8") as f:
            f.write(HEADER)
            for row in rows:
                f.write(f'  <data name="{row[0]}" xml:space="preserve">\n    <value>{escape(row[col])}</value>\n  </data>\n')
            f.write("</root>\n")


def read(path):
    """The rows (key, en, zh-CN) of an existing pair, in file order."""
    import xml.etree.ElementTree as ET
    values = {}
    for suffix in ("", ".zh-CN"):
        root = ET.parse(f"{path}{suffix}.resx").getroot()
        values[suffix] = {d.get("name"): d.find("value").text or "" for d in root.findall("data")}
    return [(k, v, values[".zh-CN"].get(k, v)) for k, v in values[""].items()]


def update(path, rows):
    """Adds rows to an existing pair (or creates it); a row with an existing key replaces that key's texts."""
    import os
    existing = read(path) if os.path.exists(f"{path}.resx") else []
    new = {r[0]: r for r in rows}
    merged = [new.pop(r[0], r) for r in existing] + [r for r in rows if r[0] in new]
    write(path, merged)
