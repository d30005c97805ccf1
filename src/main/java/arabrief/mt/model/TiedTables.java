package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stored tensor serves as the encoder's embeddings, the decoder's and the LM head, by transformers 5.18's
 * own rules rather than a guess per layout:
 *
 * <ul>
 *   <li>The tie mapping is {@code MarianMTModel._tied_weights_keys} (M2M100 and mBART map as a Marian sharing its
 *       vocabularies: {@code lm_head <- model.shared}, then their base model's {@code decoder.embed_tokens,
 *       encoder.embed_tokens <- shared}): with {@code share_encoder_decoder_embeddings}
 *       {@code lm_head, decoder.embed_tokens, encoder.embed_tokens <- shared}; without it
 *       {@code lm_head <- decoder.embed_tokens}. {@code get_expanded_tied_weights_keys} returns no mapping at all
 *       when {@code tie_word_embeddings} is false: every table is then its own tensor and must be stored.
 *   <li>{@code PreTrainedModel.tie_weights(missing_keys)} applies the mapping symmetrically: a pair whose two
 *       tensors are both stored is tied only if they are equal (old {@code .bin} files store every table),
 *       a missing source takes the stored target, and when both are missing a later pair with the same source
 *       lends its stored target.
 * </ul>
 *
 * A table that would still be missing is one transformers fills with random numbers; it is refused here.
 */
final class TiedTables {
  static final String SHARED = "shared.weight";
  static final String ENCODER = "encoder.embed_tokens.weight";
  static final String DECODER = "decoder.embed_tokens.weight";
  static final String HEAD = "lm_head.weight";

  final NDArray encoder;
  final NDArray decoder;
  final NDArray head;

  private TiedTables(NDArray encoder, NDArray decoder, NDArray head) {
    this.encoder = encoder;
    this.decoder = decoder;
    this.head = head;
  }

  private boolean uses(NDArray a) {
    return a == encoder || a == decoder || a == head;
  }

  static TiedTables resolve(ModelConfig config, Weights w) throws ModelFormatException {
    long d = config.dModel();
    Map<String, long[]> shapes = new HashMap<>();
    if (config.shareEncoderDecoderEmbeddings()) {
      shapes.put(SHARED, new long[] {config.vocabSize(), d});
    }
    shapes.put(ENCODER, new long[] {config.vocabSize(), d});
    shapes.put(DECODER, new long[] {config.decoderVocabSize(), d});
    shapes.put(HEAD, new long[] {config.targetVocabSize(), d});

    Map<String, NDArray> param = new HashMap<>();
    Set<String> missing = new HashSet<>();
    for (Map.Entry<String, long[]> e : shapes.entrySet()) {
      if (w.has(e.getKey())) {
        param.put(e.getKey(), w.require(e.getKey(), e.getValue()));
      } else {
        missing.add(e.getKey());
      }
    }
    List<String[]> pairs = new ArrayList<>(); // {target, source}, in the mapping's order
    if (config.tieWordEmbeddings()) {
      if (config.shareEncoderDecoderEmbeddings()) {
        pairs.add(new String[] {HEAD, SHARED});
        pairs.add(new String[] {DECODER, SHARED});
        pairs.add(new String[] {ENCODER, SHARED});
      } else {
        pairs.add(new String[] {HEAD, DECODER});
      }
    }
    for (int i = 0; i < pairs.size(); i++) {
      String target = pairs.get(i)[0];
      String source = pairs.get(i)[1];
      boolean sourceThere = !missing.contains(source);
      boolean targetThere = !missing.contains(target);
      if (sourceThere && targetThere) {
        if (!param.get(source).contentEquals(param.get(target))) {
          continue; // transformers warns and keeps both
        }
      } else if (targetThere) {
        String t = target;
        target = source;
        source = t;
      } else if (!sourceThere) {
        String lender = null;
        for (String[] later : pairs.subList(i + 1, pairs.size())) {
          if (later[1].equals(source) && !missing.contains(later[0])) {
            lender = later[0];
            break;
          }
        }
        if (lender == null) {
          continue; // nothing stored to tie to: reported below as missing
        }
        source = lender;
      }
      NDArray a = param.get(source);
      if (!a.getShape().equals(new ai.djl.ndarray.types.Shape(shapes.get(target)))) {
        throw new ModelFormatException(w.file() + ": '" + target + "' is tied to '" + source + "' of shape "
            + a.getShape() + ", but config.json implies " + new ai.djl.ndarray.types.Shape(shapes.get(target)));
      }
      param.put(target, a);
      missing.remove(target);
    }
    for (String needed : new String[] {ENCODER, DECODER, HEAD}) {
      if (missing.contains(needed)) {
        throw new ModelFormatException(w.file() + " lacks tensor '" + needed + "' and nothing is tied to it "
            + "(tie_word_embeddings=" + config.tieWordEmbeddings() + ", share_encoder_decoder_embeddings="
            + config.shareEncoderDecoderEmbeddings() + "); transformers would fill it with random numbers");
      }
    }
    TiedTables t = new TiedTables(param.get(ENCODER), param.get(DECODER), param.get(HEAD));
    for (String name : shapes.keySet()) {
      if (w.has(name) && !t.uses(w.require(name, shapes.get(name)))) {
        w.release(name); // a stored duplicate or an unused table: freed with the other unused tensors
      }
    }
    return t;
  }
}
