#!/usr/bin/env python3
"""Writes a benchmark model: an M2M100 with seeded random weights in the exact shape of
facebook/nllb-200-distilled-600M (d_model 1024, 12+12 layers, 16 heads, ffn 4096, vocab 256206, ReLU,
scale_embedding, 1024 positions, tied tables; 615M parameters, 2.5 GB in float32).

Real NLLB weights cannot be downloaded here, so this model only serves speed and memory measurements; its
translations are meaningless (a random model repeats a token until max_new_tokens). The tokenizer is the nllb test
fixture's (tokenizer.json, tokenizer_config.json: its ids are all below 256206, eng_Latn among them), so the 256k-row
LM head -- what dominates one-line decoding -- is the real one's size.

    /work/venv/bin/python scripts/bench/make_nllb_bench_model.py /work/bench-nllb [--seed 1234]
"""
import argparse
import json
import os
import shutil
import sys

import torch
from transformers import M2M100Config, M2M100ForConditionalGeneration

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FIXTURE = os.path.join(HERE, "..", "..", "src", "test", "resources", "fixtures", "families", "nllb")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--fixture", default=DEFAULT_FIXTURE, help="the nllb fixture directory (its tokenizer files)")
    args = ap.parse_args()
    fixture = os.path.abspath(args.fixture)
    if not os.path.isfile(os.path.join(fixture, "tokenizer.json")):
        sys.exit(f"fixture not found: {fixture}")
    config = M2M100Config(
        vocab_size=256206, d_model=1024, encoder_layers=12, decoder_layers=12, encoder_attention_heads=16,
        decoder_attention_heads=16, encoder_ffn_dim=4096, decoder_ffn_dim=4096, activation_function="relu",
        scale_embedding=True, max_position_embeddings=1024, pad_token_id=1, bos_token_id=0, eos_token_id=2,
        decoder_start_token_id=2, dropout=0.1, attention_dropout=0.1, init_std=0.02, tie_word_embeddings=True,
        architectures=["M2M100ForConditionalGeneration"], tokenizer_class="NllbTokenizer")
    torch.manual_seed(args.seed)
    model = M2M100ForConditionalGeneration(config).eval()
    os.makedirs(args.outdir, exist_ok=True)
    model.save_pretrained(args.outdir)
    # the Hub repo's generation_config.json
    with open(os.path.join(args.outdir, "generation_config.json"), "w") as f:
        json.dump({"bos_token_id": 0, "decoder_start_token_id": 2, "eos_token_id": 2, "max_length": 200,
                   "pad_token_id": 1}, f, indent=2)
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copyfile(os.path.join(fixture, name), os.path.join(args.outdir, name))
    print(f"wrote {args.outdir}: {model.num_parameters() / 1e6:.1f}M parameters, seed {args.seed}")


if __name__ == "__main__":
    main()
