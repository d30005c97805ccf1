package arabrief.article;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One non-blank line of a text as {@link Reflow} reads it: where its content lies, its length in code points,
 * display columns and UTF-8 bytes, its first word's, the blank lines after it, how it ends, and whether it starts
 * a list item.
 */
final class ReflowLine {

  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|[\\n\\r\\u000B\\u000C\\u0085\\u2028\\u2029]");
  private static final String TERMINALS = ".؟?!؛";
  private static final String CLOSERS = "»”\"')]’";
  /** A bullet starting a line. */
  private static final Pattern BULLET = Pattern.compile("^[•●▪■□◆◇►▶‣◦∙·*○✓✔➢➤]");
  /**
   * A list number starting a line («1.», «(2)», «٣-»); it is an item's when it is 1 or follows the last one, not
   * a number the wrapper put first («… عام / 78. وقال …»).
   */
  private static final Pattern NUMBERED = Pattern.compile("^\\(?([0-9\\u0660-\\u0669]{1,2})[.)\\-–]\\s");
  /** A dash starting a line: a list item or an interview's answer, or a spaced dash inside a sentence that the wrapper put first. */
  private static final Pattern DASH_START = Pattern.compile("^[-–—]");

  /** Shorter lines without letters are a paragraph's last mark that the wrapper put alone («.», «".»). */
  private static final int MIN_RULE = 5;

  /** How a line or a word ends: with a letter or other mark, a sentence's end (not an ellipsis), a colon. */
  static final int PLAIN = 0;
  static final int SENTENCE = 1;
  static final int COLON = 2;
  static final int ENDINGS = 3;

  /** Ways of counting columns: code points, display columns (no width for marks), UTF-8 bytes. */
  static final int METRICS = 3;

  /** After the leading blanks. */
  int contentStart;
  /** Before the trailing blanks. */
  int end;
  /** Blank lines between this line and the next non-blank one. */
  int gapAfter;
  /** The line's length (indentation included) and its first word's, in each way of counting columns. */
  final int[] length = new int[METRICS];
  final int[] firstWord = new int[METRICS];
  /** Holds a space or a tab: a wrapper could have cut it. */
  boolean breakable;
  /** A rule of dashes, underscores or stars: no letter or digit in {@link #MIN_RULE} characters or more. */
  boolean rule;
  /** How the line ends: {@link #PLAIN}, {@link #SENTENCE} or {@link #COLON}. */
  int ending;
  /** Spaces inside the line, by how the word before them ends. */
  final int[] inner = new int[ENDINGS];
  /** Starts with a bullet, or with a list number in sequence. */
  boolean listItem;
  /** The list number the line starts with, -1 for none. */
  int number = -1;
  /** Starts with a dash. */
  boolean dash;
  /** Leading blanks, in code points. */
  int indent;

  private ReflowLine() {}

  /** The non-blank lines of {@code text}, in order. */
  static List<ReflowLine> of(String text) {
    List<ReflowLine> lines = new ArrayList<>();
    Matcher m = LINE_BREAK.matcher(text);
    int start = 0;
    int blanks = 0;
    int lastNumber = -1;
    while (start <= text.length()) {
      int end = text.length();
      int next = text.length() + 1;
      if (m.find(start)) {
        end = m.start();
        next = m.end();
      }
      ReflowLine line = read(text, start, end);
      if (line == null) {
        blanks++;
      } else {
        if (!lines.isEmpty()) {
          lines.get(lines.size() - 1).gapAfter = blanks;
        }
        if (line.number >= 0) {
          line.listItem = line.number == 1 || line.number == lastNumber + 1;
          lastNumber = line.number;
        }
        lines.add(line);
        blanks = 0;
      }
      start = next;
    }
    return lines;
  }

  /** The measures of text[start, end), or null when it is blank. */
  private static ReflowLine read(String text, int start, int end) {
    int from = start;
    while (from < end && blank(text.codePointAt(from))) {
      from += Character.charCount(text.codePointAt(from));
    }
    if (from == end) {
      return null;
    }
    int to = end;
    while (to > from && blank(text.codePointBefore(to))) {
      to -= Character.charCount(text.codePointBefore(to));
    }
    ReflowLine line = new ReflowLine();
    line.contentStart = from;
    line.end = to;
    line.indent = text.codePointCount(start, from);
    measure(text, start, to, line.length);
    int wordEnd = from;
    while (wordEnd < to && text.charAt(wordEnd) != ' ' && text.charAt(wordEnd) != '\t') {
      wordEnd++;
    }
    measure(text, from, wordEnd, line.firstWord);
    line.breakable = wordEnd < to;
    String content = text.substring(from, to);
    line.rule = content.length() >= MIN_RULE && content.codePoints().noneMatch(Character::isLetterOrDigit);
    line.ending = ending(content, content.length());
    for (int i = 1; i < content.length(); i++) {
      if (content.charAt(i) == ' ' && content.charAt(i - 1) != ' ') {
        line.inner[ending(content, i)]++;
      }
    }
    line.listItem = BULLET.matcher(content).find();
    Matcher number = NUMBERED.matcher(content);
    line.number = number.find() ? Integer.parseInt(ArabicPatterns.asciiDigits(number.group(1))) : -1;
    line.dash = DASH_START.matcher(content).find();
    return line;
  }

  /** How the text before {@code end} ends: after closing quotes and brackets, a sentence's end, a colon or else. */
  static int ending(String s, int end) {
    int i = end;
    while (i > 0 && CLOSERS.indexOf(s.charAt(i - 1)) >= 0) {
      i--;
    }
    if (i == 0) {
      return PLAIN;
    }
    char c = s.charAt(i - 1);
    if (c == ':') {
      return COLON;
    }
    // «..» and «…» are pauses, not ends, as the sentence splitter reads them
    boolean ellipsis = c == '.' && i >= 2 && s.charAt(i - 2) == '.';
    return TERMINALS.indexOf(c) >= 0 && !ellipsis ? SENTENCE : PLAIN;
  }

  /** Writes the length of text[from, to) into {@code out}, once per way of counting columns ({@link #METRICS}). */
  private static void measure(String text, int from, int to, int[] out) {
    int points = 0;
    int columns = 0;
    for (int i = from; i < to; ) {
      int cp = text.codePointAt(i);
      points++;
      int type = Character.getType(cp);
      if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK && type != Character.FORMAT) {
        columns++;
      }
      i += Character.charCount(cp);
    }
    out[0] = points;
    out[1] = columns;
    out[2] = text.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
  }

  /** Whitespace, no-break and other spaces, and invisible format characters. */
  private static boolean blank(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.getType(cp) == Character.FORMAT;
  }
}
