package arabrief.mt.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The encoder-decoder families arabrief runs, each a set of switches on one transformer (as CTranslate2's
 * {@code transformer_spec} describes Marian, M2M100/NLLB and mBART): where the layer norms sit, whether the
 * embeddings are normalized and the stacks end in a norm, how positions are made, and whether the LM head has a
 * bias. The values are those of transformers 5.18's {@code modeling_marian.py}, {@code modeling_m2m_100.py} and
 * {@code modeling_mbart.py}.
 */
public enum Family {
  /** MarianMTModel: post-norm layers, sinusoidal positions from 0, final_logits_bias. */
  MARIAN("marian", false, false, false, PositionKind.SINUSOIDAL, true),
  /** M2M100ForConditionalGeneration (M2M100 and NLLB-200): pre-norm, final norms, fairseq sinusoids. */
  M2M100("m2m_100", true, false, true, PositionKind.FAIRSEQ_SINUSOIDAL, false),
  /** MBartForConditionalGeneration (mBART-50): pre-norm, layernorm_embedding, final norms, learned positions. */
  MBART("mbart", true, true, true, PositionKind.LEARNED, true);

  /** How token positions become vectors. */
  public enum PositionKind {
    /** MarianSinusoidalPositionalEmbedding: a fixed table, position t at row t. */
    SINUSOIDAL,
    /**
     * M2M100SinusoidalPositionalEmbedding: fairseq's table (float32, padding row zero); a token's row is
     * padding_idx + its count of non-padding tokens so far, a padding token's row is padding_idx.
     */
    FAIRSEQ_SINUSOIDAL,
    /** MBartLearnedPositionalEmbedding: stored tables, position t at row t + 2. */
    LEARNED
  }

  /** config.json's {@code model_type}. */
  public final String modelType;
  /** Layer norm before each block (the residual added after) rather than after the residual sum. */
  public final boolean preNorm;
  /** A layer norm on the embeddings ({@code layernorm_embedding}). */
  public final boolean layernormEmbedding;
  /** A layer norm after the last encoder layer and after the last decoder layer ({@code layer_norm}). */
  public final boolean finalLayerNorm;
  public final PositionKind positions;
  /** Whether the LM head adds {@code final_logits_bias} (a buffer of the checkpoint). */
  public final boolean finalLogitsBias;

  Family(String modelType, boolean preNorm, boolean layernormEmbedding, boolean finalLayerNorm, PositionKind positions,
      boolean finalLogitsBias) {
    this.modelType = modelType;
    this.preNorm = preNorm;
    this.layernormEmbedding = layernormEmbedding;
    this.finalLayerNorm = finalLayerNorm;
    this.positions = positions;
    this.finalLogitsBias = finalLogitsBias;
  }

  /** The family of {@code model_type}, or null when arabrief does not run it. */
  public static Family of(String modelType) {
    for (Family f : values()) {
      if (f.modelType.equals(modelType)) {
        return f;
      }
    }
    return null;
  }

  /** The supported model types, for messages. */
  public static String supported() {
    return Arrays.stream(values()).map(f -> f.modelType).collect(Collectors.joining(", "));
  }
}
