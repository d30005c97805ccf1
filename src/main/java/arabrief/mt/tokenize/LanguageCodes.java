package arabrief.mt.tokenize;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which of a multilingual model's language codes are Arabic, and which is Modern Standard Arabic and which English,
 * in each family's notation: NLLB's {@code arb_Arab} (ISO 639-3 and script), M2M100's {@code ar} (ISO 639-1),
 * mBART-50's {@code ar_AR}.
 */
final class LanguageCodes {
  /**
   * ISO 639-3 codes of the varieties of the Arabic macrolanguage ({@code ara}), with Modern Standard Arabic
   * ({@code arb}): NLLB-200 has arb, acm, acq, aeb, ajp, apc, ars, ary and arz among them.
   */
  private static final Set<String> ARABIC_639_3 = Set.of("ara", "arb", "aao", "abh", "abv", "acm", "acq", "acw",
      "acx", "acy", "adf", "aeb", "aec", "afb", "ajp", "apc", "apd", "arq", "ars", "ary", "arz", "auz", "avl", "ayh",
      "ayl", "ayn", "ayp", "pga", "shu", "ssh");

  /** The M2M100 tokenizer's codes (transformers' FAIRSEQ_LANGUAGE_CODES): a code's id is the vocabulary size + its index. */
  static final List<String> M2M100 = List.of("af", "am", "ar", "ast", "az", "ba", "be", "bg", "bn", "br", "bs", "ca",
      "ceb", "cs", "cy", "da", "de", "el", "en", "es", "et", "fa", "ff", "fi", "fr", "fy", "ga", "gd", "gl", "gu", "ha",
      "he", "hi", "hr", "ht", "hu", "hy", "id", "ig", "ilo", "is", "it", "ja", "jv", "ka", "kk", "km", "kn", "ko", "lb",
      "lg", "ln", "lo", "lt", "lv", "mg", "mk", "ml", "mn", "mr", "ms", "my", "ne", "nl", "no", "ns", "oc", "or", "pa",
      "pl", "ps", "pt", "ro", "ru", "sd", "si", "sk", "sl", "so", "sq", "sr", "ss", "su", "sv", "sw", "ta", "th", "tl",
      "tn", "tr", "uk", "ur", "uz", "vi", "wo", "xh", "yi", "yo", "zh", "zu");
  static final List<String> WMT21 = List.of("en", "ha", "is", "ja", "cs", "ru", "zh", "de");

  private LanguageCodes() {}

  /** NLLB-style codes ({@code lll_Scrp}) of Arabic varieties in Arabic script, Modern Standard Arabic first. */
  static List<String> arabicNllb(Collection<String> tokens) {
    return arabic(tokens, t -> t.matches("[a-z]{3}_Arab") && ARABIC_639_3.contains(t.substring(0, 3)), "arb_Arab");
  }

  /** mBART-50-style codes ({@code ll_CC}) of Arabic. */
  static List<String> arabicMbart(Collection<String> tokens) {
    return arabic(tokens, t -> t.matches("ar_[A-Z]{2}"), "ar_AR");
  }

  /** M2M100's Arabic code(s) among {@code codes}. */
  static List<String> arabicM2M100(Collection<String> codes) {
    return arabic(codes, "ar"::equals, "ar");
  }

  private static List<String> arabic(Collection<String> tokens, java.util.function.Predicate<String> isArabic,
      String standard) {
    List<String> out = new ArrayList<>();
    for (String t : tokens) {
      if (isArabic.test(t) && !out.contains(t)) {
        out.add(t);
      }
    }
    out.sort(String::compareTo);
    if (out.remove(standard)) {
      out.add(0, standard);
    }
    return out;
  }
}
