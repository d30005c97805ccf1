#!/usr/bin/env python3
"""Warm benchmark: arabrief against transformers with each side's model loaded once, for models too large to load
for every run (nllb-200-distilled-600M: 2.5 GB, minutes to load on a busy 2-core machine).

    /work/venv/bin/python scripts/bench/bench_warm.py --model /work/bench-nllb --compute-types float32,auto

Needs `mvn -DskipTests package` first (target/classes, target/lib). One transformers worker (bench.py's, 2 threads,
forced to write English for a multilingual model) and one arabrief JVM per compute type (WarmWorker.java, all cores,
2 here) load the model once; then, for every mode (greedy and beam 4, one line at a time and in batches of 16) and
every rep, each side translates the same lines in turn, the order rotating every rep. Reported: median tokens/s per
side (generated tokens, EOS included, over the wall time of generate() / translate(), tokenization included on
arabrief's side), the median of the per-rep ratios, texts identical to transformers', and peak RSS (transformers:
ru_maxrss of its worker; arabrief: VmHWM of its JVM, after the load and at the end).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402

ROOT = os.path.join(HERE, "..", "..")


class JavaWorker:
    def __init__(self, model_dir, compute_type):
        env = dict(os.environ)
        env.setdefault("MALLOC_MMAP_THRESHOLD_", "16777216")
        env.setdefault("MALLOC_TRIM_THRESHOLD_", "33554432")
        cp = os.path.join(ROOT, "target", "classes") + ":" + os.path.join(ROOT, "target", "lib", "*")
        # the JVM options of ./arabrief
        opts = ["-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1", "-Xmn24m", "-Xms64m"]
        self.p = subprocess.Popen(["java", *opts, "-cp", cp, os.path.join(HERE, "WarmWorker.java"), model_dir,
                                   compute_type], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True, encoding="utf-8", env=env)
        self.hello = self._read()

    def _read(self):
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise RuntimeError("arabrief worker died")
            if line.startswith("{"):
                return json.loads(line)

    def run(self, **cmd):
        self.p.stdin.write(json.dumps(cmd, ensure_ascii=False) + "\n")
        self.p.stdin.flush()
        return self._read()

    def close(self):
        try:
            self.p.stdin.write(json.dumps({"quit": True}) + "\n")
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        self.p.wait(timeout=120)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--input", default=bench.DEFAULT_SEED)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-new-tokens", type=int, default=48)
    ap.add_argument("--single-lines", type=int, default=2)
    ap.add_argument("--modes", default="greedy-1,greedy-16,beam4-1,beam4-16")
    ap.add_argument("--compute-types", default="float32,auto")
    ap.add_argument("--json-out")
    args = ap.parse_args()
    model_dir = os.path.abspath(args.model)
    with open(args.input, encoding="utf-8") as f:
        all_lines = [l.strip() for l in f.read().splitlines() if l.strip()]
    report = {"machine": bench.machine_info(), "args": vars(args), "modes": []}
    bench.print_machine(report["machine"], sys.stderr)
    types = [t for t in args.compute_types.split(",") if t]
    t0 = time.perf_counter()
    hf = bench.Worker(model_dir, args.threads)
    ab = {t: JavaWorker(model_dir, t) for t in types}
    report["load"] = {"hf": hf.hello, **{t: w.hello for t, w in ab.items()}}
    print(f"loaded in {time.perf_counter() - t0:.0f}s: {json.dumps(report['load'])}", file=sys.stderr, flush=True)
    for m in args.modes.split(","):
        kind, bs = m.rsplit("-", 1)
        beams = 1 if kind == "greedy" else int(kind.replace("beam", ""))
        bs = int(bs)
        lines = all_lines if bs > 1 or args.single_lines <= 0 else all_lines[:args.single_lines]
        runs = {s: [] for s in ["hf"] + types}
        for rep in range(args.reps):
            sides = ["hf"] + types
            k = rep % len(sides)
            for side in sides[k:] + sides[:k]:
                if side == "hf":
                    r = hf.run(lines=lines, beams=beams, batch_size=bs, max_new_tokens=args.max_new_tokens)
                    r["texts"] = [x["text"] for x in r["results"]]
                else:
                    r = ab[side].run(lines=lines, beams=beams, batch_size=bs, max_new_tokens=args.max_new_tokens)
                runs[side].append(r)
        hf_tps = [r["generated_tokens"] / r["generate_seconds"] for r in runs["hf"]]
        for t in types:
            ab_tps = [r["generated_tokens"] / r["generate_seconds"] for r in runs[t]]
            row = {"mode": m, "compute_type": t, "lines": len(lines), "hf_tok_s": statistics.median(hf_tps),
                   "ab_tok_s": statistics.median(ab_tps), "hf_tok_s_all": hf_tps, "ab_tok_s_all": ab_tps,
                   "ratio": statistics.median(a / h for a, h in zip(ab_tps, hf_tps)),
                   "tokens_hf_ab": [runs["hf"][-1]["generated_tokens"], runs[t][-1]["generated_tokens"]],
                   "identical": sum(a == b for a, b in zip(runs["hf"][-1]["texts"], runs[t][-1]["texts"])),
                   "hf_rss_mb": runs["hf"][-1]["peak_rss_mb"], "ab_rss_mb": runs[t][-1]["peak_rss_mb"]}
            report["modes"].append(row)
            print(f"[{m} {t}] hf {bench.fmt_list(hf_tps)} tok/s, arabrief {bench.fmt_list(ab_tps)} tok/s, "
                  f"ratio {row['ratio']:.2f}, identical {row['identical']}/{len(lines)}", file=sys.stderr, flush=True)
        if args.json_out:
            with open(args.json_out, "w", encoding="utf-8") as f:
                json.dump(report, f, ensure_ascii=False, indent=1)
    hf.close()
    for w in ab.values():
        w.close()
    print("| mode | compute type | transformers tok/s | arabrief tok/s | ratio | identical | peak RSS MB hf/ab |")
    print("|---|---|---|---|---|---|---|")
    for r in report["modes"]:
        print(f"| {r['mode']} | {r['compute_type']} | {r['hf_tok_s']:.2f} | {r['ab_tok_s']:.2f} | {r['ratio']:.2f} | "
              f"{r['identical']}/{r['lines']} | {r['hf_rss_mb']:.0f}/{r['ab_rss_mb']:.0f} |")


if __name__ == "__main__":
    main()
