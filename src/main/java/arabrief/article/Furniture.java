package arabrief.article;

import static arabrief.article.ArabicPatterns.loose;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the site furniture that surrounds an article when it is copied or scraped: section
 * labels, tag lists, mastheads, tickers, share prompts, syndication wrappers. Each test looks at
 * one line; where a line sits (top, body, tail) is the parser's business.
 */
final class Furniture {

  /** Lines that are nothing but a site label; they carry no news. */
  private static final List<String> LABELS =
      List.of(
          "اختيارات المحرر", "فيديو", "مواضيع ذات صلة", "أخبار ذات صلة", "ذات صلة", "أخبار متعلقة",
          "موضوعات متعلقة", "الأكثر قراءة", "الأكثر مشاهدة", "قد يهمك أيضا", "قد يعجبك أيضا",
          "المزيد", "شارك", "شارك الخبر", "شارك المقال", "شارك هذا المقال", "طباعة", "تعليقات",
          "صورة توضيحية", "صورة أرشيفية", "صورة تعبيرية", "صورة من الأرشيف", "أرشيفية", "الرئيسية", "إعلان",
          "التالي", "السابق", "مشاهدات عالية", "اخترنا لكم", "مقالات ذات صلة", "انسخ الرابط", "نسخ الرابط",
          "تم نسخ الرابط", "تم النسخ", "شاهد أيضا", "شاهد المزيد", "الصفحة الرئيسية");

  private static final Pattern LABEL = Pattern.compile("(?:" + String.join("|", LABELS.stream().map(ArabicPatterns::loose).toList()) + ")\\s*:?");
  private static final Pattern READ_ALSO = Pattern.compile("^(?:" + loose("اقرأ أيضا") + "|" + loose("اقرأ المزيد") + "|" + loose("طالع أيضا")
      + "|" + loose("شاهد أيضا") + ")(?:\\s*[:：-].*)?$");
  /**
   * A call to follow the outlet elsewhere: an imperative (follow, join, subscribe, press) and a channel of
   * the outlet's (its app, channel, page, account, newsletter) or a platform («قناتنا على تلغرام», «Google News»).
   * Past-tense readings of the same verbs open news sentences too, hence the short-line limit where it is used.
   */
  private static final Pattern CALL_TO_FOLLOW = Pattern.compile("^(?:" + String.join("|", java.util.stream.Stream.of(
          "تابع", "تابعوا", "تابعونا", "تابعنا", "انضم", "انضموا", "اشترك", "اشتركوا", "اضغط", "للاشتراك")
      .map(ArabicPatterns::loose).toList()) + ")\\s.*(?:" + String.join("|", java.util.stream.Stream.of(
          "تطبيق", "قناة", "قناتنا", "صفحة", "صفحتنا", "حساب", "حسابنا", "واتساب", "واتس اب", "تلغرام", "تليجرام", "يوتيوب",
          "فيسبوك", "فيس بوك", "تويتر", "انستغرام", "إنستجرام", "النشرة", "جوجل نيوز")
      .map(ArabicPatterns::loose).toList()) + "|(?i:google news|whatsapp|telegram|youtube|facebook|twitter|instagram))");
  /** An advertisement's slot: a line of a few words, one of which says advertisement. */
  private static final Pattern AD_SLOT = Pattern.compile("^(?:\\S+\\s+){0,2}(?:" + loose("إعلان") + "|" + loose("إعلانات")
      + "|(?i:advertisement|advertising|sponsored|ads?))(?:\\s+\\S+){0,1}$");
  /** A weather or market widget: a temperature, or a short line that is a rate («4.68 جنيه إسترليني»). */
  private static final Pattern WIDGET = Pattern.compile("[°℃℉]|^\\D{0,25}\\d+[.,]\\d+\\D{0,25}$");
  /** A link or an image's address on a line of its own. */
  private static final Pattern URL = Pattern.compile("^(?:(?:https?|ftp)://|www\\.)\\S+$");
  /** A navigation trail: parts split by « / », « > », « » », « › ». */
  private static final Pattern TRAIL_SEPARATOR = Pattern.compile("\\s+[/>»›]\\s+");
  private static final Pattern SHARE = Pattern.compile("^(?:" + loose("شارك") + "|" + loose("تابعونا") + ")(?:\\s+[^\\s.؟?!؛]+){0,3}$");
  private static final Pattern MASTHEAD = Pattern.compile("^(?:" + loose("رئيس التحرير") + "|" + loose("رئيس مجلس الإدارة") + "|" + loose("المدير العام") + ")(?:\\s*[:：-]?\\s*[^.؟!]{0,60})?$");
  private static final Pattern TAG_LABEL = Pattern.compile("^(?:" + loose("الكلمات المفتاحية") + "|" + loose("كلمات مفتاحية") + "|" + loose("كلمات دلالية") + "|" + loose("الكلمات الدالة") + "|" + loose("الوسوم") + "|" + loose("وسوم") + "|Tags)\\s*[:：]?.*$");
  private static final Pattern TICKER_START = Pattern.compile("^" + loose("عاجل") + "\\s*[|:：•\\-–]");
  private static final Pattern TICKER_SEPARATOR = Pattern.compile("\\s[|•◄►]\\s");
  private static final Pattern RIGHTS = Pattern.compile("(?:" + loose("جميع الحقوق محفوظة") + "|©)");
  /** "تابع الان خبر … حصريا على …": the wrapper aggregators put around a copied story. */
  private static final Pattern WRAPPER = Pattern.compile(loose("تابع") + "\\s+" + "(?:" + loose("الآن") + "|" + loose("الان") + ")" + "\\s+" + loose("خبر") + ".*?" + loose("حصريا") + "\\s+" + loose("على") + ".*$");
  private static final Pattern WRAPPER_INNER = Pattern.compile(loose("تابع") + "\\s+(?:" + loose("الآن") + "|" + loose("الان") + ")\\s+" + loose("خبر") + "\\s+(.+?)\\s+" + loose("حصريا") + "\\s+" + loose("على"));
  private static final Pattern MASTHEAD_LABEL = Pattern.compile("^(?:" + loose("رئيس التحرير") + "|" + loose("رئيس مجلس الإدارة") + "|" + loose("المدير العام") + "|" + loose("مدير التحرير") + ")\\s*[:：]?$");
  private static final Pattern SENTENCE_PUNCTUATION = Pattern.compile("[.؟?!؛]");
  /** Any punctuation a written sentence carries; a long run of words with none is a ticker. */
  private static final Pattern ANY_PUNCTUATION = Pattern.compile("[.؟?!؛،,:«»\"()/\\-–—]");
  /**
   * A ticker: headline fragments run together, this many words or more without any punctuation. Of 1,328
   * BBC Arabic headlines, the longest without punctuation has 16 words.
   */
  static final int TICKER_WORDS = 17;
  /** Photo credits: «صدر الصورة، EPA», «(AP Photo/Hussein Malla)», «تصوير: …». */
  private static final Pattern PHOTO_CREDIT = Pattern.compile("^(?:(?:" + loose("صدر الصورة") + "|" + loose("مصدر الصورة") + "|"
      + loose("حقوق الصورة") + "|" + loose("تصوير") + ")\\s*[،,:].{0,60}|\\(?[\\p{L} .]{0,20}Photo\\s*/[^)]{0,60}\\)?)$");
  /** Agencies that sell photographs only: a source credit naming one credits a picture, not the story. */
  private static final String PHOTO_AGENCY = "(?i:getty\\s*images?|" + loose("غيتي") + "(?:\\s+" + loose("إيميجز") + ")?|epa|shutterstock|alamy|istock)";
  /** A source label naming a photo agency: «المصدر: Getty Images». */
  private static final Pattern PHOTO_SOURCE = Pattern.compile("^(?:" + loose("المصدر") + "|" + loose("مصدر") + "|(?i:source))\\s*[:：\\-–]\\s*"
      + PHOTO_AGENCY + "\\s*$");
  /** A photo credit in brackets on a line of its own: «(صورة: رويترز)», «(الصورة: أ ف ب)». */
  private static final Pattern BRACKETED_CREDIT = Pattern.compile("^\\(\\s*(?:" + loose("صورة") + "|" + loose("الصورة") + ")\\s*[:：]\\s*[^()]{1,40}\\)$");
  /**
   * An image or video placeholder left by a copied page: the word alone, perhaps bracketed or numbered
   * («صورة», «[صورة]», «صورة 2 من 5», «Image»).
   */
  private static final Pattern IMAGE_PLACEHOLDER = Pattern.compile("^[(\\[]?\\s*(?:" + String.join("|", java.util.stream.Stream.of(
      "صورة", "الصورة", "صور", "فيديو", "الفيديو").map(ArabicPatterns::loose).toList())
      + "|(?i:image|photo|picture|video))(?:\\s*\\d+(?:\\s*(?:" + loose("من") + "|/|(?i:of))\\s*\\d+)?)?\\s*[)\\]]?$");
  /** A video or reading length: «02:15», «2 min», «3 دقائق». */
  private static final Pattern DURATION = Pattern.compile("^(?:\\d{1,2}:\\d{2}(?::\\d{2})?|\\d{1,3}\\s*(?:min|mins|minutes?|" + loose("دقيقة") + "|" + loose("دقائق") + "|د))$");
  /** Comment-policy and cookie boilerplate; a vocabulary feature, one among the others. */
  private static final Pattern BOILERPLATE = Pattern.compile("(?:" + loose("لا تعبر عن رأي") + "|" + loose("ملفات تعريف الارتباط") + "|"
      + loose("الكوكيز") + "|" + loose("سياسة الخصوصية") + "|(?i:cookies?\\b))");
  /** Lines whose letters are mostly not Arabic: English alt text, cookie banners, "2 min" chips. */
  static final double MIN_ARABIC_LETTERS = 0.5;
  private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[،,]\\s*");

  /** Headings of related-links blocks; what follows them to the end is a list of other stories. */
  private static final Pattern RELATED_HEADING =
      Pattern.compile("^(?:" + String.join("|", List.of(
              "مواضيع ذات صلة", "أخبار ذات صلة", "ذات صلة", "أخبار متعلقة", "موضوعات متعلقة",
              "الأكثر قراءة", "الأكثر مشاهدة", "قد يهمك أيضا", "قد يعجبك أيضا", "اقرأ أيضا", "المزيد", "شاهد أيضا",
              "طالع أيضا", "اقرأ المزيد", "شاهد المزيد")
          .stream().map(ArabicPatterns::loose).toList()) + ")\\s*:?$");

  static boolean isRelatedHeading(String line) {
    return RELATED_HEADING.matcher(line).matches();
  }

  /** A short line without sentence punctuation, at the end of the text, is a tag list or a link. */
  static final int MAX_TAIL_WORDS = 25;

  private Furniture() {}

  /** True when the whole line is furniture wherever it stands. */
  static boolean isFurniture(String line) {
    return LABEL.matcher(line).matches()
        || READ_ALSO.matcher(line).matches()
        || SHARE.matcher(line).matches()
        || MASTHEAD.matcher(line).matches()
        || TAG_LABEL.matcher(line).matches()
        || isTicker(line)
        || (RIGHTS.matcher(line).find() && ArabicPatterns.wordCount(line) <= 12)
        || wrapperStart(line) == 0
        || isCommaTagList(line)
        || isPhotoCredit(line)
        || isImagePlaceholder(line)
        || DURATION.matcher(line).matches()
        || (BOILERPLATE.matcher(line).find() && ArabicPatterns.wordCount(line) <= 40)
        || AD_SLOT.matcher(line).matches()
        || (CALL_TO_FOLLOW.matcher(line).find() && ArabicPatterns.wordCount(line) <= 15)
        || isWidget(line)
        || isBreadcrumb(line)
        || URL.matcher(line).matches()
        || isForeign(line);
  }

  /** A weather, market or prayer-time widget's line: a temperature, a rate on a short line without a sentence, prayer times. */
  static boolean isWidget(String line) {
    return ArabicPatterns.wordCount(line) <= 5 && !SENTENCE_PUNCTUATION.matcher(line.replaceAll("\\d[.,]\\d", "")).find()
        && WIDGET.matcher(line).find() || PRAYER_TIME.matcher(line.strip()).matches();
  }

  /** A prayer-time widget's line: one or more of the five prayers (and sunrise), each with its time. */
  private static final Pattern PRAYER_TIME;

  static {
    String prayer = "(?:" + String.join("|", java.util.stream.Stream.of("الفجر", "الشروق", "الظهر", "العصر", "المغرب", "العشاء")
        .map(ArabicPatterns::loose).toList()) + ")";
    String time = ArabicPatterns.DIGIT + "{1,2}\\s*:\\s*" + ArabicPatterns.DIGIT + "{2}(?:\\s*(?:ص|م)(?![\\p{L}]))?";
    PRAYER_TIME = Pattern.compile("(?:" + prayer + "\\s*[:：]?\\s*" + time + "\\s*[|،,]?\\s*)+");
  }

  /**
   * A navigation trail («الرئيسية / أخبار / …»): its first part is a site label (home, a section), or
   * it has three parts or more, each no longer than a section name except perhaps the last (the story).
   */
  static boolean isBreadcrumb(String line) {
    String[] parts = TRAIL_SEPARATOR.split(line.strip());
    String last = parts[parts.length - 1].strip();
    if (parts.length < 2 || ArabicPatterns.wordCount(last) > HeadlineScorer.MAX_WORDS || last.matches(".*[.!؛]$")) {
      return false;
    }
    if (LABEL.matcher(parts[0].strip()).matches()) {
      return true;
    }
    if (parts.length < 3) {
      return false;
    }
    for (int i = 0; i < parts.length - 1; i++) {
      if (ArabicPatterns.wordCount(parts[i]) > 3 || SENTENCE_PUNCTUATION.matcher(parts[i]).find()) {
        return false;
      }
    }
    return true;
  }

  /** True when fewer than half the line's letters are Arabic (and it has letters at all). */
  static boolean isForeign(String line) {
    long letters = line.codePoints().filter(Character::isLetter).count();
    long arabic = line.codePoints().filter(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC).count();
    return letters >= 2 && arabic < MIN_ARABIC_LETTERS * letters;
  }

  /** The headline inside a «تابع الان خبر … حصريا على …» wrapper, or null. */
  static String wrapperHeadline(String line) {
    Matcher m = WRAPPER_INNER.matcher(line);
    return m.find() ? m.group(1).strip() : null;
  }

  static boolean isPhotoCredit(String line) {
    return PHOTO_CREDIT.matcher(line).matches() || BRACKETED_CREDIT.matcher(line).matches() || PHOTO_SOURCE.matcher(line).matches();
  }

  static boolean isImagePlaceholder(String line) {
    return IMAGE_PLACEHOLDER.matcher(line).matches();
  }

  /** A photographer's credit closing a line («… تصوير : عزة فضالي»): the line is a caption or a placeholder. */
  private static final Pattern CREDIT_AT_END = Pattern.compile("(?:^|\\s)(?:" + loose("تصوير") + "|" + loose("عدسة") + "|"
      + loose("صورة") + ")\\s*[:：]\\s*[^:.؟!]{2,40}$");

  static boolean endsWithPhotoCredit(String line) {
    return CREDIT_AT_END.matcher(line).find();
  }

  /** True for the masthead label on a line of its own («رئيس التحرير»): the next short line is a name. */
  static boolean isMastheadLabel(String line) {
    return MASTHEAD_LABEL.matcher(line).matches();
  }

  static boolean isTicker(String line) {
    if (TICKER_START.matcher(line).find()) {
      return true;
    }
    Matcher m = TICKER_SEPARATOR.matcher(line);
    int separators = 0;
    while (m.find()) {
      separators++;
    }
    return separators >= 2
        || (ArabicPatterns.wordCount(line) >= TICKER_WORDS && !ANY_PUNCTUATION.matcher(line).find());
  }

  /** Where a syndication wrapper starts in the line, or -1. */
  static int wrapperStart(String line) {
    Matcher m = WRAPPER.matcher(line);
    return m.find() ? m.start() : -1;
  }

  /** A tag is a name or a topic: this many words at most. */
  private static final int MAX_TAG_WORDS = 3;
  private static final Pattern QUOTES = Pattern.compile("[«»\"“”]");

  /** أميركا، أوكرانيا، روسيا: three or more short items separated by commas, no sentence punctuation or quotes. */
  static boolean isCommaTagList(String line) {
    if (SENTENCE_PUNCTUATION.matcher(line).find() || QUOTES.matcher(line).find()) {
      return false;
    }
    String[] items = LIST_SEPARATOR.split(line.strip());
    if (items.length < 3) {
      return false;
    }
    for (String item : items) {
      int words = ArabicPatterns.wordCount(item);
      if (words == 0 || words > MAX_TAG_WORDS) {
        return false;
      }
    }
    return true;
  }

  /**
   * A tag list, related headline or label as found after the last body paragraph: furniture, or a short
   * line that ends no sentence and holds none (a headline's «..» or «:» is no sentence end).
   */
  static boolean isTailLine(String line) {
    return isFurniture(line)
        || (ArabicPatterns.wordCount(line) <= MAX_TAIL_WORDS && !ENDS_SENTENCE.matcher(line).find()
            && !INNER_SENTENCE_END.matcher(line).find());
  }

  private static final Pattern ENDS_SENTENCE = Pattern.compile("[.؟?!؛…][»\"”’')\\]]*$");
  private static final Pattern INNER_SENTENCE_END = Pattern.compile("[\\p{L}\\p{N}][.؟?!؛]\\s+\\S");
}
