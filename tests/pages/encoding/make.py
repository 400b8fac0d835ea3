#!/usr/bin/env python3
"""Writes the encoding fixtures in this folder (run once; the outputs are committed).

Each page holds the same kind of sentence in a language its charset serves, declared
(or not) in the way the file name says.  encoding_spec.lua checks the decoded text."""
import codecs

TEXT = {
    "utf8": ("utf-8", "Ünïcödé façade — naïve café, 東京, Москва."),
    "cp1252": ("cp1252", "Café crème, “smart quotes” — and € signs."),
    "latin2": ("iso-8859-2", "Zażółć gęślą jaźń, Příliš žluťoučký kůň."),
    "koi8r": ("koi8-r", "Съешь же ещё этих мягких французских булок."),
    "sjis": ("shift_jis", "日本語のテキスト、東京都。"),
    "gb18030": ("gb18030", "中文文本，北京市。"),
}


def page(title, body, meta=""):
    return f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head><body><p>{body}</p></body></html>"


def write(name, data):
    with open(name, "wb") as f:
        f.write(data)


for key, (enc, text) in TEXT.items():
    html = page(key, text, f'<meta charset="{enc}">')
    write(f"{key}-meta.html", html.encode(enc))
    with open(f"{key}.txt", "w", encoding="utf-8") as f:
        f.write(text)
# UTF-8 with a BOM and no declaration; UTF-8 with nothing at all
write("utf8-bom.html", codecs.BOM_UTF8 + page("bom", TEXT["utf8"][1]).encode("utf-8"))
write("utf8-bare.html", page("bare", TEXT["utf8"][1]).encode("utf-8"))
# windows-1252 with no declaration: the fallback
write("cp1252-bare.html", page("bare", TEXT["cp1252"][1]).encode("cp1252"))
# KOI8-R declared only in the old http-equiv form
write("koi8r-httpequiv.html", page("he", TEXT["koi8r"][1],
      '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">').encode("koi8-r"))
# the meta charset lies: declares ISO-8859-1, the bytes are UTF-8
write("utf8-lying-meta.html", page("lie", TEXT["utf8"][1], '<meta charset="iso-8859-1">').encode("utf-8"))
# declares UTF-8, bytes are windows-1252
write("cp1252-lying-meta.html", page("lie", TEXT["cp1252"][1], '<meta charset="utf-8">').encode("cp1252"))
# no declaration at all: Shift_JIS needs the HTTP header (content_type option)
write("sjis-bare.html", page("sjis", TEXT["sjis"][1]).encode("shift_jis"))
# UTF-16LE with BOM
write("utf16le-bom.html", codecs.BOM_UTF16_LE + page("u16", TEXT["utf8"][1]).encode("utf-16-le"))
