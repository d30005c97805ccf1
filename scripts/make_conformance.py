#!/usr/bin/env python3
"""Generate the Marian conformance suite: small trained variants drawn across Marian's configuration and
checkpoint-layout space, each with transformers' reference outputs.

Run from the repository root:  /work/venv/bin/python scripts/make_conformance.py [--only c01,c02] [--steps N]

Writes src/test/resources/fixtures/conformance/<variant>/ (the model directory, laid out as the variant says)
and src/test/resources/fixtures/conformance/<variant>.json (tokenizer ids, generated ids, texts and scores for
greedy, beam with the model's defaults and with overrides, batched and one by one — the format of
scripts/make_fixtures.py's references, which this script reuses for training and for the references).

Each variant is tiny (d_model <= 64, a few hundred vocabulary entries) and trained briefly (a few hundred steps
on one thread) on the same transliteration task as the fixtures, so outputs depend on the input and end in EOS.
"""
import argparse
import json
import os
import random
import shutil
import sys
import tempfile

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_fixtures as mf  # noqa: E402
from safetensors.torch import save_file  # noqa: E402
from transformers import MarianConfig  # noqa: E402

OUT = os.path.join(mf.FIX, "conformance")

# Every key a variant may set. Layout keys:
#   weights: safetensors | bin (torch zip) | legacy (torch.save(..., _use_new_zipfile_serialization=False))
#   store:   default (what save_pretrained writes: tied tables once) | all (the full state dict, every table,
#            as old .bin checkpoints) | only:<name> (tied tables stored under that one name only)
#   gen:     generation_config.json contents (None: no generation_config.json at all)
#   cfg_gen: generation keys written into config.json (with gen=None: the 2020 opus-mt layout)
SPECS = {
    "c01-unequal-layers": dict(enc=3, dec=1, d=48, eh=4, dh=4, ffn=64, act="swish", scale=True, tie=True,
                               shared=True, weights="safetensors", store="default", flb=False,
                               gen=dict(num_beams=4, max_length=40, renormalize_logits=True)),
    "c02-untied-shared": dict(enc=1, dec=2, d=36, eh=4, dh=4, ffn=72, act="gelu", scale=False, tie=False,
                              shared=True, weights="safetensors", store="default", flb=True,
                              gen=dict(num_beams=3, max_length=32, length_penalty=0.6, early_stopping=True)),
    "c03-separate-vocab-tied": dict(enc=2, dec=2, d=40, eh=5, dh=5, ffn=80, act="gelu_new", scale=True, tie=True,
                                    shared=False, weights="bin", store="all", flb=False,
                                    gen=dict(num_beams=2, max_length=30)),
    "c04-separate-vocab-untied": dict(enc=2, dec=2, d=56, eh=7, dh=4, ffn=112, act="relu", scale=False, tie=False,
                                      shared=False, weights="safetensors", store="default", flb=True,
                                      gen=dict(num_beams=4, early_stopping="never", length_penalty=1.3,
                                               max_length=40)),
    "c05-legacy-config-only": dict(enc=2, dec=2, d=32, eh=2, dh=2, ffn=64, act="swish", scale=True, tie=True,
                                   shared=True, weights="legacy", store="all", flb=False, gen=None,
                                   cfg_gen=dict(num_beams=3, max_length=24, bad_words_ids="PAD")),
    "c06-config-only-beam": dict(enc=2, dec=2, d=48, eh=6, dh=6, ffn=96, act="gelu", scale=True, tie=True,
                                 shared=False, same_vocab=True, weights="legacy", store="default", flb=False,
                                 gen=None, cfg_gen=dict(num_beams=2, length_penalty=0.8, early_stopping=True,
                                                        renormalize_logits=True, max_length=20)),
    "c07-forced-eos-config-only": dict(enc=2, dec=2, d=32, eh=4, dh=4, ffn=64, act="gelu", scale=False,
                                       tie=True, shared=True, weights="safetensors", store="default", flb=False,
                                       gen=dict(num_beams=4, max_length=48), gen_drop=["forced_eos_token_id"]),
    "c08-quick-gelu-separate": dict(enc=2, dec=1, d=36, eh=3, dh=3, ffn=72, act="quick_gelu", scale=True,
                                    tie=False, shared=False, weights="legacy", store="default", flb=False,
                                    gen=dict(num_beams=3, max_length=36, bad_words_ids="PAD+PAIR")),
    "c09-only-encoder-table": dict(enc=2, dec=3, d=64, eh=2, dh=2, ffn=32, act="gelu_pytorch_tanh", scale=True,
                                   tie=True, shared=True, weights="safetensors",
                                   store="only:model.encoder.embed_tokens.weight", flb=False,
                                   gen=dict(num_beams=1, max_length=40)),
    "c10-mish-untied-bin": dict(enc=2, dec=2, d=24, eh=4, dh=4, ffn=64, act="mish", scale=False, tie=False,
                                shared=True, weights="bin", store="all", flb=True,
                                gen=dict(num_beams=5, length_penalty=2.0, early_stopping=False,
                                         renormalize_logits=True, max_length=40)),
    "c11-all-tables-equal": dict(enc=2, dec=2, d=40, eh=2, dh=2, ffn=80, act="gelu_fast", scale=False, tie=True,
                                 shared=True, weights="bin", store="all", flb=False, gen=None,
                                 cfg_gen=dict(num_beams=4, max_length=32, bad_words_ids="PAD")),
    "c12-tiny-heads-limit": dict(enc=1, dec=1, d=32, eh=8, dh=8, ffn=64, act="silu", scale=True, tie=False,
                                 shared=False, weights="safetensors", store="default", flb=True,
                                 gen=dict(num_beams=2, max_length=16, renormalize_logits=True)),
    "c13-relu2-legacy-separate": dict(enc=2, dec=2, d=48, eh=3, dh=3, ffn=96, act="relu2", scale=True, tie=True,
                                      shared=False, weights="legacy", store="all", flb=False,
                                      gen=dict(num_beams=4, max_length=24)),
    "c14-only-lm-head": dict(enc=2, dec=2, d=32, eh=4, dh=4, ffn=64, act="gelu_fast", scale=True, tie=True,
                             shared=True, weights="safetensors", store="only:lm_head.weight", flb=True,
                             gen=dict(num_beams=3, max_length=40, early_stopping=True)),
    "c15-min-length-eos-list": dict(enc=2, dec=2, d=32, eh=4, dh=4, ffn=64, act="swish", scale=True, tie=True,
                                    shared=True, weights="safetensors", store="default", flb=False,
                                    gen=dict(num_beams=3, max_length=30, min_length=6, eos_token_id=[0],
                                             early_stopping="never")),
    "c16-config-only-min-length": dict(enc=1, dec=2, d=40, eh=4, dh=4, ffn=64, act="gelu", scale=False, tie=True,
                                       shared=False, weights="bin", store="default", flb=True, gen=None,
                                       cfg_gen=dict(num_beams=2, min_length=4, length_penalty=1.5, max_length=28,
                                                    bad_words_ids="PAD")),
}


def build_tokenizer(spec, corpus_src, corpus_tgt, outdir, tmp, cache):
    """One spm pair for every variant (identical files; git stores them once)."""
    key = "separate" if (not spec["shared"] and not spec.get("same_vocab")) else "shared"
    if key not in cache:
        s = dict(shared=(key == "shared"), src_vocab=300, tgt_vocab=140)
        d = os.path.join(tmp, key)
        os.makedirs(d)
        cache[key] = (d, mf.build_tokenizer_and_vocab(key, s, corpus_src, corpus_tgt, d, tmp))
    d, (tok, vocab, tvocab) = cache[key]
    for f in os.listdir(d):
        shutil.copy(os.path.join(d, f), outdir)
    return tok, vocab, tvocab


def make_config(spec, vocab, tvocab):
    pad = (tvocab if tvocab is not None else vocab)["<pad>"]
    return MarianConfig(
        vocab_size=len(vocab), decoder_vocab_size=len(tvocab) if tvocab is not None else len(vocab),
        d_model=spec["d"], encoder_layers=spec["enc"], decoder_layers=spec["dec"],
        encoder_attention_heads=spec["eh"], decoder_attention_heads=spec["dh"],
        encoder_ffn_dim=spec["ffn"], decoder_ffn_dim=spec["ffn"], max_position_embeddings=128,
        activation_function=spec["act"], scale_embedding=spec["scale"],
        dropout=0.0, attention_dropout=0.0, activation_dropout=0.0,
        pad_token_id=pad, decoder_start_token_id=pad, eos_token_id=0, forced_eos_token_id=0, bos_token_id=0,
        share_encoder_decoder_embeddings=spec["shared"], tie_word_embeddings=spec["tie"], init_std=0.05,
        architectures=["MarianMTModel"])


def bad_words(value, pad):
    return {"PAD": [[pad]], "PAD+PAIR": [[pad], [5, 7]]}[value] if isinstance(value, str) else value


def save_variant(model, spec, outdir):
    pad = model.config.pad_token_id
    if spec["flb"]:
        g = torch.Generator().manual_seed(len(outdir))
        with torch.no_grad():
            model.final_logits_bias.copy_(torch.randn(model.final_logits_bias.shape, generator=g) * 0.3)
    model.save_pretrained(outdir)
    gen_path = os.path.join(outdir, "generation_config.json")
    if spec["gen"] is None:
        os.remove(gen_path)
    else:
        g = dict(bad_words_ids=[[pad]], bos_token_id=0, decoder_start_token_id=pad, eos_token_id=0,
                 forced_eos_token_id=0, pad_token_id=pad)
        g.update({k: bad_words(v, pad) if k == "bad_words_ids" else v for k, v in spec["gen"].items()})
        for k in spec.get("gen_drop", []):
            g.pop(k, None)
        with open(gen_path, "w") as f:
            json.dump(g, f, indent=2)
    if spec.get("cfg_gen"):
        cfg_path = os.path.join(outdir, "config.json")
        with open(cfg_path) as f:
            c = json.load(f)
        c.update({k: bad_words(v, pad) if k == "bad_words_ids" else v for k, v in spec["cfg_gen"].items()})
        with open(cfg_path, "w") as f:
            json.dump(c, f, indent=2)
    st = os.path.join(outdir, "model.safetensors")
    sd = {k: v.detach().clone().contiguous() for k, v in model.state_dict().items()}
    store = spec["store"]
    if store.startswith("only:"):
        keep = store[len("only:"):]
        tables = {"model.shared.weight", "model.encoder.embed_tokens.weight", "model.decoder.embed_tokens.weight",
                  "lm_head.weight"}
        sd = {k: v for k, v in sd.items() if k not in tables or k == keep}
        sd = {k: v for k, v in sd.items() if "embed_positions" not in k}
    elif store == "default":
        if spec["weights"] == "safetensors":
            return
        # what save_pretrained keeps: tied duplicates and the position tables dropped
        from safetensors.torch import load_file
        sd = load_file(st)
    if spec["weights"] == "safetensors":
        save_file(sd, st, metadata={"format": "pt"})
        return
    os.remove(st)
    path = os.path.join(outdir, "pytorch_model.bin")
    torch.save(sd, path, _use_new_zipfile_serialization=(spec["weights"] == "bin"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="")
    ap.add_argument("--steps", type=int, default=450)
    ap.add_argument("--ref-only", action="store_true")
    args = ap.parse_args()
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    mf.STRICT = False
    mf.REF_DIR = OUT
    seed_text = mf.read_seed()
    words = mf.seed_words(seed_text)
    rng = random.Random(4242)
    phrases = mf.make_phrases(rng, words, 20000)
    tgt = [mf.translit(p) for p in phrases]
    seed_lines = [l for l in seed_text.split("\n") if l.strip()]
    corpus_src = seed_lines + phrases[:8000]
    corpus_tgt = [mf.translit(l) for l in seed_lines] + tgt[:8000]
    names = [n for n in SPECS if not args.only or n in args.only.split(",")]
    cache = {}
    summary = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, name in enumerate(names):
            spec = dict(SPECS[name], seed=5000 + 17 * list(SPECS).index(name))
            outdir = os.path.join(OUT, name)
            print(f"== {name}", flush=True)
            if not args.ref_only:
                if os.path.isdir(outdir):
                    shutil.rmtree(outdir)
                os.makedirs(outdir)
                tok, vocab, tvocab = build_tokenizer(spec, corpus_src, corpus_tgt, outdir, tmp, cache)
                if spec.get("same_vocab"):
                    tvocab = None
                cfg = make_config(spec, vocab, tvocab)
                pairs = mf.encode_pairs(tok, phrases, tgt)
                model, loss, secs = mf.train_model(name, spec, cfg, tok, pairs, args.steps, log_every=10**9)
                save_variant(model, spec, outdir)
                summary[name] = dict(loss=round(loss, 4), train_seconds=round(secs))
            mf.make_reference(name, outdir, seed_text, spec)
            summary.setdefault(name, {})["bytes"] = mf.dir_size(outdir)
    with open(os.path.join(OUT, "SUITE.json"), "w") as f:
        json.dump({"transformers_version": __import__("transformers").__version__,
                   "torch_version": torch.__version__,
                   "variants": {n: {k: v for k, v in SPECS[n].items()} for n in SPECS}}, f, indent=1)
        f.write("\n")
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
