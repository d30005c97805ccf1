#!/usr/bin/env python3
"""Generate the small torch checkpoint fixtures used by TorchCheckpointTest.

Run with a Python that has torch installed (the tests themselves never need Python):

    /work/venv/bin/python scripts/make_pickle_fixtures.py

Writes into src/test/resources/fixtures/pickle/. The output is deterministic
except for the random serialization_id torch stores inside each zip.
"""
import collections
import io
import json
import os
import pickle
import struct
import zipfile

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "fixtures", "pickle")

# Marker files the evil pickles would create if they were ever executed.
MARKER_OS = "/tmp/arabrief_pwned_os_system"
MARKER_EVAL = "/tmp/arabrief_pwned_eval"
MARKER_POPEN = "/tmp/arabrief_pwned_popen"


def good_state_dict():
    g = torch.Generator().manual_seed(1234)
    shared = torch.arange(12, dtype=torch.float32) * 0.5 - 2.0
    sd = collections.OrderedDict()
    sd["encoder.weight"] = torch.randn(3, 4, generator=g)              # float32 2-D
    sd["encoder.bias"] = torch.randn(4, generator=g)                   # float32 1-D
    sd["half.weight"] = (torch.randn(2, 3, generator=g)).to(torch.float16)
    sd["bf16.weight"] = (torch.randn(5, generator=g)).to(torch.bfloat16)
    sd["positions"] = torch.tensor([[0, 1, -7], [2**40, -(2**33), 5]], dtype=torch.int64)
    sd["scale"] = torch.tensor(3.25)                                    # 0-d scalar
    sd["shared.head"] = shared[2:6]                                     # view, storage_offset 2
    sd["shared.tail"] = shared[6:12].view(2, 3)                         # view, storage_offset 6, same storage
    sd["transposed"] = torch.arange(6, dtype=torch.float32).view(2, 3).t()  # non-contiguous stride (1, 3)
    sd["double"] = torch.tensor([1.0 / 3.0, -2.5], dtype=torch.float64)
    sd["int32"] = torch.tensor([7, -8, 9], dtype=torch.int32)
    sd["mask"] = torch.tensor([True, False, True])
    sd["empty"] = torch.zeros(0, 3)
    return sd


DTYPE_NAMES = {
    torch.float32: "float32",
    torch.float16: "float16",
    torch.bfloat16: "bfloat16",
    torch.float64: "float64",
    torch.int64: "int64",
    torch.int32: "int32",
    torch.bool: "bool",
}


def expected_json(sd):
    out = collections.OrderedDict()
    for k, t in sd.items():
        flat = t.contiguous().reshape(-1)
        if t.dtype in (torch.float16, torch.bfloat16):
            flat = flat.to(torch.float32)
        if t.dtype == torch.bool:
            values = [bool(v) for v in flat.tolist()]
        else:
            values = flat.tolist()
        out[k] = {"shape": list(t.shape), "dtype": DTYPE_NAMES[t.dtype], "values": values}
    return out


def hand_zip(path, data_pkl, archive="archive"):
    """A zip with the same layout torch.save writes, but with a hand-made data.pkl."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as z:
        z.writestr(f"{archive}/data.pkl", data_pkl)
        z.writestr(f"{archive}/byteorder", b"little")
        z.writestr(f"{archive}/version", b"3\n")


def binunicode(s):
    b = s.encode("utf-8")
    return b"X" + struct.pack("<I", len(b)) + b


class EvalPayload:
    """Pickled by torch.save itself: the stock pickler writes GLOBAL '__builtin__ eval'."""

    def __reduce__(self):
        import builtins
        return (builtins.eval, (f"__import__('os').system('echo pwned > {MARKER_EVAL}')",))


def main():
    os.makedirs(OUT, exist_ok=True)
    sd = good_state_dict()
    good = os.path.join(OUT, "state_dict.bin")
    torch.save(sd, good)
    with open(os.path.join(OUT, "state_dict.expected.json"), "w") as f:
        json.dump(expected_json(sd), f, indent=1)
        f.write("\n")

    # Sanity: the views really share one storage, the transposed one really is non-contiguous.
    assert sd["shared.head"].untyped_storage().data_ptr() == sd["shared.tail"].untyped_storage().data_ptr()
    assert not sd["transposed"].is_contiguous()

    # evil_os_system.bin: GLOBAL 'os system' + REDUCE, hand-written protocol 2.
    cmd = f"echo pwned > {MARKER_OS}"
    pkl = b"\x80\x02" + b"cos\nsystem\n" + b"q\x00" + binunicode(cmd) + b"\x85" + b"R" + b"q\x01" + b"."
    hand_zip(os.path.join(OUT, "evil_os_system.bin"), pkl, archive="evil_os_system")

    # evil_builtins_eval.bin: a real state dict with one tensor, plus an object whose __reduce__
    # calls eval; written by torch.save, so the layout is exactly what torch produces.
    evil_sd = collections.OrderedDict()
    evil_sd["layer.weight"] = torch.ones(2, 2)
    evil_sd["layer.bias"] = EvalPayload()
    torch.save(evil_sd, os.path.join(OUT, "evil_builtins_eval.bin"))

    # evil_subprocess_popen.bin: protocol 4 with FRAME/MEMOIZE/STACK_GLOBAL for subprocess.Popen.
    body = (
        b"\x8c\x0asubprocess" + b"\x94"
        + b"\x8c\x05Popen" + b"\x94"
        + b"\x93" + b"\x94"                     # STACK_GLOBAL, MEMOIZE
        + b"\x8c\x02sh\x94" + b"\x8c\x02-c\x94"
        + b"\x8c" + bytes([len(f"echo pwned > {MARKER_POPEN}")]) + f"echo pwned > {MARKER_POPEN}".encode() + b"\x94"
        + b"\x87\x94"                          # TUPLE3 (args list as a tuple)
        + b"\x85\x94"                          # TUPLE1 -> (args,)
        + b"R\x94."
    )
    pkl = b"\x80\x04" + b"\x95" + struct.pack("<Q", len(body)) + body
    hand_zip(os.path.join(OUT, "evil_subprocess_popen.bin"), pkl, archive="evil_subprocess_popen")

    # Make sure the hand-made pickles are what we think they are (disassemble, never load).
    import pickletools
    for name in ("evil_os_system.bin", "evil_subprocess_popen.bin"):
        with zipfile.ZipFile(os.path.join(OUT, name)) as z:
            pkl_name = [n for n in z.namelist() if n.endswith("/data.pkl")][0]
            pickletools.dis(z.read(pkl_name), out=io.StringIO())

    # truncated.bin: the good checkpoint cut in half (no central directory any more).
    with open(good, "rb") as f:
        data = f.read()
    with open(os.path.join(OUT, "truncated.bin"), "wb") as f:
        f.write(data[: len(data) // 2])

    # missing_storage.bin: the good checkpoint with one storage entry removed.
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(
            os.path.join(OUT, "missing_storage.bin"), "w", compression=zipfile.ZIP_STORED) as dst:
        prefix = [n for n in src.namelist() if n.endswith("/data.pkl")][0][: -len("data.pkl")]
        # Storage of "encoder.bias" is the second storage torch writes: key "1".
        for info in src.infolist():
            if info.filename == prefix + "data/1":
                continue
            dst.writestr(info.filename, src.read(info.filename))

    # legacy_format.bin: the legacy (pre-1.6) torch.save format, one small tensor.
    torch.save(collections.OrderedDict(w=torch.ones(2)), os.path.join(OUT, "legacy_format.bin"),
               _use_new_zipfile_serialization=False)
    # legacy_state_dict.bin: the same state dict as state_dict.bin (every storage type, views, a transpose)
    # in the legacy format; state_dict.expected.json holds its values too.
    legacy = os.path.join(OUT, "legacy_state_dict.bin")
    torch.save(sd, legacy, _use_new_zipfile_serialization=False)
    with open(legacy, "rb") as f:
        ldata = f.read()
    with open(os.path.join(OUT, "legacy_truncated.bin"), "wb") as f:
        f.write(ldata[: len(ldata) - 7])  # cut inside the last storage's bytes
    # legacy_count_mismatch.bin: the first storage's 8-byte element count says one element more.
    import pickletools
    stream = io.BytesIO(ldata)
    for _ in range(5):  # magic, protocol, sys info, state dict, storage keys
        for _op in pickletools.genops(stream):
            pass
    keys_end = stream.tell()
    count = struct.unpack("<q", ldata[keys_end:keys_end + 8])[0]
    with open(os.path.join(OUT, "legacy_count_mismatch.bin"), "wb") as f:
        f.write(ldata[:keys_end] + struct.pack("<q", count + 1) + ldata[keys_end + 8:])
    torch.save(evil_sd, os.path.join(OUT, "legacy_evil_eval.bin"), _use_new_zipfile_serialization=False)

    for n in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(os.path.join(OUT, n)):8d}  {n}")


if __name__ == "__main__":
    main()
