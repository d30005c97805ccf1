#!/usr/bin/env python3
"""Writes the degenerate-but-legal inputs of issue 20 into a directory (default /tmp/arabrief-huge).

  paragraph.txt  one paragraph of 32,000 short Arabic sentences (~2 MB): an unsplit archive dump
  paragraph18.txt the same kind, ~18.6 MB
  nested.html    a ~1.1 MB page whose article sits inside 100,000 nested <div>s
  lines.txt      20,000 short Arabic lines for translate --lines
  archive.jsonl  three documents, the middle one a single 40 MB line (batch input)

Sentences are built from the words of the seed article, so the files hold real Arabic words; they are
generated, never committed (tens of MB). usage: make_inputs.py [DIR]
"""
import json, os, random, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/arabrief-huge"
os.makedirs(out, exist_ok=True)
seed = open(os.path.join(root, "seeds", "000_576a10afaf96e38e.txt"), encoding="utf-8").read()
words = [w for w in re.findall(r"[\u0600-\u06FF]+", seed) if len(w) > 1]
rnd = random.Random(7)


def sentence(lo=4, hi=9):
    return " ".join(rnd.choice(words) for _ in range(rnd.randint(lo, hi))) + "."


def paragraph(n):
    return " ".join(sentence() for _ in range(n))


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)
    print(f"{name}: {os.path.getsize(os.path.join(out, name)) / 1e6:.1f} MB")


write("paragraph.txt", paragraph(32000) + "\n")
write("paragraph18.txt", paragraph(257000) + "\n")
body = "".join(f"<p>{paragraph(3)}</p>" for _ in range(8))
depth = 100000
write("nested.html", "<!doctype html><html><head><title>عنوان</title></head><body>"
      + "<div>" * depth + "<h1>" + sentence() + "</h1>" + body + "</div>" * depth + "</body></html>\n")
write("lines.txt", "\n".join(sentence(1, 6) for _ in range(20000)) + "\n")
small = "\n\n".join(paragraph(4) for _ in range(5))
big = paragraph(int(40e6 / 72))
with open(os.path.join(out, "archive.jsonl"), "w", encoding="utf-8") as f:
    for i, text in enumerate([small, big, small]):
        f.write(json.dumps({"id": f"doc{i}", "text": text}, ensure_ascii=False) + "\n")
print(f"archive.jsonl: {os.path.getsize(os.path.join(out, 'archive.jsonl')) / 1e6:.1f} MB")
