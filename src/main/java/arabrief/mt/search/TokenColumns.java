package arabrief.mt.search;

import java.util.HashMap;
import java.util.Map;

/**
 * Which target token each column of the logits stands for: every token in order (the default), or a
 * shortlist of them when the LM head is computed for a subset of the vocabulary.
 */
public final class TokenColumns {
  private final int size;
  private final long[] tokens;
  private final Map<Long, Integer> columns;

  private TokenColumns(int size, long[] tokens) {
    this.size = size;
    this.tokens = tokens;
    if (tokens == null) {
      columns = null;
    } else {
      columns = new HashMap<>();
      for (int c = 0; c < tokens.length; c++) {
        columns.put(tokens[c], c);
      }
    }
  }

  /** Column i is token i, for a vocabulary of {@code size}. */
  public static TokenColumns all(int size) {
    return new TokenColumns(size, null);
  }

  /** Column i is {@code tokens[i]}. */
  public static TokenColumns of(long[] tokens) {
    return new TokenColumns(tokens.length, tokens.clone());
  }

  public int size() {
    return size;
  }

  long token(long column) {
    return tokens == null ? column : tokens[(int) column];
  }

  /** The column of {@code token}, or -1 when the shortlist leaves it out. */
  int column(long token) {
    if (tokens == null) {
      return token >= 0 && token < size ? (int) token : -1;
    }
    return columns.getOrDefault(token, -1);
  }
}
