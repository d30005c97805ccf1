package arabrief.summary;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits English prose into sentences, each returned verbatim (only surrounding whitespace trimmed).
 *
 * <p>java.text.BreakIterator does the work, but it breaks after every ". " followed by a capital, so
 * "Mr. Smith" and "the U.S. President" come out in pieces, and it breaks after a quoted "!" or "?"
 * even before a lowercase "she said". Its pieces are rejoined where the break is such a false one.
 * Decimals ("3.5", "$1.2 billion") it already handles: there is no space after the point.
 */
public final class EnglishSentences {
  private EnglishSentences() {}

  /** Abbreviations that are followed by a name, never by a sentence end in news copy. */
  private static final Set<String> TITLES = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "maj",
      "adm", "st", "rev", "hon", "pres", "supt", "cmdr");
  /** Abbreviations that are followed by a number ("Jan. 5", "No. 10"). */
  private static final Set<String> BEFORE_NUMBERS = Set.of(
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "no", "nos", "vol", "art", "fig", "p", "pp");
  private static final Pattern LAST_WORD = Pattern.compile("(\\S+)\\.[\"'”’)]*\\s*$");
  private static final Pattern INITIALISM = Pattern.compile("(?:\\p{L}\\.)+\\p{L}");
  private static final Pattern FIRST_WORD = Pattern.compile("^[\\s\"'“‘(\\[]*(\\S)(\\p{L}*)");
  /**
   * The candidates for {@link #runIns}: a lowercase word (first and last character a lowercase letter or
   * digit, so not a name or a title-case heading), spaces, a capitalised word, then a lowercase word
   * ("The Hollywood Reporter" and "Ten Things I Hate About You" stay whole).
   */
  private static final Pattern RUN_IN =
      Pattern.compile("(?<![^\\s])[\\p{Ll}\\d]\\S*[\\p{Ll}\\d][ \\t]+(\\p{Lu}\\p{Ll}*)(?=[ \\t]+\\p{Ll})");
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n\\s*");

  /** Sentences of text split at blank lines into paragraphs; empty paragraphs are dropped. */
  public static List<List<String>> splitParagraphs(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String paragraph : BLANK_LINE.split(text.replace("\r\n", "\n"))) {
      List<String> sentences = split(paragraph);
      if (!sentences.isEmpty()) {
        out.add(sentences);
      }
    }
    return out;
  }

  /** Sentences of one stretch of prose, in order. */
  public static List<String> split(String text) {
    BreakIterator it = BreakIterator.getSentenceInstance(Locale.US);
    it.setText(text);
    List<String> out = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      pending.append(text, start, end);
      String rest = text.substring(end);
      if (!rest.isBlank() && isFalseBreak(pending.toString(), rest)) {
        continue;
      }
      for (String sentence : runIns(pending.toString())) {
        String t = sentence.strip();
        if (!t.isEmpty()) {
          out.add(t);
        }
      }
      pending.setLength(0);
    }
    return out;
  }

  /**
   * A capitalised function word between lowercase words, with no punctuation before it ("... than a
   * colleague The cost of divorce ..."), is a sentence start whose end mark is missing: a photo caption
   * or a paragraph end run into the next sentence when the page was flattened. Inside a sentence a
   * function word is lowercase ("I" aside), so the piece is cut there.
   */
  static List<String> runIns(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = RUN_IN.matcher(text);
    int start = 0;
    while (m.find()) {
      String word = m.group(1);
      if (!word.equals("I") && EnglishTerms.isStopword(word)) {
        out.add(text.substring(start, m.start(1)));
        start = m.start(1);
      }
    }
    out.add(text.substring(start));
    return out;
  }

  /** Whether the break between {@code before} and {@code after} is one BreakIterator got wrong. */
  static boolean isFalseBreak(String before, String after) {
    Matcher first = FIRST_WORD.matcher(after);
    if (!first.find()) {
      return false;
    }
    char initial = first.group(1).charAt(0);
    String nextWord = first.group(1) + first.group(2);
    if (Character.isLowerCase(initial)) {
      return true; // news sentences start with a capital or a digit, never lowercase
    }
    Matcher last = LAST_WORD.matcher(before);
    if (!last.find()) {
      return false;
    }
    String word = last.group(1).replaceAll("^[\"'“‘(\\[]+", "");
    String key = word.toLowerCase(Locale.ROOT);
    if (TITLES.contains(key)) {
      return true;
    }
    if (BEFORE_NUMBERS.contains(key) && Character.isDigit(initial)) {
      return true;
    }
    // "U.S." before "President" is inside a sentence; before "The" it ends one. A function word is
    // the best cheap signal that a new sentence starts.
    return INITIALISM.matcher(word).matches() && !EnglishTerms.isStopword(nextWord);
  }
}
