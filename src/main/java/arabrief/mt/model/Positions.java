package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import arabrief.mt.model.Family.PositionKind;

/**
 * The position embeddings of one family: a table per side and the rule that picks a token's row in it
 * ({@link Family.PositionKind}). Encoder and decoder share the table unless the family learned one per side.
 */
final class Positions {
  /** mBART's learned tables start at row 2 (MBartLearnedPositionalEmbedding.offset). */
  private static final int LEARNED_OFFSET = 2;

  private final PositionKind kind;
  private final long pad;
  final NDArray encoder;
  final NDArray decoder;

  private Positions(PositionKind kind, long pad, NDArray encoder, NDArray decoder) {
    this.kind = kind;
    this.pad = pad;
    this.encoder = encoder;
    this.decoder = decoder;
  }

  static Positions of(ModelConfig c, Weights w, NDManager m) throws ModelFormatException {
    int d = c.dModel();
    int n = c.maxPositions();
    switch (c.family().positions) {
      case SINUSOIDAL: {
        NDArray t = m.create(sinusoids(n, d), new Shape(n, d));
        return new Positions(PositionKind.SINUSOIDAL, c.padTokenId(), t, t);
      }
      case FAIRSEQ_SINUSOIDAL: {
        // rows up to padding_idx + 1 + the longest sequence, as M2M100SinusoidalPositionalEmbedding grows its table
        long rows = Math.max(n + 2L, c.padTokenId() + 2L + n);
        NDArray t = fairseqSinusoids(m, rows, d, c.padTokenId());
        return new Positions(PositionKind.FAIRSEQ_SINUSOIDAL, c.padTokenId(), t, t);
      }
      default: {
        long rows = n + LEARNED_OFFSET;
        return new Positions(PositionKind.LEARNED, c.padTokenId(),
            w.require("encoder.embed_positions.weight", rows, d), w.require("decoder.embed_positions.weight", rows, d));
      }
    }
  }

  /** The row of each token of a source, as its family's positional embedding computes it from the ids. */
  long[] encoderRows(long[] ids, int length) {
    long[] rows = new long[length];
    long count = 0;
    for (int i = 0; i < length; i++) {
      rows[i] = switch (kind) {
        case SINUSOIDAL -> i;
        case LEARNED -> i + LEARNED_OFFSET;
        // create_position_ids_from_input_ids: (cumsum(ids != pad) * (ids != pad)) + pad
        case FAIRSEQ_SINUSOIDAL -> ids[i] == pad ? pad : pad + ++count;
      };
    }
    return rows;
  }

  /** The row of a decoder token fed after {@code past} tokens. */
  long decoderRow(long token, int past) {
    return switch (kind) {
      case SINUSOIDAL -> past;
      case LEARNED -> past + LEARNED_OFFSET;
      case FAIRSEQ_SINUSOIDAL -> token == pad ? pad : pad + 1 + past;
    };
  }

  /** MarianSinusoidalPositionalEmbedding: sines in the first half of each vector, cosines in the second. */
  static float[] sinusoids(int positions, int dim) {
    float[] out = new float[positions * dim];
    int sentinel = dim % 2 == 0 ? dim / 2 : dim / 2 + 1;
    for (int pos = 0; pos < positions; pos++) {
      for (int j = 0; j < dim; j++) {
        double angle = pos / Math.pow(10000, 2 * (j / 2) / (double) dim);
        if (j % 2 == 0) {
          out[pos * dim + j / 2] = (float) Math.sin(angle);
        } else {
          out[pos * dim + sentinel + j / 2] = (float) Math.cos(angle);
        }
      }
    }
    return out;
  }

  /**
   * M2M100SinusoidalPositionalEmbedding.get_embedding, computed with the same torch operations in float32 (not in
   * Java's double precision, which would round differently): sines then cosines of pos * exp(-i ln(10000) /
   * (half - 1)), a zero column for an odd width, the padding row zero.
   */
  static NDArray fairseqSinusoids(NDManager m, long rows, int dim, int pad) {
    int half = dim / 2;
    double step = Math.log(10000) / (half - 1);
    try (NDArray i = m.arange(0, half, 1, DataType.INT64);
        NDArray fi = i.toType(DataType.FLOAT32, false);
        NDArray scaled = fi.mul((float) -step);
        NDArray freq = scaled.exp();
        NDArray p = m.arange(0, rows, 1, DataType.INT64);
        NDArray fp = p.toType(DataType.FLOAT32, false);
        NDArray col = fp.reshape(rows, 1);
        NDArray row = freq.reshape(1, half);
        NDArray angles = col.mul(row);
        NDArray sin = angles.sin();
        NDArray cos = angles.cos()) {
      NDArray t = dim % 2 == 1
          ? NDArrays.concat(new NDList(sin, cos, m.zeros(new Shape(rows, 1))), 1)
          : sin.concat(cos, 1);
      if (pad >= 0 && pad < rows) {
        t.set(new ai.djl.ndarray.index.NDIndex(pad), 0f);
      }
      return t;
    }
  }
}
