#!/usr/bin/env python3
"""Generate small *trained* MarianMT fixture models and Hugging Face reference outputs.

Run from the repository root:  python scripts/make_fixtures.py [--only tiny-opus,tiny-gelu] [--steps N]

Writes
  src/test/resources/fixtures/models/<name>/      (HF Hub Marian layout)
  src/test/resources/fixtures/reference/<name>.json

Task the models are trained on: Arabic word/phrase -> Latin transliteration (fixed char map, see TRANSLIT).
Everything is seeded; re-running on the same machine/library versions regenerates identical files.
"""
import argparse
import io
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import time
import unicodedata
import warnings

import sentencepiece as spm
import torch
import torch.nn.functional as F

warnings.filterwarnings("ignore")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer  # noqa: E402
from transformers.utils import logging as hf_logging  # noqa: E402

hf_logging.set_verbosity_error()

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED_FILE_CANDIDATES = [
    os.path.join(ROOT, "seeds", "000_576a10afaf96e38e.txt"),
    "/work/main/seeds/000_576a10afaf96e38e.txt",
]
FIX = os.path.join(ROOT, "src", "test", "resources", "fixtures")
MODELS_DIR = os.path.join(FIX, "models")
REF_DIR = os.path.join(FIX, "reference")
STRICT = True  # make_reference's sanity checks fail the run (scripts/make_conformance.py only warns)

# --------------------------------------------------------------------------------------------
# Transliteration (Arabizi-like, deterministic, character by character; spaces kept)
# --------------------------------------------------------------------------------------------
TRANSLIT = {
    "ا": "a", "أ": "2a", "إ": "2i", "آ": "2aa", "ء": "2", "ؤ": "2u", "ئ": "2e", "ى": "a",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "7", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "3", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "ة": "a", "و": "w", "ي": "y",
}
ARABIC_LETTERS = sorted(TRANSLIT.keys())
COMMON_LETTERS = list("ابتجحدرسعفقكلمنهوي")  # used more often in random strings


def translit(s: str) -> str:
    return "".join(TRANSLIT.get(c, c) for c in s)


def read_seed() -> str:
    for p in SEED_FILE_CANDIDATES:
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                return f.read()
    raise SystemExit("seed article not found: " + " or ".join(SEED_FILE_CANDIDATES))


def seed_words(text: str):
    words = []
    for w in re.split(r"\s+", text):
        w = "".join(c for c in w if c in TRANSLIT)
        if len(w) >= 2:
            words.append(w)
    return words


def make_phrases(rng: random.Random, words, n: int):
    out = []
    for _ in range(n):
        k = rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6])
        ws = []
        for _ in range(k):
            if rng.random() < 0.6:
                ws.append(rng.choice(words))
            else:
                L = rng.randint(2, 7)
                pool = COMMON_LETTERS if rng.random() < 0.7 else ARABIC_LETTERS
                ws.append("".join(rng.choice(pool) for _ in range(L)))
        out.append(" ".join(ws))
    return out


# --------------------------------------------------------------------------------------------
# SentencePiece + Marian vocab.json
# --------------------------------------------------------------------------------------------
def train_spm(sentences, vocab_size: int, path: str):
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=buf,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        normalization_rule_name="nmt_nfkc",  # like opus-mt: gives a precompiled_charsmap
        num_threads=1,
        input_sentence_size=0,
        shuffle_input_sentence=False,
        max_sentencepiece_length=8,
        minloglevel=2,
    )
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    sp = spm.SentencePieceProcessor(model_file=path)
    return sp


def spm_pieces(sp):
    """Pieces of an spm in id order, without <unk>, <s>, </s> (control/unknown)."""
    out = []
    for i in range(sp.get_piece_size()):
        if sp.is_unknown(i) or sp.is_control(i):
            continue
        out.append(sp.id_to_piece(i))
    return out


def build_vocab(*piece_lists):
    """Helsinki-NLP style: </s>=0, <unk>=1, pieces..., <pad>=last."""
    vocab = {"</s>": 0, "<unk>": 1}
    for pieces in piece_lists:
        for p in pieces:
            if p not in vocab:
                vocab[p] = len(vocab)
    vocab["<pad>"] = len(vocab)
    return vocab


# --------------------------------------------------------------------------------------------
# Model specs
# --------------------------------------------------------------------------------------------
SPECS = {
    "tiny-opus": dict(
        seed=1001, steps=1800, threads=2, activation="swish", scale_embedding=True, tie=True, shared=True,
        ffn=256, weights="safetensors", final_logits_bias=False,
        gen=dict(num_beams=4, max_length=64, renormalize_logits=True),
        src_vocab=320, tgt_vocab=160,
    ),
    "tiny-gelu": dict(
        seed=2002, steps=1400, threads=1, activation="gelu", scale_embedding=False, tie=False, shared=True,
        ffn=192, weights="safetensors", final_logits_bias=True,
        gen=dict(num_beams=3, max_length=48, length_penalty=0.6, early_stopping=True),
        src_vocab=280, tgt_vocab=140,
    ),
    "tiny-bin": dict(
        seed=3003, steps=1000, threads=1, activation="relu", scale_embedding=True, tie=True, shared=False,
        ffn=128, weights="bin", final_logits_bias=False,
        gen=dict(num_beams=4, max_length=64),
        src_vocab=300, tgt_vocab=120,
    ),
}


def build_tokenizer_and_vocab(name, spec, corpus_src, corpus_tgt, outdir, tmp):
    src_spm_path = os.path.join(tmp, f"{name}.source.spm")
    tgt_spm_path = os.path.join(tmp, f"{name}.target.spm")
    sp_src = train_spm(corpus_src, spec["src_vocab"], src_spm_path)
    sp_tgt = train_spm(corpus_tgt, spec["tgt_vocab"], tgt_spm_path)
    vocab_path = os.path.join(tmp, f"{name}.vocab.json")
    kwargs = {}
    if spec["shared"]:
        vocab = build_vocab(spm_pieces(sp_src), spm_pieces(sp_tgt))
        tvocab = None
    else:
        vocab = build_vocab(spm_pieces(sp_src))
        tvocab = build_vocab(spm_pieces(sp_tgt))
        tvocab_path = os.path.join(tmp, f"{name}.target_vocab.json")
        with open(tvocab_path, "w", encoding="utf-8") as f:
            json.dump(tvocab, f, indent=2, ensure_ascii=False)
        kwargs = dict(separate_vocabs=True, target_vocab_file=tvocab_path)
    with open(vocab_path, "w", encoding="utf-8") as f:
        json.dump(vocab, f, indent=2, ensure_ascii=False)
    tok = MarianTokenizer(source_spm=src_spm_path, target_spm=tgt_spm_path, vocab=vocab_path,
                          source_lang="ar", target_lang="en", model_max_length=512, **kwargs)
    tok.save_pretrained(outdir)
    return tok, vocab, tvocab


def make_config(spec, vocab, tvocab):
    V = len(vocab)
    DV = len(tvocab) if tvocab is not None else V
    pad = (tvocab if tvocab is not None else vocab)["<pad>"]
    cfg = MarianConfig(
        vocab_size=V,
        decoder_vocab_size=DV,
        d_model=64,
        encoder_layers=2, decoder_layers=2,
        encoder_attention_heads=4, decoder_attention_heads=4,
        encoder_ffn_dim=spec["ffn"], decoder_ffn_dim=spec["ffn"],
        max_position_embeddings=128,
        activation_function=spec["activation"],
        scale_embedding=spec["scale_embedding"],
        dropout=0.0, attention_dropout=0.0, activation_dropout=0.0,
        pad_token_id=pad, decoder_start_token_id=pad, eos_token_id=0, forced_eos_token_id=0,
        bos_token_id=0,
        share_encoder_decoder_embeddings=spec["shared"],
        tie_word_embeddings=spec["tie"],
        init_std=0.05,
        architectures=["MarianMTModel"],
    )
    return cfg


def make_generation_config(cfg, spec):
    pad = cfg.pad_token_id
    g = dict(
        bad_words_ids=[[pad]], bos_token_id=0, decoder_start_token_id=pad, eos_token_id=0,
        forced_eos_token_id=0, pad_token_id=pad,
    )
    g.update(spec["gen"])
    return GenerationConfig(**g)


def encode_pairs(tok, src, tgt):
    enc = tok(src)["input_ids"]
    lab = tok(text_target=tgt)["input_ids"]
    return list(zip(enc, lab))


def train_model(name, spec, cfg, tok, pairs, steps, log_every=250):
    torch.manual_seed(spec["seed"])
    model = MarianMTModel(cfg)
    model.train()
    src_pad = tok.pad_token_id
    rng = random.Random(spec["seed"])
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.0, betas=(0.9, 0.98))
    warm = 100
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(s, steps) / steps))))
    bs = 64
    t0 = time.time()
    ema = None
    for step in range(steps):
        batch = [pairs[rng.randrange(len(pairs))] for _ in range(bs)]
        ls = max(len(s) for s, _ in batch)
        lt = max(len(t) for _, t in batch)
        ids = torch.full((bs, ls), src_pad, dtype=torch.long)
        am = torch.zeros((bs, ls), dtype=torch.long)
        lab = torch.full((bs, lt), -100, dtype=torch.long)
        for i, (s, t) in enumerate(batch):
            ids[i, : len(s)] = torch.tensor(s)
            am[i, : len(s)] = 1
            lab[i, : len(t)] = torch.tensor(t)
        out = model(input_ids=ids, attention_mask=am, labels=lab)
        loss = out.loss
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        ema = loss.item() if ema is None else 0.95 * ema + 0.05 * loss.item()
        if step % log_every == 0 or step == steps - 1:
            print(f"  [{name}] step {step:5d} loss {loss.item():.4f} ema {ema:.4f} ({time.time() - t0:.0f}s)", flush=True)
    # final loss on a fixed evaluation set (eval mode, no dropout)
    model.eval()
    with torch.no_grad():
        ev = pairs[:512]
        tot, n = 0.0, 0
        for k in range(0, len(ev), 128):
            batch = ev[k:k + 128]
            ls = max(len(s) for s, _ in batch)
            lt = max(len(t) for _, t in batch)
            ids = torch.full((len(batch), ls), src_pad, dtype=torch.long)
            am = torch.zeros((len(batch), ls), dtype=torch.long)
            lab = torch.full((len(batch), lt), -100, dtype=torch.long)
            for i, (s, t) in enumerate(batch):
                ids[i, : len(s)] = torch.tensor(s)
                am[i, : len(s)] = 1
                lab[i, : len(t)] = torch.tensor(t)
            logits = model(input_ids=ids, attention_mask=am, labels=lab).logits
            l = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), lab.reshape(-1), ignore_index=-100, reduction="sum")
            tot += l.item()
            n += (lab != -100).sum().item()
    final = tot / n
    print(f"  [{name}] final eval loss (per target token, 512 training pairs) = {final:.4f}; "
          f"train time {time.time() - t0:.0f}s", flush=True)
    return model, final, time.time() - t0


def save_model(model, spec, outdir, gen_cfg):
    model.generation_config = gen_cfg
    if spec["final_logits_bias"]:
        g = torch.Generator().manual_seed(spec["seed"] + 7)
        with torch.no_grad():
            model.final_logits_bias.copy_(torch.randn(model.final_logits_bias.shape, generator=g) * 0.3)
    if spec["weights"] == "safetensors":
        model.save_pretrained(outdir)
    else:
        # transformers 5 has no safe_serialization=False any more: write config + generation_config with
        # save_pretrained, then replace model.safetensors by a classic torch.save zip pytorch_model.bin
        # containing the FULL state dict (incl. embed_positions + tied lm_head), like old HF .bin checkpoints.
        model.save_pretrained(outdir)
        st = os.path.join(outdir, "model.safetensors")
        if os.path.exists(st):
            os.remove(st)
        sd = {k: v.detach().clone().contiguous() for k, v in model.state_dict().items()}
        torch.save(sd, os.path.join(outdir, "pytorch_model.bin"))


# --------------------------------------------------------------------------------------------
# Reference outputs
# --------------------------------------------------------------------------------------------
def tokenizer_texts(seed_text):
    lines = [l for l in seed_text.split("\n") if l.strip()]
    extra = [
        "وزير الدفاع",
        "اَلْعَرَبِيَّةُ لُغَةٌ جَمِيلَةٌ",          # tashkeel
        "الحـــــرب علـى أوكـرانيـا",               # tatweel
        "عام ١٤٤٣ هـ الموافق 2022 م",               # Arabic-Indic + Latin digits
        "٠١٢٣٤٥٦٧٨٩ 0123456789",
        "قال Austin إن NATO و Pentagon",             # Latin words mixed in
        "«وقف فوري» لإطلاق النار",                   # guillemets
        "سلام 👋 عليكم 🇺🇸 🙂",                      # emoji
        "ﻻ ﷲ ﺑﺴﻢ ﻟﻠﻪ",                               # presentation forms (NFKC-normalised)
        "موسكو    واشنطن",                           # multiple spaces
        "   روسيا أوكرانيا   ",                      # leading/trailing spaces
        "روسيا\tأوكرانيا\t",                         # tabs
        " ",                                          # lone space
        "",                                           # empty string
        "ж漢字Ωß ✓ €",                                # unknown to the spm
        "بايدن؟ نعم! (البنتاغون)، ٢٠٢٢.",
        "\u200fموسكو\u200e \u200dبوتين\u200c",       # bidi marks / ZWJ / ZWNJ
        "ي ى ئ ء ؤ أ إ آ ة",
        "ــ",                                         # only tatweel
        "كتب </s> ثم <unk> و <pad>",                 # literal special-token strings
        "شويغو\nأوستن",                               # newline inside
        "ABC abc",
    ]
    return lines + extra


GEN_INPUTS = [
    "روسيا",
    "وزير الدفاع",
    "اتصال عسكري",
    "أوكرانيا",
    "الرئيس الأميركي جو بايدن",
    "سيرغي شويغو",
    "موسكو واشنطن",
    "بدء الحرب على أوكرانيا",
    "كتب سمير",
    "ملك",
    "حض وزير الدفاع الأميركي لويد أوستن",
    "مستشار الأمن القومي الأميركي جايك سوليفان",
    "وقف فوري لإطلاق النار",
    "أرفع اتصال عسكري أميركي - روسي",
    "الجمعة - 12 شوال 1443 هـ",
]

SCORE_DEFINITION = (
    "Beam search (num_beams>1): score = generate(...).sequences_scores[i] as returned by transformers, i.e. the "
    "beam's summed log-probabilities of all generated tokens (processed scores; see fixture_notes.md) divided by "
    "(generated_len ** length_penalty) where generated_len = number of generated tokens INCLUDING the final EOS and "
    "EXCLUDING the decoder_start token (= len(output_ids) - 1 after pad stripping). "
    "Greedy (num_beams=1): score = sum over generated steps t (up to and including the first EOS, excluding trailing "
    "pads of finished rows) of log_softmax(scores[t])[token_t], where scores[t] are the PROCESSED logits returned by "
    "output_scores=True (after bad_words / forced_eos / renormalize processors), divided by "
    "(generated_len ** length_penalty) with the same generated_len definition and the effective "
    "generation_config.length_penalty (1.0 unless set)."
)


def strip_pads(row, pad, eos):
    """Strip trailing pad tokens that follow the first EOS (generated part). Row[0] is decoder_start (== pad)."""
    row = list(row)
    # keep row[0] (decoder start == pad) always
    end = len(row)
    while end > 1 and row[end - 1] == pad:
        end -= 1
    return row[:end]


def effective(settings, gen_cfg, key, default):
    if key in settings:
        return settings[key]
    v = getattr(gen_cfg, key, None)
    return default if v is None else v


def run_generation(model, tok, inputs, settings, batched, gen_cfg):
    pad = model.config.pad_token_id
    eos = model.config.eos_token_id
    eff_lp = effective(settings, gen_cfg, "length_penalty", 1.0)
    eff_beams = effective(settings, gen_cfg, "num_beams", 1)
    cases = []
    groups = [inputs] if batched else [[x] for x in inputs]
    for grp in groups:
        enc = tok(grp, return_tensors="pt", padding=True)
        with torch.no_grad():
            out = model.generate(**enc, **settings, return_dict_in_generate=True, output_scores=True)
        seqs = out.sequences
        for i, text in enumerate(grp):
            ids = [int(x) for x, m in zip(enc["input_ids"][i], enc["attention_mask"][i]) if m]
            row = strip_pads(seqs[i].tolist(), pad, eos)
            gen_len = len(row) - 1
            if eff_beams > 1:
                score = float(out.sequences_scores[i])
            else:
                lp = 0.0
                for t in range(gen_len):
                    logp = torch.log_softmax(out.scores[t][i].float(), dim=-1)
                    lp += float(logp[row[t + 1]])
                score = lp / (gen_len ** eff_lp)
            cases.append(dict(text=text, input_ids=ids, output_ids=row,
                              text_out=tok.decode(row, skip_special_tokens=True),
                              # same without relying on the tokenizer's special-id set (differs from text_out only
                              # for separate vocabs, where the target <pad>/decoder_start id is not a tokenizer
                              # special id and transformers prints it as "<pad> ")
                              text_out_clean=tok.decode([x for x in row if x not in (pad, eos)],
                                                        skip_special_tokens=True),
                              score=score,
                              ends_with_eos=(row[-1] == eos)))
    return cases


def make_reference(name, outdir, seed_text, spec):
    tok = MarianTokenizer.from_pretrained(outdir)
    model = MarianMTModel.from_pretrained(outdir, dtype=torch.float32)
    model.eval()
    gen_cfg = model.generation_config
    ref = {"model": name, "transformers_version": __import__("transformers").__version__,
           "torch_version": torch.__version__,
           "special_ids": {"eos": tok.eos_token_id, "unk": tok.unk_token_id, "pad": tok.pad_token_id,
                           "decoder_start": model.config.decoder_start_token_id,
                           "config_pad": model.config.pad_token_id},
           "score_definition": SCORE_DEFINITION,
           "pad_stripping": "output_ids = sequences[i] with all trailing tokens equal to pad_token_id removed "
                            "(index 0, the decoder_start token, is always kept). Nothing else is removed.",
           "tokenizer": [], "decode": [], "generation": []}
    inv_src = {v: k for k, v in tok.encoder.items()}
    for text in tokenizer_texts(seed_text):
        ids = tok(text)["input_ids"]
        if tok.separate_vocabs:
            # MarianTokenizer maps ids -> tokens through the TARGET vocab when separate_vocabs=True
            # (convert_ids_to_tokens / decode raise or give target pieces for source ids), so source-side
            # decoding is not defined by transformers: record source pieces via vocab.json and decoded=None.
            ref["tokenizer"].append({"text": text, "ids": ids, "pieces": [inv_src[i] for i in ids],
                                     "decoded": None})
        else:
            ref["tokenizer"].append({"text": text, "ids": ids, "pieces": tok.convert_ids_to_tokens(ids),
                                     "decoded": tok.decode(ids, skip_special_tokens=True)})

    runs = [
        ("greedy", dict(num_beams=1, do_sample=False, max_new_tokens=40)),
        ("beam4", dict(num_beams=4, do_sample=False, max_new_tokens=40)),
        ("config-defaults", dict(max_new_tokens=40)),
        # nothing passed at all: generation_config.json decides everything, incl. max_length (total length
        # INCLUDING the decoder_start token, so at most max_length-1 generated tokens)
        ("config-pure", dict()),
        ("beam4-lp2-noearly", dict(num_beams=4, do_sample=False, max_new_tokens=40, length_penalty=2.0,
                                   early_stopping=False)),
        ("greedy-limit5", dict(num_beams=1, do_sample=False, max_new_tokens=5)),
        ("beam4-limit5", dict(num_beams=4, do_sample=False, max_new_tokens=5)),
    ]
    all_outputs = []
    for rname, settings in runs:
        for batched in (True, False):
            cases = run_generation(model, tok, GEN_INPUTS, settings, batched, gen_cfg)
            ref["generation"].append({"name": f"{rname}-{'batched' if batched else 'single'}",
                                      "settings": settings, "batched": batched,
                                      "effective_num_beams": effective(settings, gen_cfg, "num_beams", 1),
                                      "effective_length_penalty": effective(settings, gen_cfg, "length_penalty", 1.0),
                                      "effective_early_stopping": effective(settings, gen_cfg, "early_stopping", False),
                                      "cases": cases})
            if rname in ("greedy", "beam4") and not batched:
                all_outputs += [c["output_ids"] for c in cases]

    # Target-side decode cases (the Java decoder must reproduce `decoded`)
    seen = set()
    for g in ref["generation"]:
        for c in g["cases"]:
            key = tuple(c["output_ids"])
            if key in seen:
                continue
            seen.add(key)
            ref["decode"].append({"ids": c["output_ids"], "skip_special_tokens": True,
                                  "decoded": tok.decode(c["output_ids"], skip_special_tokens=True)})
    tgt_vocab = tok.target_encoder if tok.separate_vocabs else tok.encoder
    rnd = random.Random(spec["seed"] + 99)
    V = len(tgt_vocab)
    pad = model.config.pad_token_id
    handmade = [
        [pad, 0],
        [pad, 1, 0],
        [pad] + [rnd.randrange(2, V - 1) for _ in range(8)] + [0],
        [pad] + [rnd.randrange(2, V - 1) for _ in range(12)] + [0, pad, pad],
        [rnd.randrange(2, V - 1) for _ in range(5)],
        [pad, 5, 1, 6, 0],
    ]
    for ids in handmade:
        for skip in (True, False):
            ref["decode"].append({"ids": ids, "skip_special_tokens": skip,
                                  "decoded": tok.decode(ids, skip_special_tokens=skip)})

    # sanity checks
    distinct = len(set(map(tuple, all_outputs)))
    lens = sorted(set(len(x) for x in all_outputs))
    eos_frac = sum(1 for x in all_outputs if x[-1] == 0) / len(all_outputs)
    print(f"  [{name}] distinct outputs {distinct}/{len(all_outputs)}, lengths {lens}, EOS-terminated {eos_frac:.0%}")
    if STRICT:
        assert distinct >= 5, "outputs do not vary enough"
        assert len(lens) >= 3, "output lengths do not vary"
        assert eos_frac >= 0.6, "most outputs should end with EOS"

    # batched vs single consistency print
    g = {x["name"]: x for x in ref["generation"]}
    print(f"  {'input':44s} | {'greedy':30s} | beam4")
    for cg, cb in zip(g["greedy-single"]["cases"], g["beam4-single"]["cases"]):
        print(f"  {cg['text'][:44]:44s} | {cg['text_out'][:30]:30s} | {cb['text_out'][:40]}")
    for rname, _ in runs:
        b, s = g[rname + "-batched"]["cases"], g[rname + "-single"]["cases"]
        same = sum(1 for x, y in zip(b, s) if x["output_ids"] == y["output_ids"])
        print(f"  {rname:20s} batched==single for {same}/{len(b)} inputs")

    os.makedirs(REF_DIR, exist_ok=True)
    with open(os.path.join(REF_DIR, f"{name}.json"), "w", encoding="utf-8") as f:
        json.dump(ref, f, ensure_ascii=False, indent=1)
        f.write("\n")


def dir_size(d):
    return sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--steps", type=int, default=None, help="override the per-model step count in SPECS")
    ap.add_argument("--threads", type=int, default=None, help="override the per-model torch thread count in SPECS")
    ap.add_argument("--ref-only", action="store_true", help="only regenerate reference JSON from saved models")
    args = ap.parse_args()
    torch.use_deterministic_algorithms(True)
    seed_text = read_seed()
    words = seed_words(seed_text)
    names = [n for n in SPECS if not args.only or n in args.only.split(",")]
    summary = {}
    for name in names:
        spec = SPECS[name]
        outdir = os.path.join(MODELS_DIR, name)
        print(f"== {name}", flush=True)
        torch.set_num_threads(args.threads or spec["threads"])
        if not args.ref_only:
            rng = random.Random(spec["seed"])
            phrases = make_phrases(rng, words, 30000)
            src = phrases
            tgt = [translit(p) for p in phrases]
            # spm corpora: phrases + the whole seed article (so its punctuation/digits are covered)
            seed_lines = [l for l in seed_text.split("\n") if l.strip()]
            corpus_src = seed_lines + phrases[:8000]
            corpus_tgt = [translit(l) for l in seed_lines] + tgt[:8000]
            if os.path.isdir(outdir):
                shutil.rmtree(outdir)
            os.makedirs(outdir)
            with tempfile.TemporaryDirectory() as tmp:
                tok, vocab, tvocab = build_tokenizer_and_vocab(name, spec, corpus_src, corpus_tgt, outdir, tmp)
            cfg = make_config(spec, vocab, tvocab)
            gen_cfg = make_generation_config(cfg, spec)
            pairs = encode_pairs(tok, src, tgt)
            print(f"  vocab {len(vocab)}" + (f" / target vocab {len(tvocab)}" if tvocab else "")
                  + f", pairs {len(pairs)}, max src len {max(len(s) for s, _ in pairs)}, "
                    f"max tgt len {max(len(t) for _, t in pairs)}", flush=True)
            model, loss, secs = train_model(name, spec, cfg, tok, pairs, args.steps or spec["steps"])
            save_model(model, spec, outdir, gen_cfg)
            summary[name] = dict(loss=round(loss, 4), train_seconds=round(secs))
        make_reference(name, outdir, seed_text, spec)
        summary.setdefault(name, {})["bytes"] = dir_size(outdir)
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
