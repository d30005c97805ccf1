package arabrief.article;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts a sentence that is too long for the translation model into pieces at the most natural
 * boundary available: first {@code ؛ ; :}, then {@code ، ,}, then before a word-initial و ("and"),
 * and only then at any space. The caller measures length (in model tokens, say), so the same rule
 * serves any model. No character other than whitespace at a cut is ever dropped: joining the
 * pieces with single spaces gives the sentence back, modulo whitespace.
 */
public final class ClauseSplitter {

  private ClauseSplitter() {}

  /** Levels of boundary, strongest first; each a test on the position just after a cut. */
  private enum Level {
    SEMICOLON, COMMA, CONJUNCTION, SPACE
  }

  /**
   * Splits {@code sentence} into pieces whose {@code length} is at most {@code max} where a boundary
   * allows it; a single word longer than {@code max} stays whole.
   */
  public static List<String> split(String sentence, ToIntFunction<String> length, int max) {
    List<String> pieces = new ArrayList<>();
    String s = sentence.strip();
    if (s.isEmpty()) {
      return pieces;
    }
    splitRange(s, 0, s.length(), Level.SEMICOLON, length, max, pieces);
    return pieces;
  }

  private static void splitRange(String s, int from, int to, Level level,
      ToIntFunction<String> length, int max, List<String> out) {
    String whole = s.substring(from, to).strip();
    if (length.applyAsInt(whole) <= max) {
      out.add(whole);
      return;
    }
    List<Integer> cuts = cuts(s, from, to, level);
    Level next = level == Level.SPACE ? null : Level.values()[level.ordinal() + 1];
    if (cuts.isEmpty()) {
      if (next == null) {
        out.add(whole); // one word longer than max: nothing left to cut at
      } else {
        splitRange(s, from, to, next, length, max, out);
      }
      return;
    }
    // Greedy: grow each piece segment by segment while it fits, so pieces stay few and long.
    cuts.add(to);
    int pieceStart = from;
    int pieceEnd = cuts.get(0);
    for (int k = 1; k < cuts.size(); k++) {
      int candidateEnd = cuts.get(k);
      if (length.applyAsInt(s.substring(pieceStart, candidateEnd).strip()) <= max) {
        pieceEnd = candidateEnd;
      } else {
        emit(s, pieceStart, pieceEnd, next, length, max, out);
        pieceStart = pieceEnd;
        pieceEnd = candidateEnd;
      }
    }
    emit(s, pieceStart, pieceEnd, next, length, max, out);
  }

  private static void emit(String s, int from, int to, Level next,
      ToIntFunction<String> length, int max, List<String> out) {
    String piece = s.substring(from, to).strip();
    if (piece.isEmpty()) {
      return;
    }
    if (length.applyAsInt(piece) <= max || next == null) {
      out.add(piece);
    } else {
      splitRange(s, from, to, next, length, max, out);
    }
  }

  /** Positions strictly inside (from, to) where a piece may start, for one level of boundary. */
  private static List<Integer> cuts(String s, int from, int to, Level level) {
    List<Integer> cuts = new ArrayList<>();
    for (int i = from + 1; i < to; i++) {
      char prev = s.charAt(i - 1);
      char here = s.charAt(i);
      boolean cut = switch (level) {
        case SEMICOLON -> isSeparator(s, i - 1, "؛;:");
        case COMMA -> isSeparator(s, i - 1, "،,");
        case CONJUNCTION -> Character.isWhitespace(prev) && here == 'و'
            && i + 1 < to && Character.isLetter(s.charAt(i + 1));
        case SPACE -> Character.isWhitespace(prev) && !Character.isWhitespace(here);
      };
      if (cut && !s.substring(from, i).isBlank() && !s.substring(i, to).isBlank()) {
        cuts.add(i);
      }
    }
    return cuts;
  }

  /** A separator at {@code at}, but not between digits (10:30, 3,5). */
  private static boolean isSeparator(String s, int at, String separators) {
    if (separators.indexOf(s.charAt(at)) < 0) {
      return false;
    }
    boolean digitBefore = at > 0 && Character.isDigit(s.charAt(at - 1));
    boolean digitAfter = at + 1 < s.length() && Character.isDigit(s.charAt(at + 1));
    return !(digitBefore && digitAfter);
  }
}
