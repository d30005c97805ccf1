package arabrief.mt.tokenize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first step of transformers' Python tokenizers ({@code PreTrainedTokenizer.tokenize}): the text is split on
 * the added tokens (special tokens, language codes) before SentencePiece sees it, the longest token winning where
 * several start at one place (its trie), and a token marked lstrip/rstrip eats the whitespace beside it.
 */
final class AddedTokens {
  /** An added token and its AddedToken flags. */
  record Token(String content, boolean lstrip, boolean rstrip) {}

  private final Map<String, Token> tokens = new HashMap<>();

  AddedTokens(Collection<Token> added) {
    for (Token t : added) {
      if (!t.content().isEmpty()) {
        tokens.put(t.content(), t);
      }
    }
  }

  /** Plain tokens, no whitespace stripping (AddedToken's defaults for special tokens). */
  static AddedTokens of(Collection<String> added) {
    List<Token> list = new ArrayList<>();
    for (String s : added) {
      list.add(new Token(s, false, false));
    }
    return new AddedTokens(list);
  }

  boolean contains(String s) {
    return tokens.containsKey(s);
  }

  /** {@code text} as alternating runs of plain text and added tokens, in order; empty runs are dropped. */
  List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      String hit = null;
      for (String t : tokens.keySet()) {
        if (text.startsWith(t, i) && (hit == null || t.length() > hit.length())) {
          hit = t;
        }
      }
      if (hit == null) {
        i++;
        continue;
      }
      parts.add(text.substring(start, i));
      parts.add(hit);
      i += hit.length();
      start = i;
    }
    parts.add(text.substring(start));
    for (int k = 1; k < parts.size(); k += 2) {
      Token t = tokens.get(parts.get(k));
      if (t.rstrip() && k + 1 < parts.size()) {
        parts.set(k + 1, parts.get(k + 1).stripLeading());
      }
      if (t.lstrip()) {
        parts.set(k - 1, parts.get(k - 1).stripTrailing());
      }
    }
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }
}
