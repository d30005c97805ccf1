package arabrief.mt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text too long for the model's positions into pieces that fit, at the strongest boundary
 * available: sentence ends, then clause marks, then spaces, and only as a last resort inside a word.
 * Nothing is dropped: the pieces joined by single spaces give back the text (modulo whitespace).
 */
final class LongInputSplitter {
  private static final Pattern[] BOUNDARIES = {
    Pattern.compile("(?<=[.!?\u061F\u06D4])\\s+"), // . ! ? ؟ ۔
    Pattern.compile("(?<=[\u061B;:])\\s*"), // ؛ ; :
    Pattern.compile("(?<=[\u060C,])\\s*"), // ، ,
    Pattern.compile("\\s+"),
  };

  private LongInputSplitter() {}

  /** Pieces of {@code text}, each with {@code length(piece) <= max} where any boundary allows it. */
  static List<String> split(String text, ToIntFunction<String> length, int max) {
    List<String> out = new ArrayList<>();
    splitInto(text.strip(), length, max, 0, out);
    return out;
  }

  private static void splitInto(String text, ToIntFunction<String> length, int max, int level, List<String> out) {
    if (text.isEmpty()) {
      return;
    }
    if (length.applyAsInt(text) <= max) {
      out.add(text);
      return;
    }
    if (level == BOUNDARIES.length) {
      // one unbroken run longer than the model allows: cut it by characters
      int lo = 1;
      int hi = text.length();
      while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (length.applyAsInt(text.substring(0, mid)) <= max) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      out.add(text.substring(0, lo));
      splitInto(text.substring(lo), length, max, level, out);
      return;
    }
    List<String> parts = new ArrayList<>();
    Matcher m = BOUNDARIES[level].matcher(text);
    int start = 0;
    while (m.find()) {
      if (m.end() > start && m.start() > start) {
        parts.add(text.substring(start, m.start()).strip());
        start = m.end();
      }
    }
    parts.add(text.substring(start).strip());
    if (parts.size() == 1) {
      splitInto(text, length, max, level + 1, out);
      return;
    }
    // greedily pack consecutive parts while they fit
    StringBuilder cur = new StringBuilder();
    for (String p : parts) {
      if (p.isEmpty()) {
        continue;
      }
      String candidate = cur.length() == 0 ? p : cur + " " + p;
      if (length.applyAsInt(candidate) <= max) {
        cur.setLength(0);
        cur.append(candidate);
      } else {
        if (cur.length() > 0) {
          out.add(cur.toString());
        }
        cur.setLength(0);
        if (length.applyAsInt(p) <= max) {
          cur.append(p);
        } else {
          splitInto(p, length, max, level + 1, out);
        }
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
  }
}
