package arabrief.mt.tokenize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A SentencePiece model as a {@code tokenizer.json} that DJL's HuggingFace tokenizers load. */
final class SpmTokenizerJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPIECE_UNDERLINE = "\u2581";

  private SpmTokenizerJson() {}

  /**
   * The {@code tokenizer.json} equivalent of a SentencePiece unigram model: its normalizer's precompiled
   * charsmap, then what {@code remove_extra_whitespaces} does (strip, collapse runs of spaces), the
   * Metaspace dummy prefix, and the unigram pieces. Control pieces are left out so that text such as
   * {@code </s>} is segmented as SentencePiece segments it, never matched as a piece.
   */
  static byte[] of(SentencePieceModel spm) throws IOException {
    if (spm.modelType() != SentencePieceModel.UNIGRAM && spm.modelType() != SentencePieceModel.BPE) {
      throw new IOException("only unigram and BPE SentencePiece models are supported (model_type "
          + spm.modelType() + ")");
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    root.putArray("added_tokens");
    ArrayNode norms = JSON.createArrayNode();
    if (spm.precompiledCharsmap().length > 0) {
      norms.addObject().put("type", "Precompiled")
          .put("precompiled_charsmap", Base64.getEncoder().encodeToString(spm.precompiledCharsmap()));
    }
    if (spm.removeExtraWhitespaces()) {
      norms.addObject().put("type", "Strip").put("strip_left", true).put("strip_right", true);
      ObjectNode rep = norms.addObject().put("type", "Replace");
      rep.putObject("pattern").put("Regex", " {2,}");
      rep.put("content", " ");
    }
    ObjectNode normalizer = root.putObject("normalizer");
    normalizer.put("type", "Sequence");
    normalizer.set("normalizers", norms);
    ObjectNode pre = root.putObject("pre_tokenizer");
    pre.put("type", "Metaspace").put("replacement", SPIECE_UNDERLINE)
        .put("prepend_scheme", spm.addDummyPrefix() ? "always" : "never").put("split", true);
    root.putNull("post_processor");
    ObjectNode dec = root.putObject("decoder");
    dec.put("type", "Metaspace").put("replacement", SPIECE_UNDERLINE)
        .put("prepend_scheme", spm.addDummyPrefix() ? "always" : "never").put("split", true);
    ObjectNode model = root.putObject("model");
    if (spm.modelType() == SentencePieceModel.BPE) {
      bpe(spm, model);
      return JSON.writeValueAsBytes(root);
    }
    model.put("type", "Unigram");
    ArrayNode vocab = model.putArray("vocab");
    int unk = -1;
    for (SentencePieceModel.Piece p : spm.pieces()) {
      if (p.type() == SentencePieceModel.CONTROL || p.type() == SentencePieceModel.UNUSED) {
        continue;
      }
      if (p.type() == SentencePieceModel.UNKNOWN) {
        unk = vocab.size();
      }
      vocab.addArray().add(p.piece()).add(p.score());
    }
    if (unk < 0) {
      throw new IOException("the SentencePiece model has no unknown piece");
    }
    model.put("unk_id", unk);
    model.put("byte_fallback", false);
    return JSON.writeValueAsBytes(root);
  }

  /**
   * A SentencePiece BPE model as a BPE model of HF tokenizers, the way transformers converts one
   * ({@code SentencePieceExtractor} and {@code generate_merges}): every split of a piece into two pieces is a
   * merge, ranked by the merged piece's id (SentencePiece's BPE pieces are in merge order), then by the lengths of
   * the two halves. Consecutive unknown characters become one unknown piece, as SentencePiece's BPE keeps them.
   */
  private static void bpe(SentencePieceModel spm, ObjectNode model) throws IOException {
    Map<String, Integer> ids = new HashMap<>();
    String unk = null;
    ObjectNode vocab = JSON.createObjectNode();
    List<SentencePieceModel.Piece> pieces = spm.pieces();
    for (int i = 0; i < pieces.size(); i++) {
      SentencePieceModel.Piece p = pieces.get(i);
      if (p.type() == SentencePieceModel.UNKNOWN) {
        unk = p.piece();
      } else if (p.type() == SentencePieceModel.CONTROL || p.type() == SentencePieceModel.UNUSED) {
        continue; // never produced from text
      }
      ids.putIfAbsent(p.piece(), i);
      vocab.put(p.piece(), i);
    }
    if (unk == null) {
      throw new IOException("the SentencePiece model has no unknown piece");
    }
    List<String[]> merges = new ArrayList<>();
    List<int[]> keys = new ArrayList<>();
    for (int i = 0; i < pieces.size(); i++) {
      String piece = pieces.get(i).piece();
      if (!ids.containsKey(piece) || ids.get(piece) != i) {
        continue;
      }
      List<String[]> local = new ArrayList<>();
      for (int k = Character.charCount(piece.codePointAt(0)); k < piece.length(); k += Character.charCount(piece.codePointAt(k))) {
        String l = piece.substring(0, k);
        String r = piece.substring(k);
        if (ids.containsKey(l) && ids.containsKey(r)) {
          local.add(new String[] {l, r});
        }
      }
      local.sort(java.util.Comparator.<String[]>comparingInt(m -> ids.get(m[0])).thenComparingInt(m -> ids.get(m[1])));
      for (String[] m : local) {
        merges.add(m);
        keys.add(new int[] {i, m[0].length(), m[1].length()});
      }
    }
    Integer[] order = new Integer[merges.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(i -> keys.get(i)[0])
        .thenComparingInt(i -> keys.get(i)[1]).thenComparingInt(i -> keys.get(i)[2]));
    model.put("type", "BPE");
    model.putNull("dropout");
    model.put("unk_token", unk);
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", true);
    model.put("byte_fallback", false);
    model.set("vocab", vocab);
    ArrayNode m = model.putArray("merges");
    for (Integer i : order) {
      m.addArray().add(merges.get(i)[0]).add(merges.get(i)[1]);
    }
  }
}
