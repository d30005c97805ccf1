#!/usr/bin/env python3
"""Reference source ids and pieces of transformers' MarianTokenizer on the real opus-mt tokenizers.

Run from the repository root:  /work/venv/bin/python scripts/make_tokenize_reference.py

Reads ../shared/real-opus/{opus-mt-uk-en,opus-mt-ar-fr}. opus-mt-ar-fr ships no vocab.json; it is built as its
README says (the union of source and target pieces in spm order, </s> = 0, <unk> = 1, <pad> last), the same rule
TokenizeCommandTest applies in Java. Writes src/test/resources/fixtures/tokenize/real-opus.json: per model the
lines, MarianTokenizer(line)["input_ids"] and tokenize(line) + ["</s>"] (what `arabrief tokenize --pieces` prints).
"""
import json
import os
import sys
import tempfile
import warnings

warnings.filterwarnings("ignore")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures as mf  # noqa: E402
import sentencepiece as spm  # noqa: E402
from transformers import MarianTokenizer  # noqa: E402

REAL = os.path.join(mf.ROOT, "..", "shared", "real-opus")
if not os.path.isdir(REAL):
    REAL = "/work/shared/real-opus"
OUT = os.path.join(mf.FIX, "tokenize", "real-opus.json")

# Arabic text of many kinds; each a single line (the command works line by line)
EXTRA = [
    "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ",                # full tashkeel, superscript alef
    "قرأتُ الكتابَ مرّتين",                                # shadda, partial diacritics
    "ﺍﻟﺴﻼﻡ ﻋﻠﻴﻜﻢ ﻭﺭﺣﻤﺔ ﺍﻟﻠﻪ",                             # presentation forms B
    "ﷺ ﷲ ﷻ",                                              # ligatures
    "سعر البرميل 85.4 دولار، بارتفاع ٣٫٢٪",               # decimals, Arabic percent and decimal sign
    "١٢٣٬٤٥٦ و 123,456 و ۱۲۳۴۵۶",                          # Arabic-Indic and Persian digits, separators
    "گفتگو با پژوهشگران چینی",                             # Persian letters
    "یہ اردو کا جملہ ہے",                                  # Urdu
    "تابعونا على https://example.com/ar/news?id=5 و #عاجل @وكالة",   # URL, hashtag, mention
    "👨‍👩‍👧 عائلة 🇵🇸🇱🇧 علم",                                 # ZWJ emoji sequence, flags
    "«الجزيرة» — \"رويترز\" … (أ ف ب)",                   # quotes, dashes, ellipsis
    "\u202bنص باتجاه\u202c \u2066معزول\u2069",            # bidi embeddings and isolates
    "كلمة\u00a0بمسافة\u2009رفيعة\u3000عريضة",             # NBSP, thin space, ideographic space
    "مـــــــــــــــــرحبا",                               # long tatweel
    "استراتيجياتهم" * 6,                                   # very long word
    "أإآءؤئ ى ي ة ه لا لأ لإ لآ",                         # hamza forms, lam-alef
    ">>fra<< مرحبا بالعالم",                               # a target-language code first
    "Ｆｕｌｌｗｉｄｔｈ ١٢ ＡＢＣ",                           # fullwidth forms
    "؟ ، ؛ ٪ ٭ ۔",                                         # Arabic punctuation
    "ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي",
    "\t مسافات في البداية والنهاية \t",
    "",
]


def lines(seed_text):
    out = [l for l in seed_text.split("\n") if l.strip()]
    out += [t for t in mf.tokenizer_texts(seed_text) if "\n" not in t and "\r" not in t]
    out += EXTRA
    seen, uniq = set(), []
    for l in out:
        if l not in seen:
            seen.add(l)
            uniq.append(l)
    return uniq


def spm_pieces(path):
    sp = spm.SentencePieceProcessor(model_file=path)
    return mf.spm_pieces(sp)


def main():
    texts = lines(mf.read_seed())
    ref = {"transformers_version": __import__("transformers").__version__, "models": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("opus-mt-uk-en", "opus-mt-ar-fr"):
            d = os.path.join(REAL, name)
            vocab = os.path.join(d, "vocab.json")
            if not os.path.exists(vocab):
                vocab = os.path.join(tmp, name + ".vocab.json")
                v = mf.build_vocab(spm_pieces(os.path.join(d, "source.spm")), spm_pieces(os.path.join(d, "target.spm")))
                with open(vocab, "w", encoding="utf-8") as f:
                    json.dump(v, f, ensure_ascii=False)
            tok = MarianTokenizer(source_spm=os.path.join(d, "source.spm"), target_spm=os.path.join(d, "target.spm"),
                                  vocab=vocab)
            cases = []
            for t in texts:
                cases.append({"text": t, "ids": tok(t)["input_ids"], "pieces": tok.tokenize(t) + ["</s>"]})
            ref["models"][name] = {"vocab_built": not os.path.exists(os.path.join(d, "vocab.json")), "cases": cases}
            print(name, len(cases), "lines")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(ref, f, ensure_ascii=False, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main()
