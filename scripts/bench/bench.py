#!/usr/bin/env python3
"""Benchmark: arabrief (Java/DJL) against Hugging Face transformers on the same model and lines (a Marian, or an
NLLB/M2M100/mBART-50 one: the source is then Modern Standard Arabic and generation is forced to start with the
English code, as arabrief runs those families).

    /work/venv/bin/python scripts/bench/bench.py --model /work/bench-model --arabrief ./arabrief

Modes: greedy and beam 4, each one line at a time (batch 1) and batched (batch 16), --max-new-tokens 48.
For every mode, a transformers worker process loads the model once; then transformers' generate() and a
fresh `arabrief translate --lines` run alternate (--reps times, the order flipping every rep), and the
median is reported. Both sides use 2 intra-op threads (torch.set_num_threads(2); arabrief uses all cores,
2 here).

Token counting is the same on both sides: tokens after the decoder start token up to and including the
first EOS (padding after it not counted). transformers' tok/s = generated tokens / generate() wall time
(load, tokenization of the input excluded); arabrief's tok/s is its --stats tokens_per_second (which also
excludes the model load; load_seconds is reported separately).

Peak RSS: arabrief = `/usr/bin/time -v` "Maximum resident set size" of the JVM run; transformers =
resource.getrusage(RUSAGE_SELF).ru_maxrss of the worker process (model load + that mode's generate calls).

Output parity: arabrief's --format jsonl texts against transformers' batch_decode(skip_special_tokens=True);
for beam search also the sequence score. The first differing line of every mode is dumped with transformers'
ids and the ids read back from arabrief's text (pieces <dummy_N> -> N; other pieces via vocab.json).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEED = os.path.join(HERE, "..", "..", "seeds", "000_576a10afaf96e38e.txt")


# --------------------------------------------------------------------------------------------- worker
def worker_main(model_dir, threads):
    """transformers side, in its own process: reads one JSON command per stdin line, answers one JSON line."""
    import resource

    t0 = time.perf_counter()
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    import transformers

    torch.set_num_threads(threads)
    t_import = time.perf_counter() - t0
    t1 = time.perf_counter()
    tok = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir, dtype=torch.float32).eval()
    load = time.perf_counter() - t1
    # arabrief's defaults for the multilingual families: Modern Standard Arabic in, English out
    codes = {"NllbTokenizer": ("arb_Arab", "eng_Latn"), "M2M100Tokenizer": ("ar", "en"),
             "MBart50Tokenizer": ("ar_AR", "en_XX")}.get(type(tok).__name__)
    extra = {}
    if codes:
        tok.src_lang = codes[0]
        english = tok.get_lang_id(codes[1]) if hasattr(tok, "get_lang_id") else tok.convert_tokens_to_ids(codes[1])
        extra = {"forced_bos_token_id": english}
    eos = model.generation_config.eos_token_id
    pad = model.generation_config.pad_token_id
    out = sys.stdout
    out.write(json.dumps({"ready": True, "load_seconds": load, "import_seconds": t_import,
                          "torch": torch.__version__, "transformers": transformers.__version__,
                          "threads": torch.get_num_threads()}) + "\n")
    out.flush()
    for cmd_line in sys.stdin:
        cmd = json.loads(cmd_line)
        if cmd.get("quit"):
            break
        lines, beams, bs, mnt = cmd["lines"], cmd["beams"], cmd["batch_size"], cmd["max_new_tokens"]
        results = []
        gen_seconds = 0.0
        for i in range(0, len(lines), bs):
            chunk = lines[i:i + bs]
            enc = tok(chunk, return_tensors="pt", padding=True)
            t = time.perf_counter()
            with torch.inference_mode():
                # timed without output_scores: with it, generate() keeps every step's processed scores
                # ([rows, vocab] per step: 770 MB for 64 beam rows x 48 steps), which is harness cost, not
                # search cost (issue 21 found transformers' batched beam search at 12.7 tok/s that way)
                g = model.generate(**enc, num_beams=beams, max_new_tokens=mnt, max_length=None,
                                   return_dict_in_generate=True, output_scores=False, **extra)
            gen_seconds += time.perf_counter() - t
            if beams > 1 and cmd.get("scores"):
                with torch.inference_mode():  # untimed: the same search again, for sequences_scores
                    g = model.generate(**enc, num_beams=beams, max_new_tokens=mnt, max_length=None,
                                       return_dict_in_generate=True, output_scores=True, **extra)
            seqs = g.sequences.tolist()
            texts = tok.batch_decode(g.sequences, skip_special_tokens=True)
            scores = g.sequences_scores.tolist() if beams > 1 and getattr(g, "sequences_scores", None) is not None else [None] * len(seqs)
            for s, text, sc in zip(seqs, texts, scores):
                ids = s[1:]  # drop the decoder start token
                if eos in ids:
                    ids = ids[:ids.index(eos) + 1]
                else:
                    while ids and ids[-1] == pad:
                        ids.pop()
                results.append({"ids": ids, "text": text, "score": sc})
        rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        out.write(json.dumps({"generate_seconds": gen_seconds, "results": results,
                              "generated_tokens": sum(len(r["ids"]) for r in results),
                              "peak_rss_mb": rss_kb / 1024}) + "\n")
        out.flush()


class Worker:
    def __init__(self, model_dir, threads):
        self.p = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--worker", "--model", model_dir,
                                   "--threads", str(threads)],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  text=True, encoding="utf-8")
        self.hello = self._read()

    def _read(self):
        line = self.p.stdout.readline()
        if not line:
            raise RuntimeError("transformers worker died")
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
        self.p.wait(timeout=60)


# ------------------------------------------------------------------------------------------ arabrief
def run_arabrief(arabrief, model_dir, lines_file, beams, bs, mnt, env, compute_type="float32"):
    cmd = ["/usr/bin/time", "-v", arabrief, "translate", "--lines", lines_file, "--model", model_dir,
           "--beams", str(beams), "--max-new-tokens", str(mnt), "--batch-size", str(bs),
           "--format", "jsonl", "--stats", "--compute-type", compute_type]
    t = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        raise RuntimeError(f"arabrief failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-3000:]}")
    stats = None
    rss_kb = None
    for line in p.stderr.splitlines():
        s = line.strip()
        if s.startswith("{") and "tokens_per_second" in s:
            stats = json.loads(s)
        m = re.match(r"Maximum resident set size \(kbytes\): (\d+)", s)
        if m:
            rss_kb = int(m.group(1))
    results = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    return {"stats": stats, "peak_rss_mb": rss_kb / 1024 if rss_kb else None, "wall": wall, "results": results}


# ------------------------------------------------------------------------------------------- parity
def text_to_ids(text):
    """Ids read back from an arabrief text: each <dummy_N> piece is id N; any other text is kept as a string."""
    ids = []
    for part in re.split(r"(<dummy_\d+>)", text):
        if not part:
            continue
        m = re.fullmatch(r"<dummy_(\d+)>", part)
        if m:
            ids.append(int(m.group(1)))
        else:
            ids.append(f"text:{part!r}")
    return ids


def compare(hf, ab, lines):
    same = 0
    diffs = []
    max_dscore = 0.0
    for i, (h, a) in enumerate(zip(hf, ab)):
        if h["text"] == a["text"]:
            same += 1
        else:
            diffs.append(i)
        if h.get("score") is not None and a.get("score") is not None:
            max_dscore = max(max_dscore, abs(h["score"] - a["score"]))
    return same, diffs, max_dscore


def fmt_ids(ids, limit=60):
    s = ids if len(ids) <= limit else ids[:limit] + ["..."]
    return " ".join(str(x) for x in s)


# --------------------------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--arabrief", default="./arabrief")
    ap.add_argument("--input", default=DEFAULT_SEED, help="text file; its non-empty lines are the segments")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-new-tokens", type=int, default=48)
    ap.add_argument("--batch", type=int, default=16, help="batch size of the batched modes")
    ap.add_argument("--single-lines", type=int, default=2,
                    help="batch-1 modes use only the first N lines (0 = all), to keep the run short")
    ap.add_argument("--modes", default="greedy-1,greedy-16,beam4-1,beam4-16",
                    help="comma list of beamsN-batch / greedy-batch; batch 16 stands for --batch")
    ap.add_argument("--compute-types", default="float32,int8,bfloat16,auto",
                    help="arabrief --compute-type values, each run against the same transformers reps")
    ap.add_argument("--json-out", help="also write all measurements here")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    model_dir = os.path.abspath(args.model)
    if args.worker:
        worker_main(model_dir, args.threads)
        return

    arabrief = os.path.abspath(args.arabrief)
    with open(args.input, encoding="utf-8") as f:
        all_lines = [l.strip() for l in f.read().splitlines() if l.strip()]
    env = dict(os.environ)
    tmpdir = tempfile.mkdtemp(prefix="arabrief-bench-")

    def lines_file(lines, name):
        path = os.path.join(tmpdir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        return path

    # build once (first run of ./arabrief compiles) so no timed run pays for Maven
    subprocess.run([arabrief, "--version"], check=True, capture_output=True)

    modes = []
    for m in args.modes.split(","):
        kind, bs = m.strip().rsplit("-", 1)
        beams = 1 if kind == "greedy" else int(kind.replace("beam", ""))
        bs = args.batch if int(bs) == 16 else int(bs)
        modes.append((m.strip(), beams, bs))

    report = {"modes": [], "machine": machine_info()}
    print_machine(report["machine"], sys.stderr)
    types = [t.strip() for t in args.compute_types.split(",") if t.strip()]
    mnt = args.max_new_tokens
    # auto calibrates on its first load and caches the result; do that once, untimed, before the reps
    if "auto" in types:
        run_arabrief(arabrief, model_dir, lines_file(all_lines[:1], "warm.txt"), 1, 1, 4, env, "auto")
    for name, beams, bs in modes:
        lines = all_lines if bs > 1 or args.single_lines <= 0 else all_lines[:args.single_lines]
        lf = lines_file(lines, f"{name}.txt")
        w = Worker(model_dir, args.threads)
        hf_runs, ab_runs = [], {t: [] for t in types}
        t_mode = time.perf_counter()
        for rep in range(args.reps):
            # transformers and every compute type take turns; the order rotates every rep
            sides = ["hf"] + types
            k = rep % len(sides)
            for side in sides[k:] + sides[:k]:
                if side == "hf":
                    hf_runs.append(w.run(lines=lines, beams=beams, batch_size=bs, max_new_tokens=mnt,
                                         scores=rep == args.reps - 1))
                else:
                    ab_runs[side].append(run_arabrief(arabrief, model_dir, lf, beams, bs, mnt, env, side))
        w.close()
        hf_tps = [r["generated_tokens"] / r["generate_seconds"] for r in hf_runs]
        hf_last = hf_runs[-1]
        hf_stable = all([x["text"] for x in r["results"]] == [x["text"] for x in hf_last["results"]] for r in hf_runs)
        exact_texts = [x["text"] for x in ab_runs["float32"][-1]["results"]] if "float32" in types else None
        for ct in types:
            runs = ab_runs[ct]
            ab_tps = [r["stats"]["tokens_per_second"] for r in runs]
            ab_last = runs[-1]
            same, diffs, max_dscore = compare(hf_last["results"], ab_last["results"], lines)
            ab_stable = all([x["text"] for x in r["results"]] == [x["text"] for x in ab_last["results"]] for r in runs)
            row = {
                "mode": name, "compute_type": ct, "beams": beams, "batch_size": bs, "lines": len(lines),
                "hf_tok_s": statistics.median(hf_tps), "ab_tok_s": statistics.median(ab_tps),
                # each rep's runs are close in time: their ratio is steadier than a ratio of medians
                # on a machine whose speed drifts
                "ratio_reps": [a / h for a, h in zip(ab_tps, hf_tps)],
                "hf_tok_s_all": hf_tps, "ab_tok_s_all": ab_tps,
                "hf_tokens": hf_last["generated_tokens"], "ab_tokens": ab_last["stats"]["generated_tokens"],
                "identical": same, "diff_lines": diffs, "max_abs_score_diff": max_dscore,
                "identical_to_float32": (sum(1 for a, b in zip(exact_texts, [x["text"] for x in ab_last["results"]]) if a == b)
                                         if exact_texts is not None else None),
                "hf_load_s": w.hello["load_seconds"], "ab_load_s": statistics.median(r["stats"]["load_seconds"] for r in runs),
                "hf_rss_mb": max(r["peak_rss_mb"] for r in hf_runs), "ab_rss_mb": max(r["peak_rss_mb"] for r in runs),
                "hf_stable": hf_stable, "ab_stable": ab_stable,
                "seconds": time.perf_counter() - t_mode,
            }
            if diffs:
                i = diffs[0]
                row["first_diff"] = {"line": i, "source": lines[i],
                                     "hf_ids": hf_last["results"][i]["ids"], "hf_text": hf_last["results"][i]["text"],
                                     "hf_score": hf_last["results"][i]["score"],
                                     "ab_ids_from_text": text_to_ids(ab_last["results"][i]["text"]),
                                     "ab_text": ab_last["results"][i]["text"], "ab_score": ab_last["results"][i]["score"]}
            # what the compute type ran in on this CPU (auto's calibration, the exact mode's kernels), as --stats says
            row["plan"] = ab_last["stats"].get("compute")
            row["hf_versions"] = {k: w.hello[k] for k in ("torch", "transformers", "threads")}
            report["modes"].append(row)
            print(f"[{name} {ct}] hf {fmt_list(hf_tps)} tok/s, arabrief {fmt_list(ab_tps)} tok/s, "
                  f"identical {same}/{len(lines)}, {row['seconds']:.0f}s", file=sys.stderr, flush=True)
        if args.json_out:  # partial results survive an interrupted run
            with open(args.json_out, "w", encoding="utf-8") as f:
                json.dump(report, f, ensure_ascii=False, indent=1)

    # load + first sentence: fresh processes, one line, beam 4 (the CLI default), batch 1
    first = lines_file(all_lines[:1], "first.txt")
    ab_first = run_arabrief(arabrief, model_dir, first, 4, 1, mnt, env)
    report["first_by_type"] = {}
    for ct in types:
        if ct != "float32":
            r1 = run_arabrief(arabrief, model_dir, first, 4, 1, mnt, env, ct)
            report["first_by_type"][ct] = {"wall_s": r1["wall"], "rss_mb": r1["peak_rss_mb"],
                                           "load_s": r1["stats"]["load_seconds"]}
    t = time.perf_counter()
    w = Worker(model_dir, args.threads)
    r = w.run(lines=all_lines[:1], beams=4, batch_size=1, max_new_tokens=mnt)
    hf_first_wall = time.perf_counter() - t
    w.close()
    report["first"] = {"ab_wall_s": ab_first["wall"], "ab_rss_mb": ab_first["peak_rss_mb"], "ab_stats": ab_first["stats"],
                       "hf_wall_s": hf_first_wall, "hf_rss_mb": r["peak_rss_mb"],
                       "hf_import_s": w.hello["import_seconds"], "hf_load_s": w.hello["load_seconds"]}

    print_table(report, mnt, args)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as f:
            json.dump(report, f, ensure_ascii=False, indent=1)


def fmt_list(xs):
    return "[" + ", ".join(f"{x:.1f}" for x in xs) + "]"


KERNEL_FLAGS = ("avx2", "fma", "avx512f", "avx512bw", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_bf16", "amx_int8",
                "amx_tile")


def machine_info():
    info = {}
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            k, _, v = line.partition(":")
            if k.strip() in ("Model name", "CPU(s)", "Vendor ID", "CPU family"):
                info[k.strip()] = v.strip()
            if k.strip() == "Flags":
                flags = v.split()
                info["kernel flags"] = " ".join(f for f in KERNEL_FLAGS if f in flags)
                info["flags"] = v.strip()
    except OSError:
        pass
    try:
        info["java"] = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    except (OSError, IndexError):
        pass
    info["date"] = time.strftime("%Y-%m-%d %H:%M %Z")
    return info


def print_machine(m, out=sys.stdout):
    print(f"CPU: {m.get('Vendor ID')} {m.get('Model name')} (family {m.get('CPU family')}), {m.get('CPU(s)')} CPUs; "
          f"kernel-relevant flags: {m.get('kernel flags') or 'none'}", file=out)


def print_table(report, mnt, args):
    m = report["machine"]
    v = report["modes"][0]["hf_versions"] if report["modes"] else {}
    print()
    print_machine(m)
    print(f"{m.get('java')}; torch {v.get('torch')}, transformers {v.get('transformers')} ({v.get('threads')} threads); "
          f"{m.get('date')}")
    print(f"max_new_tokens {mnt}, median of {args.reps} interleaved reps; ratio = median over reps of arabrief/transformers "
          f"(warm transformers fp32)\n")
    hdr = ("| mode | compute type | lines | transformers tok/s | arabrief tok/s | ratio (ab/hf, median of reps) | identical to hf "
           "| identical to float32 | gen tokens hf/ab | load s hf/ab | peak RSS MB hf/ab |")
    print(hdr)
    print("|" + "---|" * 11)
    for r in report["modes"]:
        i32 = r.get("identical_to_float32")
        same32 = "-" if i32 is None else f"{i32}/{r['lines']}"
        print(f"| {r['mode']} | {r.get('compute_type', 'float32')} | {r['lines']} | {r['hf_tok_s']:.1f} | {r['ab_tok_s']:.1f} "
              f"| {statistics.median(r['ratio_reps']):.2f} | {r['identical']}/{r['lines']} "
              f"| {same32} "
              f"| {r['hf_tokens']}/{r['ab_tokens']} | {r['hf_load_s']:.2f}/{r['ab_load_s']:.2f} "
              f"| {r['hf_rss_mb']:.0f}/{r['ab_rss_mb']:.0f} |")
    plans = {}
    for r in report["modes"]:
        if r.get("plan"):
            plans.setdefault(r.get("compute_type", "float32"), r["plan"])
    for ct, p in plans.items():
        # float32's label does not name MKL or oneDNN (both exact); the calibration file has the kernels
        print(f"plan, --compute-type {ct}: encoder {p['encoder']}, decoder {p['decoder']}, LM head {p['lm_head']}")
    for ct, f1 in report.get("first_by_type", {}).items():
        print(f"load + first sentence, --compute-type {ct}: {f1['wall_s']:.1f}s wall (load {f1['load_s']:.2f}s), "
              f"peak RSS {f1['rss_mb']:.0f} MB")
    f = report["first"]
    print(f"\nload + first sentence (1 line, beam 4, fresh process): arabrief {f['ab_wall_s']:.1f}s wall "
          f"(load {f['ab_stats']['load_seconds']:.2f}s, translate {f['ab_stats']['translate_seconds']:.2f}s), "
          f"peak RSS {f['ab_rss_mb']:.0f} MB; transformers {f['hf_wall_s']:.1f}s wall "
          f"(import {f['hf_import_s']:.1f}s, load {f['hf_load_s']:.2f}s), peak RSS {f['hf_rss_mb']:.0f} MB")
    for r in report["modes"]:
        notes = []
        if r.get("compute_type", "float32") != "float32":
            continue  # the fast types are not meant to match transformers token for token
        if r["max_abs_score_diff"]:
            notes.append(f"max |score diff| {r['max_abs_score_diff']:.2e}")
        if not r["hf_stable"] or not r["ab_stable"]:
            notes.append(f"outputs vary across reps (hf stable={r['hf_stable']}, arabrief stable={r['ab_stable']})")
        if r.get("first_diff"):
            d = r["first_diff"]
            notes.append(f"differing lines {r['diff_lines']}; first: line {d['line']}\n"
                         f"    hf ids      : {fmt_ids(d['hf_ids'])}\n"
                         f"    arabrief ids: {fmt_ids(d['ab_ids_from_text'])}  (read back from text)\n"
                         f"    scores hf {d['hf_score']} arabrief {d['ab_score']}")
        if notes:
            print(f"{r['mode']}: " + "; ".join(notes))


if __name__ == "__main__":
    main()
