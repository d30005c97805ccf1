"""Writes N short Arabic articles recombined from the seed's sentences (overlapping like wire copy).

    python3 scripts/bench/make_articles.py SEED_FILE OUT_DIR N
"""
import os
import random
import re
import sys

seed, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
words = [s.replace(".", "").split() for line in open(seed, encoding="utf-8")
         for s in re.split(r"\.\s+", line.strip()) if len(s.split()) >= 6]
r = random.Random(42)


def sentence():
    w = r.choice(words)
    return " ".join(w[: min(len(w), 3 + r.randrange(6))]) + "."


for i in range(n):
    d = os.path.join(out, "wire" if i % 3 == 0 else "")
    os.makedirs(d, exist_ok=True)
    paras = [" ".join(sentence() for _ in range(1 + r.randrange(2))) for _ in range(2 + r.randrange(2))]
    with open(os.path.join(d, "a%04d.txt" % i), "w", encoding="utf-8") as f:
        f.write(sentence().rstrip(".") + "\n\n" + "\n\n".join(paras) + "\n")
