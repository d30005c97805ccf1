package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/** The small building blocks of the network: linear maps, layer norms and multi-head attention. */
final class Layers {
  private Layers() {}

  /**
   * A dense layer in PyTorch's layout: y = x W^T + b. In float32 (the exact mode) through DJL's linear;
   * converted by {@link #to} into an int8 or bfloat16 weight held by the {@link Kernels} module, after
   * which {@code weight} is null and {@code index} names the converted weight there.
   */
  record Linear(NDArray weight, NDArray bias, Precision precision, Kernels kernels, int index) {
    Linear(NDArray weight, NDArray bias) {
      this(weight, bias, Precision.FLOAT32, null, -1);
    }

    NDArray apply(NDArray x) {
      return switch (precision) {
        case FLOAT32 -> x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
        case INT8 -> kernels.linearInt8(x, index);
        case BFLOAT16 -> kernels.linearBf16(x, index, false, bias);
        case FLOAT32_ONEDNN -> kernels.linearDnn(x, index, bias);
      };
    }

    /**
     * This layer in {@code p}: the weight handed to {@code k} (and the float32 one freed when {@code free}),
     * or this layer itself for float32.
     */
    Linear to(Precision p, Kernels k, boolean free) {
      if (p == Precision.FLOAT32 || precision != Precision.FLOAT32) {
        return this;
      }
      int i = switch (p) {
        case INT8 -> k.addInt8(weight, bias);
        case BFLOAT16 -> k.addBf16(weight, false);
        default -> k.addDnn(weight);
      };
      if (i < 0) {
        return this; // oneDNN refused this shape (its product failed the check): MKL's float32 stays
      }
      if (free) {
        MappedMemory.release(weight); // its mapped float32 pages go now, not at a later collection
      }
      return new Linear(null, bias, p, k, i);
    }

    static Linear of(Weights w, String prefix, long out, long in) throws ModelFormatException {
      return new Linear(w.require(prefix + ".weight", out, in), w.require(prefix + ".bias", out));
    }
  }

  /** Layer normalization over the last axis with torch's default epsilon (nn.LayerNorm, 1e-5). */
  record Norm(NDArray weight, NDArray bias, long dim) {
    NDArray apply(NDArray x) {
      return x.getNDArrayInternal().layerNorm(x, new Shape(dim), weight, bias, 1e-5f).singletonOrThrow();
    }

    static Norm of(Weights w, String prefix, long dim) throws ModelFormatException {
      return new Norm(w.require(prefix + ".weight", dim), w.require(prefix + ".bias", dim), dim);
    }
  }

  /**
   * The projections of one attention block (MarianAttention; M2M100's and mBART's are the same). Self-attention
   * reads one input for its queries, keys and values, so their matrices are stacked into one ({@code qkv}: one
   * product instead of three) and the separate ones are not kept; cross-attention keeps them separate ({@code q} on the
   * decoder side, {@code k}/{@code v} once per source) and has no {@code qkv}.
   */
  record Attention(Linear q, Linear k, Linear v, Linear qkv, Linear out, int heads, long dim, boolean prescaled) {
    /** This block with every projection converted by {@code f}. */
    Attention map(java.util.function.UnaryOperator<Linear> f) {
      return new Attention(
          q == null ? null : f.apply(q), k == null ? null : f.apply(k), v == null ? null : f.apply(v),
          qkv == null ? null : f.apply(qkv), f.apply(out), heads, dim, prescaled);
    }

    static Attention self(Weights w, String prefix, int heads, long dim) throws ModelFormatException {
      float scale = scale(heads, dim);
      boolean fold = exactScale(scale);
      Linear q = Linear.of(w, prefix + ".q_proj", dim, dim);
      Linear k = Linear.of(w, prefix + ".k_proj", dim, dim);
      Linear v = Linear.of(w, prefix + ".v_proj", dim, dim);
      NDArray qw = fold ? q.weight().mul(scale) : q.weight();
      NDArray qb = fold ? q.bias().mul(scale) : q.bias();
      Linear qkv = new Linear(
          NDArrays.concat(new NDList(qw, k.weight(), v.weight()), 0),
          NDArrays.concat(new NDList(qb, k.bias(), v.bias()), 0));
      if (fold) {
        qw.close();
        qb.close();
      }
      for (Linear l : new Linear[] {q, k, v}) {
        MappedMemory.release(l.weight());
        MappedMemory.release(l.bias());
      }
      return new Attention(null, null, null, qkv, Linear.of(w, prefix + ".out_proj", dim, dim), heads, dim, fold);
    }

    static Attention cross(Weights w, String prefix, int heads, long dim) throws ModelFormatException {
      float scale = scale(heads, dim);
      boolean fold = exactScale(scale);
      Linear q = Linear.of(w, prefix + ".q_proj", dim, dim);
      if (fold) {
        Linear stored = q;
        q = new Linear(q.weight().mul(scale), q.bias().mul(scale));
        MappedMemory.release(stored.weight());
        MappedMemory.release(stored.bias());
      }
      return new Attention(
          q,
          Linear.of(w, prefix + ".k_proj", dim, dim),
          Linear.of(w, prefix + ".v_proj", dim, dim),
          null,
          Linear.of(w, prefix + ".out_proj", dim, dim),
          heads,
          dim,
          fold);
    }

    /** MarianAttention's scaling of the scores, head_dim^-0.5. */
    static float scale(int heads, long dim) {
      return (float) Math.pow((double) (dim / heads), -0.5);
    }

    /**
     * Whether the scaling can move into the query projection without changing a bit: multiplying by a
     * power of two is exact in floating point, so (W x + b)·s and (sW) x + sb are the same numbers
     * (head_dim 64 gives 1/8). Any other scale stays where transformers applies it.
     */
    static boolean exactScale(float scale) {
      return scale == Math.scalb(1f, Math.getExponent(scale));
    }

    /** Queries, keys and values of {@code x} for self-attention, each split into heads. */
    NDList selfProjections(NDArray x) {
      NDArray all = qkv.apply(x);
      NDList parts = all.split(3, all.getShape().dimension() - 1);
      return new NDList(split(parts.get(0)), split(parts.get(1)), split(parts.get(2)));
    }

    /**
     * [B, T, D] to [B, H, T, D/H], contiguous. A transposed view would do for one matmul, but keys and
     * values are cached and multiplied at every decoder step: torch would copy a strided view each time.
     * Reshaping through [B*H, T, D/H] makes torch materialize the layout once (it is a no-op when T = 1).
     */
    NDArray split(NDArray x) {
      Shape s = x.getShape();
      long b = s.get(0);
      long t = s.get(1);
      long dh = dim / heads;
      if (t == 1) {
        return x.reshape(b, heads, 1, dh); // one position: both layouts are the same memory
      }
      return x.reshape(b, t, heads, dh).transpose(0, 2, 1, 3).reshape(b * heads, t, dh).reshape(b, heads, t, dh);
    }

    /**
     * One position per row, rows in consecutive groups of {@code group} that attend to the same source:
     * [G*group, 1, D] to [G, H, group, D/H], each group's queries side by side as if they were positions.
     */
    NDArray splitGroups(NDArray x, int group) {
      long slots = x.getShape().get(0) / group;
      return x.reshape(slots, group, heads, dim / heads).transpose(0, 2, 1, 3);
    }

    /** [B, H, T, D/H] to [B, T, D]. */
    NDArray merge(NDArray x) {
      Shape s = x.getShape();
      if (s.get(2) == 1) {
        return x.reshape(s.get(0), 1, dim);
      }
      return x.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), dim);
    }

    /**
     * Scaled dot-product attention of split queries over split keys and values; {@code mask} is added to
     * the scores (0 where a key is visible, a large negative number where it is padding) or null.
     */
    NDArray attend(NDArray q, NDArray k, NDArray v, NDArray mask) {
      NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
      if (!prescaled) {
        scores.muli(scale(heads, dim));
      }
      if (mask != null) {
        scores.addi(mask);
      }
      return out.apply(merge(scores.softmax(-1).matMul(v)));
    }
  }
}
