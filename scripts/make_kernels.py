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
from typing import List, Optional, Tuple, Union

import torch
from torch import Tensor

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "src", "main", "resources", "arabrief", "mt", "kernels.pt")


# activation codes of the fused decoder step (the order of arabrief's Activation enum; -1 = not fused)
SWISH, GELU, GELU_TANH, GELU_10, QUICK_GELU, RELU, RELU2, RELU6, LEAKY_RELU, MISH, LINEAR, TANH, SIGMOID = range(13)


class Kernels(torch.nn.Module):
    int8: List[torch.classes.quantized.LinearPackedParamsBase]
    bf16: List[Tensor]
    dnn: List[Tensor]
    # the fused decoder step's linear layers: kind (0 float32, 1 int8, 2 bfloat16), the index of the weight in
    # fp_w / int8 / bf16, and the bias (zero elements for none; int8 packs its own)
    lin_kind: List[int]
    lin_ref: List[int]
    lin_b: List[Tensor]
    fp_w: List[Tensor]
    # per decoder layer: linear ids [self qkv, self out, cross q, cross out, fc1, fc2] and the three norms'
    # [weight, bias] pairs
    layer_lin: List[List[int]]
    layer_norm: List[List[Tensor]]
    # the family's optional norms: layernorm_embedding and the decoder's final layer_norm, [weight, bias]
    embed_norm: List[Tensor]
    final_norm: List[Tensor]

    def __init__(self):
        super().__init__()
        self.int8 = []
        self.bf16 = []
        self.dnn = []
        self.lin_kind = []
        self.lin_ref = []
        self.lin_b = []
        self.fp_w = []
        self.layer_lin = []
        self.layer_norm = []
        self.table = torch.zeros([0])
        self.positions = torch.zeros([0])
        self.embed_scale = 1.0
        self.heads = 1
        self.dim = 1
        self.scale = 1.0
        self.prescaled = True
        self.act = 0
        self.reduce_range = False
        self.pre_norm = False
        self.embed_norm = [torch.zeros([0]), torch.zeros([0])]
        self.final_norm = [torch.zeros([0]), torch.zeros([0])]
        self.none = torch.zeros([0])

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

    def _pack_dnn(self, w: Tensor) -> Tensor:
        """w [out, in] float32 packed in oneDNN's blocked layout (mkldnn::_reorder_linear_weight), or zero elements
        when the packed product does not reproduce w's own. libtorch 2.7.1 (DJL 0.36) computes wrong products
        for some shapes, e.g. 48, 80, 96, 112 or 300 outputs (checked on an AMD Zen 5: differences of 4-20 on
        values of order 10), while 16-2048 in powers of two, 192 and 62834 are right; so every weight is checked
        on probe rows before it is used."""
        packed = torch.ops.mkldnn._reorder_linear_weight(w.contiguous(), None)
        none: List[Optional[Union[int, float, complex]]] = []
        for rows in [1, 5]:
            n = rows * w.size(1)
            x = torch.sin(torch.arange(n, dtype=torch.float32) * 0.37).reshape(rows, w.size(1))
            ref = torch.nn.functional.linear(x, w)
            got = torch.ops.mkldnn._linear_pointwise(x, packed, None, "none", none, "")
            tol = 1e-4 * (1.0 + float(ref.abs().max().item())) * (1.0 + float(w.size(1)) ** 0.5)
            if got.shape != ref.shape or float((got - ref).abs().max().item()) > tol:
                return torch.zeros([0])
        return packed

    @torch.jit.export
    def add_dnn(self, w: Tensor) -> int:
        """Keeps w [out, in] float32, packed for oneDNN (_pack_dnn), and returns its index; or -1 when oneDNN's
        product for this shape failed the check (then the caller keeps MKL's)."""
        return self.put_dnn(self._pack_dnn(w))

    # ---- the LM head, converted on another thread while the layers convert on the caller's: pack_*_t read
    # the transposed table [in, out] and touch no module state (so they may run beside add_* calls); put_*
    # then keep the result on the caller's thread. Each gives exactly the weight add_* gives for w = wt^T.

    @torch.jit.export
    def pack_int8_t(self, wt: Tensor) -> torch.classes.quantized.LinearPackedParamsBase:
        """add_int8's weight for w = wt^T (no bias) without its float32 copy of w: max(amax, -amin) is abs().amax,
        and quantize_per_channel rounds w * (1 / scale) half to even, as torch.round does here (checked equal);
        the rows of wt are quantized in blocks, so the float32 temporaries stay small, and only the int8
        values are transposed."""
        amax = torch.maximum(wt.amax(0), torch.neg(wt.amin(0))).clamp_min(1e-12)
        scale = amax / 127.0
        inv = 1.0 / scale
        q = torch.empty([wt.size(0), wt.size(1)], dtype=torch.int8)
        n = wt.size(0)
        for i in range(0, n, 32):
            e = min(n, i + 32)
            q.narrow(0, i, e - i).copy_(torch.round(wt.narrow(0, i, e - i) * inv).clamp(-128.0, 127.0))
        zero = torch.zeros([wt.size(1)], dtype=torch.long)
        qw = torch._make_per_channel_quantized_tensor(q.t().contiguous(), scale.to(torch.double), zero, 0)
        return torch.ops.quantized.linear_prepack(qw, None)

    @torch.jit.export
    def pack_int8_rows(self, w: Tensor) -> torch.classes.quantized.LinearPackedParamsBase:
        """add_int8's weight for w [out, in] (no bias), as stored (a mapped file's table), without touching the
        module: max(amax, -amin) is abs().amax without abs's float32 copy."""
        amax = torch.maximum(w.amax(1), torch.neg(w.amin(1))).clamp_min(1e-12)
        scales = (amax / 127.0).to(torch.double)
        zero = torch.zeros([w.size(0)], dtype=torch.long)
        q = torch.quantize_per_channel(w.contiguous(), scales, zero, 0, torch.qint8)
        return torch.ops.quantized.linear_prepack(q, None)

    # ---- a large table packed window by window (NLLB's and mBART-50's LM head is 1 GB of float32): Java maps a
    # window of rows, writes it into the buffer below and unmaps it, so that only one window of the stored table is
    # ever resident; the result is pack_*_rows' weight for the whole table, to the bit.

    @torch.jit.export
    def quantize_rows_into(self, q: Tensor, scales: Tensor, w: Tensor, start: int) -> int:
        """pack_int8_rows' int8 values and scales of the rows start.. of a table, for the window w of them, into
        q (int8 [out, in]) and scales (float32 [out]). quantize_per_channel rounds w * (1 / scale) half to even
        (in float32), as torch.round does here (pack_int8_t relies on the same; checked equal in main())."""
        amax = torch.maximum(w.amax(1), torch.neg(w.amin(1))).clamp_min(1e-12)
        scale = amax / 127.0
        inv = 1.0 / scale
        n = w.size(0)
        q.narrow(0, start, n).copy_(torch.round(w * inv.unsqueeze(1)).clamp(-128.0, 127.0))
        scales.narrow(0, start, n).copy_(scale)
        return n

    @torch.jit.export
    def quantized_table(self, q: Tensor, scales: Tensor) -> Tensor:
        """The per-channel qint8 tensor of quantize_rows_into's values (a copy: the caller frees q before packing)."""
        zero = torch.zeros([q.size(0)], dtype=torch.long)
        return torch._make_per_channel_quantized_tensor(q, scales.to(torch.double), zero, 0)

    @torch.jit.export
    def pack_int8_quantized(self, qw: Tensor) -> torch.classes.quantized.LinearPackedParamsBase:
        return torch.ops.quantized.linear_prepack(qw, None)

    @torch.jit.export
    def bf16_table(self, rows: int, cols: int) -> Tensor:
        """The bfloat16 buffer bf16_rows_into fills (bfloat16 never crosses into Java, so it is made here)."""
        return torch.empty([rows, cols], dtype=torch.bfloat16)

    @torch.jit.export
    def bf16_rows_into(self, buf: Tensor, w: Tensor, start: int) -> int:
        """pack_bf16_rows' values of the rows start.. (copy_ rounds to bfloat16 as .to does; checked in main())."""
        buf.narrow(0, start, w.size(0)).copy_(w)
        return w.size(0)

    @torch.jit.export
    def pack_bf16_rows(self, w: Tensor) -> Tensor:
        """add_bf16(w, False)'s weight, without touching the module."""
        return w.contiguous().to(torch.bfloat16)

    @torch.jit.export
    def pack_dnn_rows(self, w: Tensor) -> Tensor:
        """add_dnn's weight (or zero elements: refused), without touching the module."""
        return self._pack_dnn(w)

    @torch.jit.export
    def put_int8(self, packed: torch.classes.quantized.LinearPackedParamsBase) -> int:
        self.int8.append(packed)
        return len(self.int8) - 1

    @torch.jit.export
    def pack_bf16_t(self, wt: Tensor) -> Tensor:
        """add_bf16(w, False)'s weight for w = wt^T: rounded to bfloat16 first, then transposed (64 MB copied for
        the opus-mt head instead of 128)."""
        return wt.to(torch.bfloat16).t().contiguous()

    @torch.jit.export
    def put_bf16(self, w: Tensor) -> int:
        self.bf16.append(w)
        return len(self.bf16) - 1

    @torch.jit.export
    def pack_dnn_t(self, wt: Tensor) -> Tensor:
        return self._pack_dnn(wt.t())

    @torch.jit.export
    def put_dnn(self, packed: Tensor) -> int:
        """Keeps a _pack_dnn result; -1 (nothing kept) for a refused one."""
        if packed.numel() == 0:
            return -1
        self.dnn.append(packed)
        return len(self.dnn) - 1

    @torch.jit.export
    def linear_dnn(self, x: Tensor, i: int, b: Tensor) -> Tensor:
        """x W^T (+ b) in float32 through oneDNN's matmul (float32 products and sums, in another order than
        MKL's sgemm); b zero elements for none."""
        none: List[Optional[Union[int, float, complex]]] = []
        bias: Optional[Tensor] = None
        if b.numel() > 0:
            bias = b
        return torch.ops.mkldnn._linear_pointwise(x, self.dnn[i], bias, "none", none, "")

    @torch.jit.export
    def clear(self) -> int:
        self.int8.clear()
        self.bf16.clear()
        self.dnn.clear()
        self.lin_kind.clear()
        self.lin_ref.clear()
        self.lin_b.clear()
        self.fp_w.clear()
        self.layer_lin.clear()
        self.layer_norm.clear()
        return 0

    # ---- the fused decoder step: one call per step for every layer, the cache update and the LM head ----
    # It repeats, op for op, what TransformerModel.step does through DJL (the same aten operations in the same
    # order, so float32 results are the same numbers), to save the ~250 JNI calls per step.

    @torch.jit.export
    def add_linear(self, kind: int, ref: int, w: Tensor, b: Tensor) -> int:
        """Registers a linear layer for the step: a float32 weight w (kind 0; the tensor is shared, not
        copied) or the int8 (1) / bfloat16 (2) / oneDNN float32 (3) weight number ref added before; b the bias
        or zero elements."""
        if kind == 0:
            self.fp_w.append(w)
            ref = len(self.fp_w) - 1
        self.lin_kind.append(kind)
        self.lin_ref.append(ref)
        self.lin_b.append(b)
        return len(self.lin_kind) - 1

    @torch.jit.export
    def add_decoder_layer(self, ids: List[int], norms: List[Tensor]) -> int:
        self.layer_lin.append(ids)
        self.layer_norm.append(norms)
        return len(self.layer_lin) - 1

    @torch.jit.export
    def configure(self, table: Tensor, positions: Tensor, embed_scale: float, heads: int, dim: int,
                  scale: float, prescaled: bool, act: int, reduce_range: bool, pre_norm: bool,
                  embed_norm: List[Tensor], final_norm: List[Tensor]) -> int:
        """table: the decoder's embedding rows [vocab, d] (may be a transposed view); positions [P, d]. The
        family's switches: pre_norm layers (M2M100, NLLB, mBART) or post-norm (Marian); embed_norm and final_norm
        the [weight, bias] of layernorm_embedding and of the final layer_norm, zero-element tensors for none."""
        self.table = table
        self.positions = positions
        self.embed_scale = embed_scale
        self.heads = heads
        self.dim = dim
        self.scale = scale
        self.prescaled = prescaled
        self.act = act
        self.reduce_range = reduce_range
        self.pre_norm = pre_norm
        self.embed_norm = embed_norm
        self.final_norm = final_norm
        return 0

    def _linear(self, x: Tensor, i: int) -> Tensor:
        kind = self.lin_kind[i]
        r = self.lin_ref[i]
        b = self.lin_b[i]
        if kind == 0:
            if b.numel() > 0:
                return torch.nn.functional.linear(x, self.fp_w[r], b)
            return torch.nn.functional.linear(x, self.fp_w[r])
        if kind == 1:
            return torch.ops.quantized.linear_dynamic(x, self.int8[r], self.reduce_range)
        if kind == 3:
            return self.linear_dnn(x, r, b)
        return self.linear_bf16(x, r, False, b)

    def _act(self, x: Tensor) -> Tensor:
        a = self.act
        if a == 0:  # SWISH
            return x * torch.sigmoid(x)
        if a == 1:  # GELU
            return torch.nn.functional.gelu(x)
        if a == 2:  # GELU_TANH
            return x * (torch.tanh((x.pow(3.0) * 0.044715 + x) * 0.7978845608028654) + 1.0) * 0.5
        if a == 3:  # GELU_10
            return torch.clamp(torch.nn.functional.gelu(x), -10.0, 10.0)
        if a == 4:  # QUICK_GELU
            return x * torch.sigmoid(x * 1.702)
        if a == 5:  # RELU
            return torch.relu(x)
        if a == 6:  # RELU2
            r = torch.relu(x)
            return r * r
        if a == 7:  # RELU6
            return torch.clamp(x, 0.0, 6.0)
        if a == 8:  # LEAKY_RELU
            return torch.nn.functional.leaky_relu(x, 0.01)
        if a == 9:  # MISH
            return x * torch.tanh(torch.nn.functional.softplus(x))
        if a == 11:  # TANH
            return torch.tanh(x)
        if a == 12:  # SIGMOID
            return torch.sigmoid(x)
        return x.clone()

    def _attend(self, q: Tensor, k: Tensor, v: Tensor, mask: Tensor) -> Tensor:
        scores = torch.matmul(q, k.transpose(2, 3))
        if not self.prescaled:
            scores = scores * self.scale
        if mask.numel() > 0:
            scores = scores + mask
        return torch.matmul(torch.softmax(scores, -1), v)

    @torch.jit.export
    def decoder_step(self, tokens: Tensor, pos: Tensor, self_k: List[Tensor], self_v: List[Tensor],
                     cross_k: List[Tensor], cross_v: List[Tensor], mask: Tensor, group: int,
                     head_t: Tensor, head_id: int, bias: Tensor) -> Tuple[Tensor, List[Tensor], List[Tensor]]:
        """One decoder step for tokens [R, 1] at position-table rows pos [R, 1]: logits [R, vocab] and every
        layer's self-attention keys and values with this step appended. self_k/self_v are empty at the first step. mask: the additive
        padding mask [slots, 1, 1, S] or zero elements; group: rows per source slot (a beam's K, else 1).
        The LM head is head_t [d, vocab] (float32, transposed) when head_id < 0, else linear head_id; bias
        (zero elements for none) is added to the logits."""
        r = tokens.size(0)
        d = self.dim
        h = self.heads
        dh = d // h
        x = torch.embedding(self.table, tokens) * self.embed_scale + torch.embedding(self.positions, pos)
        if self.embed_norm[0].numel() > 0:
            x = torch.layer_norm(x, [d], self.embed_norm[0], self.embed_norm[1], 1e-5)
        new_k: List[Tensor] = []
        new_v: List[Tensor] = []
        first = len(self_k) == 0
        pre = self.pre_norm
        for i in range(len(self.layer_lin)):
            ids = self.layer_lin[i]
            nm = self.layer_norm[i]
            h_in = torch.layer_norm(x, [d], nm[0], nm[1], 1e-5) if pre else x
            parts = torch.split(self._linear(h_in, ids[0]), d, -1)
            q = parts[0].reshape(r, h, 1, dh)
            k = parts[1].reshape(r, h, 1, dh)
            v = parts[2].reshape(r, h, 1, dh)
            if not first:
                k = torch.cat([self_k[i], k], 2)
                v = torch.cat([self_v[i], v], 2)
            new_k.append(k)
            new_v.append(v)
            a = self._linear(self._attend(q, k, v, self.none).reshape(r, 1, d), ids[1])
            x = x + a if pre else torch.layer_norm(x + a, [d], nm[0], nm[1], 1e-5)
            cq = self._linear(torch.layer_norm(x, [d], nm[2], nm[3], 1e-5) if pre else x, ids[2])
            if group == 1:
                o = self._attend(cq.reshape(r, h, 1, dh), cross_k[i], cross_v[i], mask)
                a = self._linear(o.reshape(r, 1, d), ids[3])
            else:
                slots = r // group
                o = self._attend(cq.reshape(slots, group, h, dh).transpose(1, 2), cross_k[i], cross_v[i], mask)
                a = self._linear(o.transpose(1, 2).reshape(slots, group, d), ids[3]).reshape(r, 1, d)
            if pre:
                x = x + a
                f = self._linear(self._act(self._linear(torch.layer_norm(x, [d], nm[4], nm[5], 1e-5), ids[4])), ids[5])
                x = x + f
            else:
                x = torch.layer_norm(x + a, [d], nm[2], nm[3], 1e-5)
                f = self._linear(self._act(self._linear(x, ids[4])), ids[5])
                x = torch.layer_norm(x + f, [d], nm[4], nm[5], 1e-5)
        if self.final_norm[0].numel() > 0:
            x = torch.layer_norm(x, [d], self.final_norm[0], self.final_norm[1], 1e-5)
        hs = x.reshape(r, d)
        if head_id < 0:
            logits = torch.matmul(hs, head_t)
        else:
            logits = self._linear(hs, head_id)
        if bias.numel() > 0:
            logits = logits + bias
        return logits, new_k, new_v

    @torch.jit.export
    def take(self, xs: List[Tensor], index: Tensor) -> List[Tensor]:
        """Each tensor's rows index, as DecoderState.select keeps rows: advanced indexing (aten::index, what
        DJL's get(NDArray) runs), not index_select, because the two lay the result out differently when the
        input is a strided view (the first step's keys are views of the qkv product), and torch.cat then picks
        its output layout, hence the matmul kernel and its order of additions, from that layout. A contiguous
        tensor (every cache after the first step) goes through index_select instead: the same values in the
        same (contiguous) layout, copied row by row rather than element by element by the generic gather
        (8% of a batched beam-search run's samples were in that gather)."""
        out: List[Tensor] = []
        for x in xs:
            if x.is_contiguous():
                out.append(torch.index_select(x, 0, index))
            else:
                out.append(x[index])
        return out


def check_step(m):
    """The fused step against the same network written out in eager torch, float32, grouped and not."""
    torch.manual_seed(0)
    d, h, layers, vocab, ffn = 16, 4, 2, 11, 32
    table = torch.randn(vocab, d)
    positions = torch.randn(8, d)
    none = torch.zeros([0])
    m.configure(table, positions, 4.0, h, d, 0.5, True, SWISH, False, False, [none, none], [none, none])
    ws = []
    for _ in range(layers):
        lin = [torch.randn(3 * d, d), torch.randn(d, d), torch.randn(d, d), torch.randn(d, d),
               torch.randn(ffn, d), torch.randn(d, ffn)]
        bias = [torch.randn(w.size(0)) for w in lin]
        norms = [torch.randn(d) for _ in range(6)]
        ids = [m.add_linear(0, -1, w, b) for w, b in zip(lin, bias)]
        m.add_decoder_layer(ids, norms)
        ws.append((lin, bias, norms))
    head_t = table.t().contiguous()
    slots, group, src = 2, 3, 5
    cross_k = [torch.randn(slots, h, src, d // h) for _ in range(layers)]
    cross_v = [torch.randn(slots, h, src, d // h) for _ in range(layers)]
    mask = torch.zeros(slots, 1, 1, src)
    mask[1, :, :, 3:] = float("-inf")
    tokens = torch.tensor([[1], [2], [3], [4], [5], [6]])
    pos0 = torch.zeros(6, 1, dtype=torch.long)
    logits, k1, v1 = m.decoder_step(tokens, pos0, [], [], cross_k, cross_v, mask, group, head_t, -1, none)
    # eager reference of the same step
    r = tokens.size(0)
    x = table[tokens] * 4.0 + positions[0:1]
    ln = torch.nn.functional.layer_norm
    for i in range(layers):
        lin, bias, norms = ws[i]
        qkv = x @ lin[0].t() + bias[0]
        q, k, v = [p.reshape(r, h, 1, d // h) for p in qkv.split(d, -1)]
        a = (torch.softmax(q @ k.transpose(2, 3), -1) @ v).reshape(r, 1, d) @ lin[1].t() + bias[1]
        x = ln(x + a, [d], norms[0], norms[1])
        cq = (x @ lin[2].t() + bias[2]).reshape(slots, group, h, d // h).transpose(1, 2)
        o = torch.softmax(cq @ cross_k[i].transpose(2, 3) + mask, -1) @ cross_v[i]
        a = (o.transpose(1, 2).reshape(slots, group, d) @ lin[3].t() + bias[3]).reshape(r, 1, d)
        x = ln(x + a, [d], norms[2], norms[3])
        f = x @ lin[4].t() + bias[4]
        x = ln(x + (f * torch.sigmoid(f)) @ lin[5].t() + bias[5], [d], norms[4], norms[5])
    ref = x.reshape(r, d) @ head_t
    assert torch.allclose(logits, ref, rtol=1e-4, atol=1e-4), (logits - ref).abs().max()
    assert len(k1) == layers and k1[0].shape == (r, h, 1, d // h)
    # a second step extends the cache; take keeps rows
    idx = torch.tensor([0, 0, 0, 5, 5, 5])
    k1 = m.take(k1, idx)
    v1 = m.take(v1, idx)
    logits2, k2, v2 = m.decoder_step(tokens, pos0 + 1, k1, v1, cross_k, cross_v, mask, group, head_t, -1, none)
    assert k2[0].shape == (r, h, 2, d // h) and logits2.shape == (r, vocab)
    # the pre-norm families (M2M100, NLLB, mBART): norms before each block, an embedding norm and a final norm
    en = [torch.randn(d), torch.randn(d)]
    fn = [torch.randn(d), torch.randn(d)]
    m.configure(table, positions, 4.0, h, d, 0.5, True, SWISH, False, True, en, fn)
    pos = torch.tensor([[2], [3], [2], [4], [5], [2]])
    logits, _, _ = m.decoder_step(tokens, pos, [], [], cross_k, cross_v, mask, group, head_t, -1, none)
    x = ln(table[tokens] * 4.0 + positions[pos], [d], en[0], en[1])
    for i in range(layers):
        lin, bias, norms = ws[i]
        qkv = ln(x, [d], norms[0], norms[1]) @ lin[0].t() + bias[0]
        q, k, v = [p.reshape(r, h, 1, d // h) for p in qkv.split(d, -1)]
        x = x + (torch.softmax(q @ k.transpose(2, 3), -1) @ v).reshape(r, 1, d) @ lin[1].t() + bias[1]
        cq = (ln(x, [d], norms[2], norms[3]) @ lin[2].t() + bias[2]).reshape(slots, group, h, d // h).transpose(1, 2)
        o = torch.softmax(cq @ cross_k[i].transpose(2, 3) + mask, -1) @ cross_v[i]
        x = x + (o.transpose(1, 2).reshape(slots, group, d) @ lin[3].t() + bias[3]).reshape(r, 1, d)
        f = ln(x, [d], norms[4], norms[5]) @ lin[4].t() + bias[4]
        x = x + (f * torch.sigmoid(f)) @ lin[5].t() + bias[5]
    ref = ln(x, [d], fn[0], fn[1]).reshape(r, d) @ head_t
    assert torch.allclose(logits, ref, rtol=1e-4, atol=1e-4), (logits - ref).abs().max()


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
    # reduced-range activations: without VNNI (AMD Zen 3, for one) full-range int8 products saturate
    assert torch.allclose(m.linear_int8(x, m.add_int8(w, none), True), x @ w.t(), rtol=0.1, atol=0.2)
    i = m.add_int8(w, b)
    j = m.add_bf16(w, False)
    k = m.add_bf16(w, True)
    dn = m.add_dnn(w)
    assert dn >= 0 and torch.allclose(m.linear_dnn(x, dn, b), ref, rtol=1e-5, atol=1e-5)
    # the head's path from the transposed table gives add_*'s weights exactly
    wt = w.t().contiguous()
    assert torch.equal(m.linear_int8(x, m.put_int8(m.pack_int8_t(wt)), False), m.linear_int8(x, m.add_int8(w, none), False))
    assert torch.equal(m.linear_bf16(x, m.put_bf16(m.pack_bf16_t(wt)), False, none), m.linear_bf16(x, j, False, none))
    assert torch.equal(m.linear_dnn(x, m.put_dnn(m.pack_dnn_t(wt)), none), m.linear_dnn(x, dn, none))
    assert torch.equal(m.linear_int8(x, m.put_int8(m.pack_int8_rows(w)), False), m.linear_int8(x, m.add_int8(w, none), False))
    assert torch.equal(m.linear_bf16(x, m.put_bf16(m.pack_bf16_rows(w)), False, none), m.linear_bf16(x, j, False, none))
    assert torch.equal(m.linear_dnn(x, m.put_dnn(m.pack_dnn_rows(w)), none), m.linear_dnn(x, dn, none))
    # window by window gives pack_*_rows' weight to the bit, whatever the windows
    wide = torch.randn(37, 32) * torch.rand(37, 1) * 3
    for step in (1, 5, 16, 37):
        q = torch.empty([37, 32], dtype=torch.int8)
        sc = torch.empty([37])
        bf = m.bf16_table(37, 32)
        for s0 in range(0, 37, step):
            m.quantize_rows_into(q, sc, wide[s0:s0 + step], s0)
            m.bf16_rows_into(bf, wide[s0:s0 + step], s0)
        whole = m.pack_int8_rows(wide)
        assert torch.equal(whole.unpack()[0].int_repr(), m.pack_int8_quantized(m.quantized_table(q, sc)).unpack()[0].int_repr())
        assert torch.equal(m.linear_int8(x, m.put_int8(m.pack_int8_quantized(m.quantized_table(q, sc))), True),
                           m.linear_int8(x, m.put_int8(whole), True))
        assert torch.equal(bf, m.pack_bf16_rows(wide))
    for y in (m.linear_int8(x, i, True), m.linear_bf16(x, j, False, b), m.linear_bf16(x, k, True, b)):
        rel = ((y - ref).norm() / ref.norm()).item()
        assert rel < 0.05, rel
    m.clear()
    check_step(m)
    m.clear()
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    torch.jit.save(m, a.out)
    print(a.out, os.path.getsize(a.out), "bytes")


if __name__ == "__main__":
    main()
