#!/usr/bin/env python3
"""Writes a benchmark model: a Marian with seeded random weights in the exact shape of opus-mt-ar-en.

Real opus-mt weights cannot be downloaded here, so this model only serves speed/memory measurements
(and token-level parity between arabrief and transformers); its translations are meaningless.

    /work/venv/bin/python scripts/bench/make_bench_model.py /work/bench-model [--seed 1234]

Layout written to OUTDIR (Hugging Face MarianMTModel layout, like a downloaded opus-mt model):
  config.json, generation_config.json, model.safetensors   (save_pretrained)
  source.spm, target.spm, tokenizer_config.json            (copied/adapted from the tiny-opus test fixture)
  vocab.json   fixture entries with their ids (</s> 0, <unk> 1, ...), padded with <dummy_N> up to 62834,
               <pad> = 62833
"""
import argparse
import json
import os
import shutil
import sys

import torch
from transformers import GenerationConfig, MarianConfig, MarianMTModel

VOCAB = 62834
PAD = VOCAB - 1
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FIXTURE = os.path.join(HERE, "..", "..", "src", "test", "resources", "fixtures", "models", "tiny-opus")


def build_vocab(fixture_vocab):
    with open(fixture_vocab, encoding="utf-8") as f:
        fixture = json.load(f)
    by_id = {}
    for piece, idx in fixture.items():
        if piece == "<pad>":
            continue  # the fixture's pad moves to the opus-mt position
        by_id[idx] = piece
    assert by_id.get(0) == "</s>" and by_id.get(1) == "<unk>", "fixture vocab must start with </s>, <unk>"
    vocab = {}
    for i in range(VOCAB):
        if i == PAD:
            piece = "<pad>"
        else:
            piece = by_id.get(i, f"<dummy_{i}>")
        vocab[piece] = i
    assert len(vocab) == VOCAB
    return vocab


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--fixture", default=os.environ.get("ARABRIEF_TINY_OPUS", DEFAULT_FIXTURE),
                    help="tiny-opus fixture dir providing source.spm/target.spm/vocab.json/tokenizer_config.json")
    args = ap.parse_args()
    fixture = os.path.abspath(args.fixture)
    if not os.path.isfile(os.path.join(fixture, "source.spm")):
        sys.exit(f"fixture not found: {fixture} (pass --fixture, e.g. /work/main/src/test/resources/fixtures/models/tiny-opus)")

    config = MarianConfig(
        vocab_size=VOCAB,
        decoder_vocab_size=VOCAB,
        d_model=512,
        encoder_layers=6,
        decoder_layers=6,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        activation_function="swish",
        scale_embedding=True,
        max_position_embeddings=512,
        pad_token_id=PAD,
        decoder_start_token_id=PAD,
        eos_token_id=0,
        bos_token_id=0,
        forced_eos_token_id=0,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        init_std=0.02,
        dropout=0.1,
        attention_dropout=0.0,
        activation_dropout=0.0,
        use_cache=True,
        architectures=["MarianMTModel"],
    )
    torch.manual_seed(args.seed)
    model = MarianMTModel(config)  # post_init(): normal(0, init_std) weights, zero biases, LayerNorm 1/0
    model.eval()
    model.generation_config = GenerationConfig(
        bad_words_ids=[[PAD]],
        bos_token_id=0,
        decoder_start_token_id=PAD,
        eos_token_id=0,
        forced_eos_token_id=0,
        max_length=512,
        num_beams=4,
        pad_token_id=PAD,
        renormalize_logits=True,  # as in the published opus-mt generation_config.json (and the tiny-opus fixture)
    )
    os.makedirs(args.outdir, exist_ok=True)
    model.save_pretrained(args.outdir, safe_serialization=True)

    for name in ("source.spm", "target.spm"):
        shutil.copyfile(os.path.join(fixture, name), os.path.join(args.outdir, name))
    vocab = build_vocab(os.path.join(fixture, "vocab.json"))
    with open(os.path.join(args.outdir, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(vocab, f, ensure_ascii=False, indent=2)
    with open(os.path.join(fixture, "tokenizer_config.json"), encoding="utf-8") as f:
        tok_cfg = json.load(f)
    added = tok_cfg.get("added_tokens_decoder", {})
    pad_entry = None
    for k in list(added):
        if added[k].get("content") == "<pad>":
            pad_entry = added.pop(k)
    if pad_entry is not None:
        added[str(PAD)] = pad_entry
    with open(os.path.join(args.outdir, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump(tok_cfg, f, ensure_ascii=False, indent=2)
    print(f"wrote {args.outdir}: {sum(p.numel() for p in model.parameters()) / 1e6:.1f}M parameters, seed {args.seed}")


if __name__ == "__main__":
    main()
