package arabrief.mt.tokenize;

import java.io.IOException;
import java.util.List;

/**
 * A model's tokenizer as the engine uses it, whatever files it comes from: source text to the model's input ids
 * (the source language code and {@code </s>} where the family puts them), output ids back to text, and the
 * language codes the model knows. One implementation per tokenizer class transformers has for the families
 * arabrief runs ({@link Tokenizers#load} picks it).
 */
public interface ModelTokenizer extends AutoCloseable {
  /** Model input ids for {@code text}: {@code tokenizer(text)["input_ids"]} with the current source language. */
  long[] encode(String text);

  /** The tokens those ids stand for (language code, pieces, {@code </s>}), for {@code tokenize --pieces}. */
  List<String> tokens(String text);

  /** Text of output ids: {@code tokenizer.decode(ids, skip_special_tokens=True)}. */
  String decode(long[] ids);

  long eosId();

  /** The largest id the tokenizer can produce; a model whose vocabulary is smaller does not go with it. */
  long maxId();

  /**
   * Output ids of the target pieces, most likely first (a vocabulary shortlist's order): by the SentencePiece
   * scores where the model ships them, else by id (SentencePiece and fairseq vocabularies are ordered by
   * frequency).
   */
  long[] targetIdsByFrequency() throws IOException;

  /** The Arabic source language codes the model knows (empty: it takes no code); the first is its default. */
  List<String> sourceLanguages();

  /** The source language code in use, or null for a model without codes. */
  String sourceLanguage();

  /**
   * Encodes from now on as text in {@code code}.
   *
   * @throws IllegalArgumentException when the model does not know the code (the message lists those it knows)
   */
  void setSourceLanguage(String code);

  /** The id of the English code that generation must start with (forced_bos_token_id), or -1 for none. */
  long targetLanguageId();

  /** The message for a code the model does not know. */
  static String unknownCode(String code, List<String> known) {
    return known.isEmpty()
        ? "this model takes no source language code (it reads Arabic as it is); leave out --source-lang, not '"
            + code + "'"
        : "'" + code + "' is not a source language of this model; it knows " + String.join(", ", known);
  }

  @Override
  void close();
}
