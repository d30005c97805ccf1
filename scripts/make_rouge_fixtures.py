#!/usr/bin/env python3
"""Test fixtures for the Java ROUGE implementation (arabrief.summary.eval), made from ../shared/summ.

- rouge_golden_lead3.jsonl: each golden lead-3 record of rouge_golden_lead3_dev.jsonl with its
  reference added, so RougeTest runs on a clean clone without ../shared.
- porter_nltk.tsv: word<TAB>stem for every distinct [a-z0-9] token longer than 3 characters in the dev
  file's articles and references, stemmed by NLTK's PorterStemmer() (default mode, as rouge-score uses).

Run with the reference venv:  /work/venv/bin/python scripts/make_rouge_fixtures.py ../shared/summ
"""
import json
import re
import sys
from pathlib import Path

from nltk.stem import porter

src = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/summ")
out = Path(__file__).resolve().parent.parent / "src/test/resources/arabrief/summary/eval"
out.mkdir(parents=True, exist_ok=True)

dev = {}
words = set()
for line in open(src / "cnndm_dev.jsonl", encoding="utf-8"):
    r = json.loads(line)
    dev[r["id"]] = r
    for text in (r["article"], r["reference"]):
        words.update(t for t in re.split(r"\s+", re.sub(r"[^a-z0-9]+", " ", text.lower())) if len(t) > 3)

with open(out / "rouge_golden_lead3.jsonl", "w", encoding="utf-8") as f:
    for line in open(src / "rouge_golden_lead3_dev.jsonl", encoding="utf-8"):
        g = json.loads(line)
        g["reference"] = dev[g["id"]]["reference"]
        f.write(json.dumps(g, ensure_ascii=False) + "\n")

stemmer = porter.PorterStemmer()
with open(out / "porter_nltk.tsv", "w", encoding="utf-8") as f:
    for w in sorted(words):
        f.write(f"{w}\t{stemmer.stem(w)}\n")
print(len(words), "words")
