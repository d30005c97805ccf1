package arabrief.article;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Splits a paragraph into sentences for the translator. Rules, in the order they are applied:
 *
 * <ul>
 *   <li>A line break always ends a sentence.
 *   <li>A run of {@code . ؟ ? ! ؛} ends a sentence when followed by a space, the end, or an
 *       Arabic letter (writers often omit the space: {@code الحرب.وقال}). Closing quotes and
 *       brackets right after the run belong to the sentence that ends.
 *   <li>Not an end: a dot between digits (3.5), a dot after a single letter (initials and
 *       abbreviations: إ.ب.أ, أ.ف.ب, د., م., ود., U.S.) unless that letter is the era mark after a year
 *       (2022 م.), a few Latin abbreviations (Dr., Mr.), a list number (1.), and an ellipsis
 *       ({@code ...} or {@code …}), which in Arabic news marks a pause more often than an end.
 *   <li>Inside a short span in «», “”, "" or () (at most {@value #MAX_SHORT_SPAN} characters)
 *       nothing ends a sentence, except a terminal right before the span closes: then the
 *       sentence ends after the closing mark. Long quotations are split like plain text.
 * </ul>
 *
 * Joining the sentences with single spaces gives the paragraph back, modulo whitespace.
 */
final class SentenceSplitter {

  static final int MAX_SHORT_SPAN = 150;

  private static final String TERMINALS = ".؟?!؛…";
  private static final String CLOSERS = "»”\")]'’";
  private static final Set<String> LATIN_ABBREVIATIONS =
      Set.of("dr", "mr", "mrs", "ms", "st", "jr", "sr", "vs", "no", "prof", "gen", "etc", "inc", "co");

  private SentenceSplitter() {}

  static List<String> split(String paragraph) {
    List<String> sentences = new ArrayList<>();
    int[] closeOf = shortSpans(paragraph);
    int start = 0;
    int i = 0;
    int n = paragraph.length();
    while (i < n) {
      char c = paragraph.charAt(i);
      if (c == '\n') {
        add(sentences, paragraph.substring(start, i));
        start = ++i;
        continue;
      }
      if (TERMINALS.indexOf(c) < 0) {
        i++;
        continue;
      }
      int runEnd = i;
      while (runEnd < n && TERMINALS.indexOf(paragraph.charAt(runEnd)) >= 0) {
        runEnd++;
      }
      int end = runEnd;
      while (end < n && CLOSERS.indexOf(paragraph.charAt(end)) >= 0) {
        end++;
      }
      if (endsSentence(paragraph, start, i, runEnd, end, closeOf)) {
        add(sentences, paragraph.substring(start, end));
        start = end;
      }
      i = end;
    }
    add(sentences, paragraph.substring(start));
    return sentences;
  }

  private static boolean endsSentence(String s, int start, int runStart, int runEnd, int end, int[] closeOf) {
    String run = s.substring(runStart, runEnd);
    if (isEllipsis(run)) {
      return false;
    }
    if (closeOf[runStart] >= 0 && closeOf[runStart] >= end) {
      return false; // inside a short quote, and the quote does not close right after the terminal
    }
    if (run.equals(".") && !isFullStop(s, start, runStart)) {
      return false;
    }
    if (end == s.length()) {
      return true;
    }
    char next = s.charAt(end);
    return Character.isWhitespace(next)
        || (Character.isLetter(next) && Character.UnicodeScript.of(next) == Character.UnicodeScript.ARABIC);
  }

  private static boolean isEllipsis(String run) {
    return run.chars().allMatch(ch -> ch == '.' || ch == '…') && (run.length() >= 2 || run.equals("…"));
  }

  /** A lone dot at {@code dot}: decimal point, abbreviation, list number, or a real full stop. */
  private static boolean isFullStop(String s, int sentenceStart, int dot) {
    if (dot > 0 && dot + 1 < s.length()
        && Character.isDigit(s.charAt(dot - 1)) && Character.isDigit(s.charAt(dot + 1))) {
      return false;
    }
    if (s.substring(sentenceStart, dot).strip().matches("[0-9\\u0660-\\u0669]{1,2}")) {
      return false;
    }
    int wordStart = dot;
    int letters = 0;
    while (wordStart > 0) {
      char ch = s.charAt(wordStart - 1);
      if (Character.isLetter(ch) && ch != '\u0640') {
        letters++;
      } else if (Character.getType(ch) != Character.NON_SPACING_MARK && ch != '\u0640') {
        break;
      }
      wordStart--;
    }
    String word = s.substring(wordStart, dot);
    if (letters == 1) {
      return isEraMarkAfterYear(s, wordStart, word);
    }
    if (word.equals("ود") || word.equals("وم")) {
      return false; // "and Dr." / "and Eng.": the conjunction written onto the abbreviation
    }
    return !LATIN_ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  /** "في عام 2022 م." and "1443 هـ." end sentences even though م and هـ are single letters. */
  private static boolean isEraMarkAfterYear(String s, int wordStart, String word) {
    char letter = word.charAt(0);
    if (letter != 'م' && letter != 'ه') {
      return false;
    }
    int k = wordStart - 1;
    while (k >= 0 && s.charAt(k) == ' ') {
      k--;
    }
    return k >= 0 && Character.isDigit(s.charAt(k));
  }

  /**
   * For every position inside a short bracketed or quoted span, the index of the mark that closes
   * the outermost such span; -1 elsewhere.
   */
  static int[] shortSpans(String s) {
    int[] closeOf = new int[s.length()];
    Arrays.fill(closeOf, -1);
    Deque<int[]> open = new ArrayDeque<>(); // {opening char, index}
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char expectedOpen = switch (c) {
        case '»' -> '«';
        case '”' -> '“';
        case ')' -> '(';
        case '"' -> '"';
        default -> 0;
      };
      if (expectedOpen != 0 && !open.isEmpty() && open.peek()[0] == expectedOpen) {
        int from = open.pop()[1];
        if (i - from <= MAX_SHORT_SPAN) {
          for (int k = from + 1; k < i; k++) {
            if (closeOf[k] < 0 || closeOf[k] < i) {
              closeOf[k] = i;
            }
          }
        }
      } else if (c == '«' || c == '“' || c == '(' || c == '"') {
        open.push(new int[] {c, i});
      }
    }
    return closeOf;
  }

  private static void add(List<String> sentences, String sentence) {
    String t = sentence.strip();
    if (!t.isEmpty()) {
      sentences.add(t);
    }
  }
}
