#!/usr/bin/env python3
"""Derives the fixtures of tests/an/derived/ and tests/an/broken/ from the
real document real/QANR5L17QE5268.json (Assemblée nationale, open data,
Licence Ouverte): each changes only what its shape needs, and is written
as the Assemblée serves its JSON (one line, ASCII \\u escapes).

Run from tests/an/: python3 derive.py
"""
import copy
import json

with open("real/QANR5L17QE5268.json", encoding="ascii") as f:
    REAL = json.load(f)


def write(path, document):
    with open(path, "w", encoding="ascii") as f:
        f.write(json.dumps(document))


def variant(change):
    document = copy.deepcopy(REAL)
    change(document["question"])
    return document


def jo(date, page, num=None):
    return {"typeJO": "JO_QUESTION", "dateJO": date, "pageJO": page, "numJO": num,
            "urlLegifrance": None, "referenceNOR": None}


def answer_list(q):
    # The answer published twice (a first answer, then a second one
    # after a re-attribution): the last is the answer.
    real = q["textesReponse"]["texteReponse"]
    earlier = {"infoJO": jo("2025-05-13", "3512", "20250019"),
               "texte": "Une premi\u00e8re r\u00e9ponse, <em>provisoire</em>, a \u00e9t\u00e9 publi\u00e9e."}
    q["textesReponse"]["texteReponse"] = [earlier, real]
    first = q["minAttribs"]["minAttrib"]
    second = copy.deepcopy(first)
    second["infoJO"] = jo("2025-04-15", None)
    second["denomination"] = {
        "organeRef": "PO855090",
        "abrege": "Industrie",
        "developpe": "Minist\u00e8re charg\u00e9 de l\u2019industrie"}
    q["minAttribs"]["minAttrib"] = [first, second]
    q["indexationAN"]["analyses"]["analyse"] = [
        "Diamants synth\u00e9tiques", "R\u00e9vision de la terminologie des diamants synth\u00e9tiques"]


def awaiting(q):
    q["textesReponse"] = None
    q["cloture"] = None


def closed(code, label):
    def change(q):
        q["textesReponse"] = None
        q["cloture"] = {"codeCloture": code, "libelleCloture": label,
                        "dateCloture": "2025-09-30", "infoJO": None}
    return change


def unknown_code(q):
    q["cloture"]["codeCloture"] = "REP_XYZ"
    q["cloture"]["libelleCloture"] = "Autre"


def html_variants(q):
    q["textesQuestion"]["texteQuestion"]["texte"] = (
        "Mme Olivia Gr\u00e9goire interroge M. le ministre sur les <EM>pierres</EM>&nbsp;gemmes."
        "</p><p>Deuxi\u00e8me&#160;paragraphe : l&#8217;usage de &laquo;&#xA0;synth\u00e9tique&#xA0;&raquo; "
        "&amp; de &lt;laboratoire&gt;.<br/>Une ligne apr\u00e8s un saut.<br><br>"
        "<p align=\"CENTER\">Troisi\u00e8me, <i>en italique</i>, <strong>en gras</strong>"
        "<a name=PG3></a> et un &unknown; laiss\u00e9 tel quel.</p>")


def numbers_as_numbers(q):
    q["identifiant"]["numero"] = 5268
    q["identifiant"]["legislature"] = 17
    q["textesQuestion"]["texteQuestion"]["infoJO"]["pageJO"] = 1958


write("derived/answer_list.json", variant(answer_list))
write("derived/awaiting.json", variant(awaiting))
write("derived/withdrawn.json", variant(closed("RET", "Question retir\u00e9e")))
write("derived/lapsed.json", variant(closed("CAD", "Caducit\u00e9 : fin de mandat")))
write("derived/unknown_code.json", variant(unknown_code))
write("derived/html_variants.json", variant(html_variants))
write("derived/numbers.json", variant(numbers_as_numbers))

# Several documents in one file: a JSON array, and JSON Lines.
two = [variant(lambda q: None), variant(awaiting)]
two[1]["question"]["uid"] = "QANR5L17QE5269"
two[1]["question"]["identifiant"]["numero"] = "5269"
with open("derived/array.json", "w", encoding="ascii") as f:
    f.write(json.dumps(two))
with open("derived/lines.jsonl", "w", encoding="ascii") as f:
    for document in two:
        f.write(json.dumps(document) + "\n")

# Broken: cut in the middle of a text; a document that is not a question;
# JSON Lines with one bad line between good ones.
text = json.dumps(REAL)
with open("broken/truncated.json", "w", encoding="ascii") as f:
    f.write(text[: len(text) // 2])
write("broken/not_a_question.json", {"acteur": {"uid": "PA721764"}})
with open("broken/one_bad_line.jsonl", "w", encoding="ascii") as f:
    f.write(json.dumps(two[0]) + "\n")
    f.write(json.dumps(two[1])[:300] + "\n")
    f.write(json.dumps(two[1]) + "\n")

# Zip archives, as the Assemblée distributes a legislature: entries under
# a folder, deflated.
import io
import struct
import zipfile

REAL_FILES = ["QANR5L16QG1.json", "QANR5L16QG10.json", "QANR5L16QG100.json",
              "QANR5L17QE5268.json"]


def archive(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2025, 6, 3, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return out.getvalue()


def real(name):
    with open("real/" + name, "rb") as f:
        return f.read()


good = [("json/" + name, real(name)) for name in REAL_FILES]
good.append(("LISEZMOI.md", b"Not a document: skipped.\n"))
good.append(("json/", b""))
with open("zip/legislature.zip", "wb") as f:
    f.write(archive(good))

# One entry's deflated bytes damaged: that entry fails, the others load.
data = bytearray(archive(good[:3]))
name = b"json/QANR5L16QG10.json"
at = data.index(name) + len(name)  # the first occurrence is the local header's
for i in range(at + 40, at + 200):
    data[i] ^= 0x5A
with open("zip/corrupt_entry.zip", "wb") as f:
    f.write(bytes(data))

# A download cut short: no central directory, the last entry cut.
whole = archive(good[:4])
with open("zip/cut.zip", "wb") as f:
    f.write(whole[: len(whole) - 3000])

# Bombs: 65 MB of spaces deflate to 64 KB. One declares its size, the
# other lies (its headers say 100 bytes).
bomb = archive([("json/bomb.json", b" " * (65 << 20))])
with open("zip/bomb_declared.zip", "wb") as f:
    f.write(bomb)
lying = bytearray(bomb)
local = lying.index(b"PK\x03\x04")
struct.pack_into("<I", lying, local + 22, 100)
central = lying.index(b"PK\x01\x02")
struct.pack_into("<I", lying, central + 24, 100)
with open("zip/bomb_lying.zip", "wb") as f:
    f.write(bytes(lying))
