package arabrief.summary.eval;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hard-wraps clean text the way archives, e-mail and text exports do, so the evaluation can check that a
 * wrapped article reads as the clean one. Every non-blank line of the input is a paragraph; it is cut
 * greedily (as Python's {@code textwrap} with {@code break_on_hyphens=False}, Emacs' fill and
 * {@code fold -s} do) at spaces into lines of at most {@code width} columns, a word longer than that
 * standing alone. Columns are code points, or UTF-8 bytes for tools that count bytes ({@code fold}).
 */
public final class HardWrap {

  /** How wrapped lines and paragraphs are laid out. */
  public enum Style {
    /** Wrapped lines one under the other, a blank line between paragraphs. */
    PARAGRAPHS,
    /** A blank line after every wrapped line, paragraphs included: the paragraph breaks are lost. */
    LINES,
    /** {@link #PARAGRAPHS} double-spaced: one blank line between wrapped lines, three between paragraphs. */
    DOUBLE;

    static Style parse(String name) {
      try {
        return valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("wrap style is paragraphs, lines or double, not '" + name + "'");
      }
    }
  }

  /**
   * One way of wrapping.
   *
   * @param width the column limit (0: chosen per text by {@link #widthFor}, 60 to 100)
   * @param crlf lines end in CR LF instead of LF
   * @param bytes columns are counted in UTF-8 bytes, as GNU fold does
   */
  public record Spec(Style style, int width, boolean crlf, boolean bytes) {

    /**
     * Reads {@code STYLE[:WIDTH][,crlf][,bytes]}, e.g. {@code lines:80,crlf}; without a width each text gets one
     * between 60 and 100 from its id.
     */
    public static Spec parse(String spec) {
      String[] parts = spec.split(",");
      String[] styleWidth = parts[0].split(":", 2);
      int width = styleWidth.length > 1 ? Integer.parseInt(styleWidth[1]) : 0;
      if (styleWidth.length > 1 && width < 10) {
        throw new IllegalArgumentException("wrap width must be at least 10 columns, not " + width);
      }
      boolean crlf = false;
      boolean bytes = false;
      for (int i = 1; i < parts.length; i++) {
        switch (parts[i]) {
          case "crlf" -> crlf = true;
          case "bytes" -> bytes = true;
          default -> throw new IllegalArgumentException("unknown wrap option '" + parts[i] + "' (crlf, bytes)");
        }
      }
      return new Spec(Style.parse(styleWidth[0]), width, crlf, bytes);
    }

    /** The text wrapped; {@code id} picks the width when none is fixed. */
    public String apply(String text, String id) {
      return wrap(text, width > 0 ? width : widthFor(id), style, crlf, bytes);
    }

    @Override
    public String toString() {
      return style.name().toLowerCase(Locale.ROOT) + ":" + (width > 0 ? String.valueOf(width) : "60-100")
          + (crlf ? ",crlf" : "") + (bytes ? ",bytes" : "");
    }
  }

  private HardWrap() {}

  /** A width from 60 to 100 columns that depends only on {@code id}. */
  public static int widthFor(String id) {
    return 60 + Math.floorMod(id.hashCode() * 0x9E3779B1, 41);
  }

  public static String wrap(String text, int width, Style style, boolean crlf, boolean bytes) {
    List<List<String>> paragraphs = new ArrayList<>();
    for (String line : text.split("\\r\\n|[\\n\\r]")) {
      if (!line.isBlank()) {
        paragraphs.add(lines(line.strip(), width, bytes));
      }
    }
    String lineBreak = style == Style.PARAGRAPHS ? "\n" : "\n\n";
    String paragraphBreak = style == Style.DOUBLE ? "\n\n\n\n" : "\n\n";
    StringBuilder out = new StringBuilder(text.length() + text.length() / 20);
    for (int p = 0; p < paragraphs.size(); p++) {
      if (p > 0) {
        out.append(paragraphBreak);
      }
      out.append(String.join(lineBreak, paragraphs.get(p)));
    }
    out.append('\n');
    String s = out.toString();
    return crlf ? s.replace("\n", "\r\n") : s;
  }

  /** Greedy: as many words as fit, then a new line. Runs of spaces between words become one. */
  static List<String> lines(String paragraph, int width, boolean bytes) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int used = 0;
    for (String word : paragraph.split("[ \\t]+")) {
      int w = columns(word, bytes);
      if (used > 0 && used + 1 + w > width) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      if (used > 0) {
        line.append(' ');
        used++;
      }
      line.append(word);
      used += w;
    }
    if (used > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static int columns(String s, boolean bytes) {
    return bytes ? s.getBytes(StandardCharsets.UTF_8).length : s.codePointCount(0, s.length());
  }
}
