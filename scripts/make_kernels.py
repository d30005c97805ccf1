#!/usr/bin/env python3
"""Writes src/main/resources/arabrief/mt/kernels.pt: the reduced-precision kernels arabrief calls through DJL.

    /work/venv/bin/python scripts/make_kernels.py

DJL's NDArray API has no quantized or bfloat16 matrix products, but libtorch runs TorchScript, and a
scripted module's code travels as text in its archive (libtorch compiles it when loading). This module
holds no weights: it is code only (a few kB). arabrief hands it each weight once at load time
(`add_int8` / `add_bf16`), the module keeps the packed form in a list attribute, and later calls pass
the activations and the weight's index. bfloat16 tensors never leave the module (DJL aborts on them).

Checked to load in libtorch 2.7.1 (DJL 0.36) when written by torch 2.13 (archive format version 4).
The file is reproducible from this script; CI never runs Python.
"""
import argparse
import os
from typing import List, Optional

import torch
from torch import Tensor

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "src", "main", "resources", "arabrief", "mt", "kernels.pt")


class Kernels(torch.nn.Module):
    int8: List[torch.classes.quantized.LinearPackedParamsBase]
    bf16: List[Tensor]

    def __init__(self):
        super().__init__()
        self.int8 = []
        self.bf16 = []

    def forward(self, x: Tensor) -> Tensor:
        return x

    @torch.jit.export
    def add_int8(self, w: Tensor, b: Tensor) -> int:
        """Quantizes w [out, in] per output channel (symmetric qint8, zero point 0) and prepacks it with b
        (a zero-element b for none: DJL cannot pass None)."""
        amax = w.abs().amax(1).clamp_min(1e-12)
        scales = (amax / 127.0).to(torch.double)
        zero = torch.zeros([w.size(0)], dtype=torch.long)
        q = torch.quantize_per_channel(w.contiguous(), scales, zero, 0, torch.qint8)
        bias: Optional[Tensor] = None
        if b.numel() > 0:
            bias = b.contiguous()
        self.int8.append(torch.ops.quantized.linear_prepack(q, bias))
        return len(self.int8) - 1

    @torch.jit.export
    def linear_int8(self, x: Tensor, i: int, reduce_range: bool) -> Tensor:
        """x W^T + b with x quantized per tensor on the fly (fbgemm's dynamic linear), float32 out."""
        return torch.ops.quantized.linear_dynamic(x, self.int8[i], reduce_range)

    @torch.jit.export
    def add_bf16(self, w: Tensor, transposed: bool) -> int:
        """Keeps w [out, in] in bfloat16, as is or transposed into its own memory ([in, out])."""
        if transposed:
            self.bf16.append(w.t().contiguous().to(torch.bfloat16))
        else:
            self.bf16.append(w.contiguous().to(torch.bfloat16))
        return len(self.bf16) - 1

    @torch.jit.export
    def linear_bf16(self, x: Tensor, i: int, transposed: bool, b: Tensor) -> Tensor:
        """x W^T (+ b): the product in bfloat16 (float32 accumulation in oneDNN), the bias (zero elements for
        none) added in float32."""
        xb = x.to(torch.bfloat16)
        if transposed:
            y = torch.matmul(xb, self.bf16[i]).to(torch.float32)
        else:
            y = torch.nn.functional.linear(xb, self.bf16[i]).to(torch.float32)
        if b.numel() > 0:
            y = y + b
        return y

    @torch.jit.export
    def clear(self) -> int:
        self.int8.clear()
        self.bf16.clear()
        return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=DEFAULT_OUT)
    a = ap.parse_args()
    m = torch.jit.script(Kernels())
    # self-check before writing: both kernels against float32 on a random layer
    w = torch.randn(64, 32)
    b = torch.randn(64)
    x = torch.randn(3, 32)
    ref = torch.nn.functional.linear(x, w, b)
    none = torch.zeros([0])
    assert torch.allclose(m.linear_int8(x, m.add_int8(w, none), False), x @ w.t(), rtol=0.1, atol=0.2)
    i = m.add_int8(w, b)
    j = m.add_bf16(w, False)
    k = m.add_bf16(w, True)
    for y in (m.linear_int8(x, i, False), m.linear_bf16(x, j, False, b), m.linear_bf16(x, k, True, b)):
        rel = ((y - ref).norm() / ref.norm()).item()
        assert rel < 0.05, rel
    m.clear()
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    torch.jit.save(m, a.out)
    print(a.out, os.path.getsize(a.out), "bytes")


if __name__ == "__main__":
    main()
