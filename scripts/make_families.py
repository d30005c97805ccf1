#!/usr/bin/env python3
"""Generate the family conformance suite: small *trained* checkpoints of every model family arabrief runs besides
the opus-mt Marians (M2M100, NLLB-200 in its current and legacy tokenizer behaviour, mBART-50, and a Marian shaped
like opus-mt-tc-big), saved with transformers' own save_pretrained and laid out as the Hub repos lay them out, each
with transformers' reference ids, texts and scores.

Run from the repository root:  /work/venv/bin/python scripts/make_families.py [--only nllb,m2m100] [--steps N]

Writes src/test/resources/fixtures/families/<name>/ (the model directory) and <name>.json (the references: tokenizer
ids per source language code, greedy and beam generation batched and one by one, with the model's defaults and with
overrides, and decoding of ids with language codes in them).

The task is the transliteration of scripts/make_fixtures.py (Arabic words to Latin letters), so outputs depend on the
input and end in EOS. NLLB also learns an Egyptian variant (arz_Arab: ج -> g, ق -> ') so that a dialect code changes
the output. Every multilingual model is generated with forced_bos_token_id = its English code, as arabrief runs it.

The tokenizers are built the way the Hub repos hold them (transformers 5 cannot convert every one from its
SentencePiece model any more: NllbTokenizer.from_pretrained on a sentencepiece.bpe.model alone gives a vocabulary
without the language codes), then saved by transformers and loaded again by AutoTokenizer for the references.
"""
import argparse
import io
import json
import math
import os
import random
import shutil
import sys
import tempfile
import time

import sentencepiece as spm
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures as mf  # noqa: E402
from safetensors.torch import load_file, save_file  # noqa: E402
from transformers import (AutoTokenizer, M2M100Config, M2M100ForConditionalGeneration, M2M100Tokenizer,  # noqa: E402
                          MarianConfig, MarianMTModel, MarianTokenizer, MBart50Tokenizer, MBartConfig,
                          MBartForConditionalGeneration, NllbTokenizer)
from transformers.convert_slow_tokenizer import generate_merges, import_protobuf  # noqa: E402
from transformers.models.m2m_100.tokenization_m2m_100 import FAIRSEQ_LANGUAGE_CODES as M2M_CODES  # noqa: E402
from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES as NLLB_CODES  # noqa: E402

OUT = os.path.join(mf.FIX, "families")

# Egyptian Arabic as the dialect task: jim is g, qaf a glottal stop
EGYPTIAN = dict(mf.TRANSLIT, **{"ج": "g", "ق": "'"})


def translit_egy(s):
    return "".join(EGYPTIAN.get(c, c) for c in s)


# weights: safetensors | fp16 (safetensors in float16, as tc-big stores float16) | bin (torch zip, full state dict)
#          | sharded-safetensors | sharded-bin (pytorch_model-0000N-of-0000M.bin + pytorch_model.bin.index.json)
SPECS = {
    "m2m100": dict(family="m2m100", d=48, enc=2, dec=2, heads=4, ffn=96, act="relu", scale=True, vocab=300,
                   spm="bpe", weights="bin", langs=["ar"], steps=700,
                   gen=dict(bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, pad_token_id=1,
                            num_beams=3, max_length=48)),
    "nllb": dict(family="nllb", legacy=False, d=64, enc=2, dec=2, heads=4, ffn=128, act="relu", scale=True,
                 vocab=300, spm="bpe", weights="sharded-safetensors", langs=["arb_Arab", "arz_Arab"], steps=800,
                 extra_rows=2, gen=dict(bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, pad_token_id=1,
                                        max_length=48)),
    "nllb-legacy": dict(family="nllb", legacy=True, d=40, enc=2, dec=1, heads=5, ffn=80, act="relu", scale=True,
                        vocab=260, spm="bpe", weights="safetensors", langs=["arb_Arab", "arz_Arab"], steps=700,
                        extra_rows=0, gen=dict(bos_token_id=0, decoder_start_token_id=2, eos_token_id=2,
                                               pad_token_id=1, num_beams=4, max_length=40, length_penalty=1.2)),
    "mbart50": dict(family="mbart50", d=48, enc=2, dec=2, heads=4, ffn=96, act="gelu", scale=True, vocab=300,
                    spm="unigram", weights="sharded-bin", langs=["ar_AR"], steps=800, flb=True,
                    gen=dict(bos_token_id=0, decoder_start_token_id=2, eos_token_id=2, pad_token_id=1,
                             forced_eos_token_id=2, num_beams=4, max_length=40, early_stopping=True)),
    "tc-big": dict(family="marian", d=64, enc=2, dec=2, heads=4, ffn=128, act="relu", scale=True, vocab=300,
                   weights="fp16", langs=[None], steps=800,
                   gen=dict(num_beams=4, max_length=512, renormalize_logits=False)),
}

ENGLISH = {"m2m100": "en", "nllb": "eng_Latn", "mbart50": "en_XX"}


def train_spm(sentences, vocab_size, model_type, path):
    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences), model_writer=buf, model_type=model_type, vocab_size=vocab_size,
        hard_vocab_limit=False, character_coverage=1.0, normalization_rule_name="nmt_nfkc", num_threads=1,
        input_sentence_size=0, shuffle_input_sentence=False, max_sentencepiece_length=8, minloglevel=2)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def spm_proto(path):
    m = import_protobuf().ModelProto()
    with open(path, "rb") as f:
        m.ParseFromString(f.read())
    return m


def build_tokenizer(spec, corpus, outdir, tmp):
    """The tokenizer files of the family as the Hub repos hold them, written by transformers' save_pretrained."""
    fam = spec["family"]
    if fam == "marian":
        return build_tc_big_tokenizer(spec, corpus, outdir, tmp)
    spm_path = os.path.join(tmp, "sentencepiece.bpe.model")
    train_spm(corpus, spec["vocab"], spec["spm"], spm_path)
    proto = spm_proto(spm_path)
    pieces = [p.piece for p in proto.pieces]
    if fam == "m2m100":
        # vocab.json in the fairseq dictionary's own order (not the spm's): ids are looked up by piece
        vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
        for p in sorted(pieces[3:]):
            vocab[p] = len(vocab)
        vpath = os.path.join(tmp, "vocab.json")
        with open(vpath, "w", encoding="utf-8") as f:
            json.dump(vocab, f, ensure_ascii=False)
        tok = M2M100Tokenizer(vpath, spm_path, src_lang="ar", tgt_lang="en",
                              additional_special_tokens=[f"__{c}__" for c in M2M_CODES["m2m100"]])
        tok.save_pretrained(outdir)
        if not os.path.exists(os.path.join(outdir, "sentencepiece.bpe.model")):
            shutil.copy(spm_path, outdir)
        return AutoTokenizer.from_pretrained(outdir)
    if fam == "nllb":
        # the Hub's layout: <s> <pad> </s> <unk>, the spm pieces (fairseq offset 1), the 202 codes, <mask>
        vocab = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
        for p in pieces[3:]:
            vocab[p] = len(vocab)
        for c in NLLB_CODES:
            vocab[c] = len(vocab)
        vocab["<mask>"] = len(vocab)
        merges = generate_merges({p: i for i, p in enumerate(pieces)}, None)
        tok = NllbTokenizer(vocab=vocab, merges=merges, _spm_precompiled_charsmap=proto.normalizer_spec.precompiled_charsmap,
                            src_lang="arb_Arab", tgt_lang="eng_Latn", legacy_behaviour=spec["legacy"])
        tok.save_pretrained(outdir)
        return AutoTokenizer.from_pretrained(outdir)
    if fam == "mbart50":
        d = os.path.join(tmp, "mb")
        os.makedirs(d)
        shutil.copy(spm_path, d)
        tok = MBart50Tokenizer.from_pretrained(d, src_lang="ar_AR", tgt_lang="en_XX")
        tok.save_pretrained(outdir)
        return AutoTokenizer.from_pretrained(outdir)
    raise ValueError(fam)


def build_tc_big_tokenizer(spec, corpus, outdir, tmp):
    """opus-mt-tc-big's vocab.json keeps </s> in the middle (25894 of 61109) and <pad> last."""
    src = os.path.join(tmp, "source.spm")
    tgt = os.path.join(tmp, "target.spm")
    half = len(corpus) // 2
    mf.train_spm(corpus[:half], spec["vocab"], src)
    mf.train_spm(corpus[half:], spec["vocab"] // 2, tgt)
    pieces = mf.spm_pieces(spm.SentencePieceProcessor(model_file=src)) + \
        mf.spm_pieces(spm.SentencePieceProcessor(model_file=tgt))
    vocab = {"<unk>": 0}
    for p in pieces:
        if p not in vocab:
            vocab[p] = len(vocab)
            if len(vocab) == len(pieces) // 2:
                vocab["</s>"] = len(vocab)
    vocab["<pad>"] = len(vocab)
    vpath = os.path.join(tmp, "vocab.json")
    with open(vpath, "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False)
    tok = MarianTokenizer(source_spm=src, target_spm=tgt, vocab=vpath, source_lang="ara", target_lang="eng",
                          model_max_length=512)
    tok.save_pretrained(outdir)
    return MarianTokenizer.from_pretrained(outdir)


def lang_id(tok, code):
    return tok.get_lang_id(code) if isinstance(tok, M2M100Tokenizer) else tok.convert_tokens_to_ids(code)


def make_config(spec, tok):
    fam = spec["family"]
    common = dict(d_model=spec["d"], encoder_layers=spec["enc"], decoder_layers=spec["dec"],
                  encoder_attention_heads=spec["heads"], decoder_attention_heads=spec["heads"],
                  encoder_ffn_dim=spec["ffn"], decoder_ffn_dim=spec["ffn"], activation_function=spec["act"],
                  scale_embedding=spec["scale"], dropout=0.0, attention_dropout=0.0, activation_dropout=0.0,
                  encoder_layerdrop=0.0, decoder_layerdrop=0.0, init_std=0.05)
    if fam == "marian":
        v = tok.encoder
        return MarianConfig(vocab_size=len(v), decoder_vocab_size=len(v), max_position_embeddings=1024,
                            pad_token_id=v["<pad>"], decoder_start_token_id=v["<pad>"], eos_token_id=v["</s>"],
                            forced_eos_token_id=v["</s>"], bos_token_id=0, bad_words_ids=[[v["<pad>"]]],
                            share_encoder_decoder_embeddings=True, architectures=["MarianMTModel"], **common)
    if fam == "m2m100":
        return M2M100Config(vocab_size=len(tok) + tok.num_madeup_words, max_position_embeddings=1024,
                            architectures=["M2M100ForConditionalGeneration"], **common)
    if fam == "nllb":
        return M2M100Config(vocab_size=len(tok) + spec["extra_rows"], max_position_embeddings=1024,
                            architectures=["M2M100ForConditionalGeneration"], tokenizer_class="NllbTokenizer",
                            **common)
    return MBartConfig(vocab_size=len(tok), max_position_embeddings=128, forced_eos_token_id=2,
                       decoder_start_token_id=2, architectures=["MBartForConditionalGeneration"], **common)


def model_class(spec):
    return {"marian": MarianMTModel, "m2m100": M2M100ForConditionalGeneration, "nllb": M2M100ForConditionalGeneration,
            "mbart50": MBartForConditionalGeneration}[spec["family"]]


def encode(tok, spec, texts, code):
    if code is not None:
        tok.src_lang = code
    return tok(texts)["input_ids"]


def labels(tok, spec, texts):
    """Target ids: for the multilingual families the English code, the pieces, </s> (what generation with
    forced_bos_token_id makes, whatever the tokenizer's own target template is)."""
    fam = spec["family"]
    if fam == "marian":
        return tok(text_target=texts)["input_ids"]
    eng = lang_id(tok, ENGLISH[fam])
    return [[eng] + ids + [tok.eos_token_id] for ids in tok(texts, add_special_tokens=False)["input_ids"]]


def training_pairs(tok, spec, phrases):
    pairs = []
    for code in spec["langs"]:
        egy = code == "arz_Arab"
        tgt = [translit_egy(p) if egy else mf.translit(p) for p in phrases]
        src = encode(tok, spec, phrases, code)
        lab = labels(tok, spec, tgt)
        pairs += list(zip(src, lab))
    if spec["family"] != "marian":
        # the labels start with the English code (the tokenizer's target mode), as the model must generate it
        assert all(lab[0] == lang_id(tok, ENGLISH[spec["family"]]) for _, lab in pairs[:5]), pairs[0]
    return pairs


def train(name, spec, cfg, pairs, steps, pad):
    torch.manual_seed(spec["seed"])
    model = model_class(spec)(cfg)
    model.train()
    rng = random.Random(spec["seed"])
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.0, betas=(0.9, 0.98))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / 100) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(s, steps) / steps))))
    t0 = time.time()
    bs = 64
    for step in range(steps):
        batch = [pairs[rng.randrange(len(pairs))] for _ in range(bs)]
        ls = max(len(s) for s, _ in batch)
        lt = max(len(t) for _, t in batch)
        ids = torch.full((bs, ls), pad, dtype=torch.long)
        am = torch.zeros((bs, ls), dtype=torch.long)
        lab = torch.full((bs, lt), -100, dtype=torch.long)
        for i, (s, t) in enumerate(batch):
            ids[i, :len(s)] = torch.tensor(s)
            am[i, :len(s)] = 1
            lab[i, :len(t)] = torch.tensor(t)
        loss = model(input_ids=ids, attention_mask=am, labels=lab).loss
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        if step % 200 == 0 or step == steps - 1:
            print(f"  [{name}] step {step:4d} loss {loss.item():.4f} ({time.time() - t0:.0f}s)", flush=True)
    model.eval()
    return model, loss.item(), time.time() - t0


def save(model, spec, outdir, tok):
    fam = spec["family"]
    if spec.get("flb"):
        g = torch.Generator().manual_seed(spec["seed"] + 7)
        with torch.no_grad():
            model.final_logits_bias.copy_(torch.randn(model.final_logits_bias.shape, generator=g) * 0.3)
    weights = spec["weights"]
    if weights == "sharded-safetensors":
        model.save_pretrained(outdir, max_shard_size="150KB")
    else:
        model.save_pretrained(outdir)
    gen = dict(spec["gen"])
    if fam == "marian":
        v = tok.encoder
        gen.update(bad_words_ids=[[v["<pad>"]]], bos_token_id=0, decoder_start_token_id=v["<pad>"],
                   eos_token_id=v["</s>"], forced_eos_token_id=v["</s>"], pad_token_id=v["<pad>"])
    with open(os.path.join(outdir, "generation_config.json"), "w") as f:
        json.dump(gen, f, indent=2)
    st = os.path.join(outdir, "model.safetensors")
    if weights == "fp16":
        save_file({k: v.to(torch.float16) for k, v in load_file(st).items()}, st, metadata={"format": "pt"})
        cfg_path = os.path.join(outdir, "config.json")
        with open(cfg_path) as f:
            c = json.load(f)
        c["dtype"] = "float16"
        with open(cfg_path, "w") as f:
            json.dump(c, f, indent=2)
    elif weights in ("bin", "sharded-bin"):
        # the full state dict, every tied table stored, as the 2020-2022 Hub .bin checkpoints hold it
        os.remove(st)
        sd = {k: v.detach().clone().contiguous() for k, v in model.state_dict().items()}
        if weights == "bin":
            torch.save(sd, os.path.join(outdir, "pytorch_model.bin"))
        else:
            names = list(sd)
            parts = [names[:len(names) // 2], names[len(names) // 2:]]
            weight_map = {}
            for i, part in enumerate(parts):
                fname = f"pytorch_model-{i + 1:05d}-of-{len(parts):05d}.bin"
                torch.save({k: sd[k] for k in part}, os.path.join(outdir, fname))
                weight_map.update({k: fname for k in part})
            total = sum(v.numel() * v.element_size() for v in sd.values())
            with open(os.path.join(outdir, "pytorch_model.bin.index.json"), "w") as f:
                json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, f, indent=2)


def run_generation(model, tok, spec, inputs, settings, batched, code, forced_bos):
    gen_cfg = model.generation_config
    pad = gen_cfg.pad_token_id if gen_cfg.pad_token_id is not None else model.config.pad_token_id
    lp = settings.get("length_penalty", gen_cfg.length_penalty if gen_cfg.length_penalty is not None else 1.0)
    beams = settings.get("num_beams", gen_cfg.num_beams or 1)
    cases = []
    groups = [inputs] if batched else [[x] for x in inputs]
    extra = {} if forced_bos is None else dict(forced_bos_token_id=forced_bos)
    for grp in groups:
        if code is not None:
            tok.src_lang = code
        enc = tok(grp, return_tensors="pt", padding=True)
        with torch.no_grad():
            out = model.generate(**enc, **settings, **extra, return_dict_in_generate=True, output_scores=True)
        for i, text in enumerate(grp):
            ids = [int(x) for x, m in zip(enc["input_ids"][i], enc["attention_mask"][i]) if m]
            row = mf.strip_pads(out.sequences[i].tolist(), pad, None)
            gen_len = len(row) - 1
            if beams > 1:
                score = float(out.sequences_scores[i])
            else:
                s = 0.0
                for t in range(gen_len):
                    s += float(torch.log_softmax(out.scores[t][i].float(), dim=-1)[row[t + 1]])
                score = s / (gen_len ** lp)
            cases.append(dict(text=text, input_ids=ids, output_ids=row,
                              text_out=tok.decode(row, skip_special_tokens=True), score=score))
    return cases


RUNS = [
    ("greedy", dict(num_beams=1, do_sample=False, max_new_tokens=40)),
    ("beam4", dict(num_beams=4, do_sample=False, max_new_tokens=40)),
    ("config-defaults", dict(max_new_tokens=40)),
    ("config-pure", dict()),
    ("beam4-lp2-noearly", dict(num_beams=4, do_sample=False, max_new_tokens=40, length_penalty=2.0,
                               early_stopping=False)),
    ("greedy-limit5", dict(num_beams=1, do_sample=False, max_new_tokens=5)),
    ("beam3-limit5", dict(num_beams=3, do_sample=False, max_new_tokens=5)),
]


def make_reference(name, spec, outdir, seed_text):
    fam = spec["family"]
    tok = MarianTokenizer.from_pretrained(outdir) if fam == "marian" else AutoTokenizer.from_pretrained(outdir)
    model = model_class(spec).from_pretrained(outdir, dtype=torch.float32)
    model.eval()
    english = None if fam == "marian" else ENGLISH[fam]
    forced = None if english is None else lang_id(tok, english)
    ref = {"model": name, "family": fam, "transformers_version": __import__("transformers").__version__,
           "torch_version": torch.__version__, "tokenizer_class": type(tok).__name__,
           "default_source_lang": spec["langs"][0], "forced_bos_token_id": forced,
           "num_parameters": model.num_parameters(),
           "score_definition": mf.SCORE_DEFINITION, "tokenizer": [], "decode": [], "generation": []}
    texts = mf.tokenizer_texts(seed_text) + [
        "arb_Arab قال", "قال __ar__ سمير", "ar_AR و en_XX", "قال <mask> سمير", "<s> بدء", "eng_Latn</s>x",
        "__en__", "madeupword0000 قال"]
    for code in spec["langs"]:
        for text in texts:
            if code is not None:
                tok.src_lang = code
            ids = tok(text)["input_ids"]
            ref["tokenizer"].append(dict(source_lang=code, text=text, ids=ids, pieces=tok.convert_ids_to_tokens(ids)))
    all_outputs = []
    for code in spec["langs"]:
        runs = RUNS if code == spec["langs"][0] else RUNS[:2]
        for rname, settings in runs:
            for batched in (True, False):
                cases = run_generation(model, tok, spec, mf.GEN_INPUTS, settings, batched, code, forced)
                ref["generation"].append(dict(name=f"{rname}-{'batched' if batched else 'single'}"
                                              + ("" if code == spec["langs"][0] else f"-{code}"),
                                              source_lang=code, settings=settings, batched=batched, cases=cases))
                if rname in ("greedy", "beam4") and not batched:
                    all_outputs += [(code, c["output_ids"]) for c in cases]
    seen = set()
    for _, ids in all_outputs:
        if tuple(ids) not in seen:
            seen.add(tuple(ids))
    vocab = model.config.vocab_size
    rnd = random.Random(spec["seed"])
    handmade = [[2, forced or 5, 7, 9, 2], [rnd.randrange(4, vocab) for _ in range(10)] + [2]]
    if forced is not None:
        handmade.append([2, forced, lang_id(tok, english), 11, 12, 3, 1, 2])
    for ids in handmade:
        for skip in (True, False):
            ref["decode"].append(dict(ids=ids, skip_special_tokens=skip, decoded=tok.decode(ids, skip_special_tokens=skip)))
    outs = [o for _, o in all_outputs]
    distinct = len(set(map(tuple, outs)))
    eos = model.generation_config.eos_token_id
    eos_frac = sum(1 for o in outs if o[-1] == eos) / len(outs)
    print(f"  [{name}] distinct outputs {distinct}/{len(outs)}, EOS-terminated {eos_frac:.0%}")
    if len(spec["langs"]) > 1:
        by = {}
        for code, o in all_outputs:
            by.setdefault(code, []).append(tuple(o))
        a, b = (by[c] for c in spec["langs"][:2])
        print(f"  [{name}] {sum(x != y for x, y in zip(a, b))}/{len(a)} outputs differ between "
              f"{spec['langs'][0]} and {spec['langs'][1]}")
    g = {x["name"]: x for x in ref["generation"]}
    for cg, cb in zip(g["greedy-single"]["cases"][:6], g["beam4-single"]["cases"][:6]):
        print(f"    {cg['text'][:30]:30s} | {cg['text_out'][:30]:30s} | {cb['text_out'][:30]}")
    with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
        # one case per line: small in git, still readable in a diff
        f.write(json.dumps(ref, ensure_ascii=False, separators=(",", ":")).replace('},{"text"', '},\n{"text"'))
        f.write("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--steps", type=int, default=None)
    ap.add_argument("--ref-only", action="store_true")
    args = ap.parse_args()
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    seed_text = mf.read_seed()
    words = mf.seed_words(seed_text)
    rng = random.Random(2929)
    phrases = mf.make_phrases(rng, words, 12000)
    seed_lines = [l for l in seed_text.split("\n") if l.strip()]
    names = [n for n in SPECS if not args.only or n in args.only.split(",")]
    os.makedirs(OUT, exist_ok=True)
    summary = {}
    for name in names:
        spec = dict(SPECS[name], seed=2900 + 31 * list(SPECS).index(name))
        outdir = os.path.join(OUT, name)
        print(f"== {name}", flush=True)
        if not args.ref_only:
            if os.path.isdir(outdir):
                shutil.rmtree(outdir)
            os.makedirs(outdir)
            with tempfile.TemporaryDirectory() as tmp:
                ar = seed_lines + phrases[:5000]
                lat = [mf.translit(l) for l in ar] + [translit_egy(p) for p in phrases[:1000]]
                corpus = ar + lat
                tok = build_tokenizer(spec, corpus, outdir, tmp)
            cfg = make_config(spec, tok)
            pairs = training_pairs(tok, spec, phrases)
            pad = cfg.pad_token_id
            model, loss, secs = train(name, spec, cfg, pairs, args.steps or spec["steps"], pad)
            save(model, spec, outdir, tok)
            summary[name] = dict(loss=round(loss, 4), train_seconds=round(secs))
        make_reference(name, spec, outdir, seed_text)
        summary.setdefault(name, {})["bytes"] = sum(
            os.path.getsize(os.path.join(outdir, f)) for f in os.listdir(outdir))
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
