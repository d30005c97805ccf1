package arabrief.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import arabrief.summary.ArabicTerms;

/**
 * Picks the headline among candidate lines by features that hold across sites, not by any site's
 * wording. A headline's content words recur in the lead paragraphs; a site name, a section label or
 * a ticker's other headlines do not. Weights (added up; the best candidate wins if it scores above
 * {@link #MIN_SCORE}):
 *
 * <ul>
 *   <li>{@link #W_LEAD} × how many of its content stems ({@link #stems}: spelling folded, proclitics off,
 *       Lucene's light stemmer) recur in the first {@link #LEAD_PARAGRAPHS} body paragraphs, up to
 *       {@link #LEAD_MATCHES} (0..1) — the strongest signal. A count, not a share: a caption or a
 *       name-and-title line is short and all its words recur, yet it says less of the story than the headline;
 *   <li>{@link #W_REPEATED} when it shares a stem with the lead (or there is no lead) and the page prints it more
 *       than once (twice in a row, as a title with the site's name, inside a «تابع … حصريا على …» wrapper, or in
 *       the page's {@code <title>}/og:title/JSON-LD), its last copy under every other story's title;
 *   <li>{@link #W_SENTENCE_END} when it ends like a sentence (. ! ؛): headlines do not;
 *   <li>{@link #W_CREDIT} when it ends with a photo agency credit in brackets or opens with «صورة»: that is a caption;
 *   <li>{@link #W_WORD} per word up to {@link #FULL_LENGTH_WORDS}: a headline states a whole event, a
 *       caption or a name-and-title line is shorter;
 *   <li>{@link #W_RANK} per candidate before it in its block that shares two stems or more with the lead: the
 *       headline comes first of the header's lines about the story (captions, teasers and subtitles follow it),
 *       while other stories' titles above it (tickers, most read, related) share a stem at most and start a new
 *       block;
 *   <li>{@link #W_BELOW} per other story's title (title-sized, sharing fewer than two stems with the lead) between
 *       it and the body, up to {@link #MAX_TITLES_BELOW}: the story's title is normally the last title-like line
 *       before the body, with only its deck, byline, date and photo between them, while a ticker's or a "most
 *       read" box's item stands above the box's other items;
 *   <li>rejected outright: fewer than {@link #MIN_WORDS} or more than {@link #MAX_WORDS} words
 *       (labels, site names; paragraphs), furniture, tickers, date lines, bylines, site names.
 * </ul>
 */
final class HeadlineScorer {

  static final int MIN_WORDS = 3;
  /** An {@code <h1>} or {@code <title>} is marked up as a title, so two words may do. */
  static final int MIN_MARKED_UP_WORDS = 2;
  static final int MAX_WORDS = 30;
  static final int LEAD_PARAGRAPHS = 3;
  static final double W_LEAD = 2.0;
  static final double W_REPEATED = 1.5;
  static final double W_SENTENCE_END = -1.0;
  static final double W_CREDIT = -1.5;
  static final double W_RANK = -0.5;
  static final int LEAD_MATCHES = 6;
  static final double MIN_SCORE = 0.3;
  static final double W_WORD = 0.05;
  static final int FULL_LENGTH_WORDS = 12;
  /** Per other story's title between the line and the body (a ticker's item above the headline has many). */
  static final double W_BELOW = -0.4;
  static final int MAX_TITLES_BELOW = 3;
  /** The visible {@code <h1>} is preferred over the page's metadata when both agree about the same. */
  static final double W_VISIBLE = 0.3;

  private static final Pattern SENTENCE_END = Pattern.compile("[.!؛]$");
  private static final Pattern CREDIT = Pattern.compile("\\(([^()]{1,25})\\)$");
  /** What a photo credit's brackets say besides an agency: «(أرشيفية)», «(Getty Images)». */
  private static final Pattern PHOTO_WORDS = Pattern.compile(ArabicPatterns.loose("أرشيف") + "|" + ArabicPatterns.loose("صورة")
      + "|" + ArabicPatterns.loose("تصوير") + "|(?i:getty|photo|images?)");
  /** «صورة …», «بالصور: …»: a line that says it describes a photo is a caption, not the headline. */
  private static final Pattern PHOTO_PREFIX = Pattern.compile("^(?:" + ArabicPatterns.loose("صورة") + "|" + ArabicPatterns.loose("الصورة")
      + "|" + ArabicPatterns.loose("صور") + ")\\s");
  private static final Pattern SITE_SEPARATOR = Pattern.compile("\\s+[-|–—:]{1,2}\\s+|\\s+::\\s+");
  private static final Pattern TOKEN = Pattern.compile("[\\p{IsArabic}\\p{L}]{3,}");
  /** Function words that any two Arabic texts share; they say nothing about overlap. */
  private static final Set<String> STOP = Set.of(
      "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "ان", "إن", "التي", "الذي", "الذين", "هذا", "هذه",
      "ذلك", "تلك", "بعد", "قبل", "بين", "حتى", "عند", "كان", "كانت", "قد", "لم", "لن", "منذ", "خلال", "حول",
      "وقال", "قال", "أمس", "اليوم", "كما", "أو", "ثم", "لكن", "غير", "كل", "بعض", "أي", "نحو");

  /**
   * The summary's Arabic terms (spelling folded, stopwords dropped also behind a proclitic, Lucene's light
   * stemmer, which takes the article groups and «و» off): «الحكومة» and «حكومية», «المفاوضات» and «مفاوضات» are one
   * stem, which the prefix-only {@link #words} keeps apart. Reused rather than written again, so that the parser
   * and the summary agree on what a word is. (Stripping «ب ل ك ف» too, as {@code Proclitics} can, was tried: it cut
   * names — «بوشنيل» → «شنيل» — and lost a headline of the dev pages.)
   */
  private static final ArabicTerms TERMS = new ArabicTerms();

  private HeadlineScorer() {}

  /**
   * One candidate line and what the parser knows about it: printed twice, how many lines about the story stand
   * above it in its block ({@code rank}), and how many other stories' titles stand between it and the body
   * ({@code titlesBelow}).
   */
  record Candidate(String text, boolean repeated, int rank, int titlesBelow) {
    Candidate(String text, boolean repeated, int rank) {
      this(text, repeated, rank, 0);
    }
  }

  /** The best candidate's text, or null when none scores above {@link #MIN_SCORE}. */
  static String best(List<Candidate> candidates, List<String> body, Set<String> siteNames) {
    Set<String> lead = leadStems(body);
    String best = null;
    double bestScore = MIN_SCORE;
    List<String> acceptable = new ArrayList<>();
    for (Candidate c : candidates) {
      double s = score(c, lead, siteNames);
      if (s > Double.NEGATIVE_INFINITY) {
        acceptable.add(c.text());
      }
      if (s > bestScore) {
        best = c.text();
        bestScore = s;
      }
    }
    // Nothing overlaps the lead (telegraphic copy, a body of numbers): a lone acceptable line is it.
    return best == null && acceptable.size() == 1 ? acceptable.get(0) : best;
  }

  static double score(Candidate c, Set<String> lead, Set<String> siteNames) {
    return score(c, lead, siteNames, MIN_WORDS);
  }

  /** {@code minWords} is lower for a page's marked-up title than for a bare line of text. */
  private static double score(Candidate c, Set<String> lead, Set<String> siteNames, int minWords) {
    String t = c.text();
    int words = ArabicPatterns.wordCount(t);
    if (words < minWords || words > MAX_WORDS || Furniture.isFurniture(t) || Furniture.isTicker(t)
        || DatelineParser.parse(t) != null || Byline.isBylineLine(t) || siteNames.contains(t)) {
      return Double.NEGATIVE_INFINITY;
    }
    long m = stemMatches(t, lead);
    double s = W_LEAD * Math.min(m, LEAD_MATCHES) / LEAD_MATCHES;
    // Printed twice says "headline" only of a line about the story: a search widget's «no results»
    // or a menu repeated on a page pasted whole shares no word with the lead.
    if (c.repeated() && (m > 0 || lead.isEmpty())) {
      s += W_REPEATED;
    }
    if (SENTENCE_END.matcher(t).find()) {
      s += W_SENTENCE_END;
    }
    if (isCredited(t) || PHOTO_PREFIX.matcher(t).find() || Furniture.endsWithPhotoCredit(t)) {
      s += W_CREDIT;
    }
    return s + W_WORD * Math.min(words, FULL_LENGTH_WORDS) + W_RANK * c.rank()
        + W_BELOW * Math.min(c.titlesBelow(), MAX_TITLES_BELOW);
  }

  /**
   * Ends with a photo or agency credit in brackets («(رويترز)», «(أرشيفية)»); a genre tag such as
   * «(حوار)» or «(فيديو)» closing a headline is no credit.
   */
  static boolean isCredited(String line) {
    var m = CREDIT.matcher(line);
    return m.find() && (Gazetteer.isAgency(m.group(1)) || PHOTO_WORDS.matcher(m.group(1)).find());
  }

  /**
   * The headline of an HTML page: the visible {@code <h1>}s, the JSON-LD headline, og:title and
   * {@code <title>} (each without its site-name part) compete; agreement between sources counts as
   * repetition.
   */
  static String bestOfPage(List<String> h1s, PageMetadata meta, List<String> body) {
    Set<String> sites = new HashSet<>(meta.siteNames());
    List<String> declared = new ArrayList<>();
    for (String s : new String[] {meta.headline(), meta.ogTitle(), meta.title()}) {
      if (s != null) {
        declared.add(withoutSiteName(Normalizer.normalize(s), sites, h1s));
      }
    }
    Set<String> lead = leadStems(body.stream().map(Normalizer::normalize).toList());
    String best = null;
    double bestScore = MIN_SCORE;
    List<String> all = new ArrayList<>();
    h1s.forEach(h -> all.add(Normalizer.normalize(h)));
    all.addAll(declared);
    for (int i = 0; i < all.size(); i++) {
      String c = all.get(i);
      boolean visible = i < h1s.size();
      boolean agreed = false;
      for (String d : declared) {
        if (d != c && overlap(c, words(d)) >= 0.5) {
          agreed = true;
        }
      }
      // Two of the page's own statements agreeing (the <h1> and og:title, JSON-LD and <title>) say "headline"
      // even when no word of it recurs in the lead, unlike a line a text happens to print twice.
      double s = score(new Candidate(c, false, 0), lead, sites, MIN_MARKED_UP_WORDS) + (visible ? W_VISIBLE : 0)
          + (agreed ? W_REPEATED : 0);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    return best;
  }

  /** "Headline - Site" or "Site | Headline": the part that is not a known site name, else the longest. */
  static String withoutSiteName(String title, Set<String> siteNames) {
    return withoutSiteName(title, siteNames, List.of());
  }

  /** As {@link #withoutSiteName(String, Set)}; the part a visible {@code <h1>} agrees with is the headline's. */
  static String withoutSiteName(String title, Set<String> siteNames, List<String> h1s) {
    String[] parts = SITE_SEPARATOR.split(title);
    if (parts.length == 1) {
      return title.strip();
    }
    for (String p : parts) {
      for (String h : h1s) {
        if (overlap(p, words(Normalizer.normalize(h))) >= 0.5 && overlap(Normalizer.normalize(h), words(p)) >= 0.5) {
          return p.strip();
        }
      }
    }
    String longest = "";
    for (String p : parts) {
      String q = p.strip();
      boolean site = siteNames.stream().anyMatch(n -> n.equalsIgnoreCase(q) || q.contains(n) && q.length() < n.length() + 6);
      if (!site && q.length() > longest.length()) {
        longest = q;
      }
    }
    return longest.isEmpty() ? title.strip() : longest;
  }

  /** A site's name after a title, as a browser's title bar prints it: a separator, then a few words. */
  private static final Pattern SITE_SUFFIX = Pattern.compile("\\s*[-|–—]{1,2}\\s*\\S.{0,40}");
  private static final Pattern SITE_PREFIX = Pattern.compile(".{0,40}\\S\\s*[-|–—]{1,2}\\s*");
  /** A line cut short: «… …» or «... ». */
  private static final Pattern ELLIPSIS = Pattern.compile("\\s*(?:…|\\.{2,})\\s*$");

  /**
   * {@code line} is {@code title} with a site's name beside it («TITLE - SITE», «TITLE | SITE», «SITE | TITLE»): the
   * page's title printed above or below its heading. Both squashed.
   */
  static boolean titledCopy(String line, String title) {
    if (line.length() <= title.length() || ArabicPatterns.wordCount(title) < MIN_WORDS) {
      return false;
    }
    if (line.startsWith(title)) {
      return SITE_SUFFIX.matcher(line.substring(title.length())).matches();
    }
    if (line.endsWith(title)) {
      return SITE_PREFIX.matcher(line.substring(0, line.length() - title.length())).matches();
    }
    return false;
  }

  /** {@code line} is the start of {@code title} cut short with an ellipsis (an image's alt text, a teaser). Both squashed. */
  static boolean truncatedCopy(String line, String title) {
    var m = ELLIPSIS.matcher(line);
    if (!m.find() || title.equals(line)) {
      return false;
    }
    String start = line.substring(0, m.start()).strip();
    return ArabicPatterns.wordCount(start) >= MIN_WORDS && title.startsWith(start);
  }

  /** Share of the line's content words that occur in {@code words} (0 when it has none). */
  static double overlap(String line, Set<String> words) {
    Set<String> own = words(line);
    if (own.isEmpty()) {
      return 0;
    }
    return (double) own.stream().filter(words::contains).count() / own.size();
  }

  /** How many of the line's content stems are among {@code stems} ({@link #leadStems}). */
  static long stemMatches(String line, Set<String> stems) {
    return stems(line).stream().filter(stems::contains).count();
  }

  static long matches(String line, Set<String> words) {
    return words(line).stream().filter(words::contains).count();
  }

  /** The line's content stems: letters only, two or more (numbers and single letters say little of a story). */
  static Set<String> stems(String text) {
    Set<String> out = new HashSet<>();
    for (String t : TERMS.terms(text)) {
      if (t.length() >= 2 && t.codePoints().allMatch(Character::isLetter)) {
        out.add(t.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }

  /**
   * The stems of the story's first {@link #LEAD_PARAGRAPHS} paragraphs, which restate its headline. (Two were tried
   * first, but a page whose first paragraph is a deck in prose lost its short headline on the build half.)
   */
  static Set<String> leadStems(List<String> body) {
    Set<String> out = new HashSet<>();
    body.stream().limit(LEAD_PARAGRAPHS).forEach(p -> out.addAll(stems(p)));
    return out;
  }

  static Set<String> leadWords(List<String> body) {
    Set<String> out = new HashSet<>();
    body.stream().limit(LEAD_PARAGRAPHS).forEach(p -> out.addAll(words(p)));
    return out;
  }

  /** Content words, lightly stemmed (article and one-letter proclitics off, alef/ya/ta marbuta folded). */
  static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    var m = TOKEN.matcher(text);
    while (m.find()) {
      String w = m.group();
      if (STOP.contains(w)) {
        continue;
      }
      w = w.replaceAll("[أإآ]", "ا").replace('ى', 'ي').replace('ة', 'ه').replaceAll("[\\u064B-\\u0652]", "");
      w = w.replaceFirst("^(?:وال|بال|فال|كال|لل|ال)(?=.{3,})", "");
      w = w.replaceFirst("^[وفبل](?=.{4,})", "");
      if (w.length() >= 3) {
        out.add(w.toLowerCase(java.util.Locale.ROOT));
      }
    }
    return out;
  }
}
