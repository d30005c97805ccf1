"""transformers' side of the warm benchmark: model loaded once, a warm-up, then the lines translated twice.

python scripts/bench/warm_hf.py MODEL LINES BEAMS BATCH   (pair with WarmBench.java, run alternately)
"""
import sys
import time

import torch
from transformers import MarianMTModel, MarianTokenizer

model_dir, lines_file, beams, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(2)
tok = MarianTokenizer.from_pretrained(model_dir)
model = MarianMTModel.from_pretrained(model_dir).eval()
pad = model.generation_config.pad_token_id
lines = [l for l in open(lines_file, encoding="utf-8").read().split("\n") if l.strip()]
with torch.inference_mode():
    model.generate(**tok(lines[:1], return_tensors="pt"), num_beams=beams, max_new_tokens=4)
    for _ in range(2):
        t = time.perf_counter()
        tokens = 0
        for i in range(0, len(lines), batch):
            out = model.generate(**tok(lines[i:i + batch], return_tensors="pt", padding=True),
                                 num_beams=beams, max_new_tokens=48, max_length=None)
            tokens += int((out[:, 1:] != pad).sum())  # generated tokens, EOS counted, start and padding not
        dt = time.perf_counter() - t
        print(f"transformers beams={beams} batch={batch} tokens={tokens} {dt:.2f}s {tokens / dt:.1f} tok/s")
