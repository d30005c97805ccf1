package arabrief.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a few words open a person's name: a common Arabic given name ({@code given-names.txt}), a
 * compound with «عبد» or a kunya with «أبو», possibly after a title («د.», «الدكتور», «الشيخ»). A name
 * alone on a line says "byline" only when it reads as a name; a label or a widget's words do not.
 */
final class GivenNames {

  private static final Set<String> NAMES = load();
  /** Titles printed before a name. */
  private static final Set<String> TITLES = Set.of("د.", "د", "د/", "دكتور", "دكتورة", "الدكتور", "الدكتورة", "أ.د.", "أ.د",
      "الشيخ", "السيد", "السيدة", "المهندس", "المهندسة", "م.", "الأستاذ", "الاستاذ", "الأستاذة", "الاستاذة", "أ.", "اللواء",
      "العميد", "المستشار", "السفير", "الكاتب", "الكاتبة", "الصحفي", "الصحفية", "الإعلامي", "الإعلامية");
  /** «عبد الله», «عبدالرحمن», «أبو العلا»: the compound's first part. */
  private static final Pattern COMPOUND = Pattern.compile("^(?:عبد|أبو|ابو|أبي|ابي)\\p{L}*$");
  /** «ابن رشد», «بن سالم»: a name that opens with "son of", a word of its own followed by another. */
  private static final Set<String> SON_OF = Set.of("ابن", "بن");

  private GivenNames() {}

  /** True when {@code words} (a line split at spaces) starts like a person's name. */
  static boolean startsName(String[] words) {
    int i = 0;
    while (i < words.length - 1 && TITLES.contains(words[i])) {
      i++;
    }
    String w = words[i];
    return NAMES.contains(fold(w)) || COMPOUND.matcher(w).matches() || SON_OF.contains(fold(w)) && i + 1 < words.length;
  }

  /** True for a title printed before a name («د.», «الدكتور», «أ.د.»). */
  static boolean isTitle(String word) {
    return TITLES.contains(word);
  }

  /** True when {@code word} is a given name of the list (as printed, any spelling of hamza, ya and ta marbuta). */
  static boolean isGivenName(String word) {
    return NAMES.contains(fold(word));
  }

  private static String fold(String s) {
    return s.replaceAll("[أإآ]", "ا").replace('ى', 'ي').replace('ة', 'ه').replaceAll("[\\u064B-\\u0652]", "");
  }

  private static Set<String> load() {
    try (InputStream in = GivenNames.class.getResourceAsStream("/arabrief/article/given-names.txt")) {
      if (in == null) {
        throw new IllegalStateException("given-names.txt missing from the jar");
      }
      Set<String> out = new HashSet<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          out.add(fold(l));
        }
      }
      return Set.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
