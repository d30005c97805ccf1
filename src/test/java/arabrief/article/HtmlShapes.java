package arabrief.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Generic news page shapes, written by hand from the conventions publishing systems share (not copied from any
 * site): a clean article (headline, body, date, author) is rendered into each, with the headlines of other
 * articles as the page's ticker, related and most-read lists. {@link HtmlMetamorphic} checks that the page reads
 * as the clean text. The site name, menus and labels are generic words of Arabic news pages.
 */
final class HtmlShapes {

  /** The shapes: each a different way of marking up the same article. */
  enum Shape {
    BLOG("shape: blog (HTML5, JSON-LD)"),
    PORTAL("shape: portal (divs, <br><br>, read-also)"),
    APP("shape: app (standfirst, microdata)"),
    TABLES("shape: tables and <font>"),
    MINIMAL("shape: minimal (h1, time, p)");

    final String label;

    Shape(String label) {
      this.label = label;
    }
  }

  /** A rendered page, and the date and byline (as {@link Metamorphic.Reading} prints them) it states. */
  record Page(String html, String date, String byline) {}

  private static final String SITE = "شبكة الأنباء";
  private static final String[] AUTHORS = {"سارة أحمد", "محمد عبد الله", "ليلى حسن", "خالد منصور", "نور الهدى سالم", "يوسف كريم"};
  private static final String[] MONTHS = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
      "أكتوبر", "نوفمبر", "ديسمبر"};
  private static final String[] LEVANT = {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
      "تشرين الأول", "تشرين الثاني", "كانون الأول"};
  private static final String[] DAYS = {"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"};
  private static final String MENU = "<li><a href=\"/\">الرئيسية</a></li><li><a href=\"/news\">أخبار</a></li>"
      + "<li><a href=\"/politics\">سياسة</a></li><li><a href=\"/economy\">اقتصاد</a></li><li><a href=\"/sport\">رياضة</a></li>"
      + "<li><a href=\"/culture\">ثقافة وفنون</a></li><li><a href=\"/tech\">تكنولوجيا</a></li><li><a href=\"/video\">فيديو</a></li>";
  private static final Pattern ID_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})$");

  private HtmlShapes() {}

  /** The BBC article {@code i} of {@code all} in {@code shape}; its neighbours give the lists of other stories. */
  static Page render(Shape shape, List<Metamorphic.Clean> all, int i) {
    Metamorphic.Clean c = all.get(i);
    String text = c.text();
    int cut = text.indexOf("\n\n");
    String title = text.substring(0, cut).strip();
    List<String> paragraphs = new ArrayList<>();
    for (String p : text.substring(cut + 2).split("\n")) { // a line is a paragraph to the text reader too
      if (!p.isBlank()) {
        paragraphs.add(p.strip());
      }
    }
    Matcher m = ID_DATE.matcher(c.name());
    LocalDate date = m.find() ? LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
        : LocalDate.of(2018, 1, 1);
    List<String> others = new ArrayList<>();
    for (int k = 1; k <= 12; k++) {
      others.add(titleOf(all.get((i + 97 * k) % all.size())));
    }
    List<String> teasers = new ArrayList<>();
    for (int k = 1; k <= 5; k++) {
      teasers.add(leadOf(all.get((i + 31 * k) % all.size())));
    }
    String author = AUTHORS[i % AUTHORS.length];
    return switch (shape) {
      case BLOG -> new Page(blog(title, paragraphs, date, author, others), date.toString(), author + "|null");
      case PORTAL -> new Page(portal(title, paragraphs, date, author, others), date.toString(), author + "|null");
      case APP -> new Page(app(title, paragraphs, date, author, others, teasers, i), date.toString(), author + "|null");
      case TABLES -> new Page(tables(title, paragraphs, date, others), date.toString(), null);
      case MINIMAL -> new Page(minimal(title, paragraphs, date), date.toString(), null);
    };
  }

  private static String titleOf(Metamorphic.Clean c) {
    return c.text().substring(0, c.text().indexOf("\n\n")).strip();
  }

  /** The first sentence of an article, as a teaser under its headline in a list. */
  private static String leadOf(Metamorphic.Clean c) {
    String body = c.text().substring(c.text().indexOf("\n\n") + 2).strip();
    int end = body.indexOf('.');
    String s = end > 0 ? body.substring(0, end + 1) : body;
    return s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }

  private static String e(String s) {
    return Entities.escape(s);
  }

  private static String head(String title, String extra) {
    return "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + e(title) + " | " + SITE
        + "</title>\n<link rel=\"stylesheet\" href=\"/css/main.css\">\n" + extra + "</head>\n";
  }

  static String jsonLd(String headline, String date, String author) {
    ObjectNode n = new ObjectMapper().createObjectNode();
    n.put("@context", "https://schema.org");
    n.put("@type", "NewsArticle");
    n.put("headline", headline);
    if (date != null) {
      n.put("datePublished", date + "T09:30:00+00:00");
    }
    if (author != null) {
      n.putObject("author").put("@type", "Person").put("name", author);
    }
    n.putObject("publisher").put("@type", "Organization").put("name", SITE);
    return n.toString();
  }

  private static String links(List<String> titles, int from, int n, String li) {
    StringBuilder out = new StringBuilder();
    for (int k = from; k < from + n; k++) {
      out.append(li.replace("%T", e(titles.get(k))).replace("%N", String.valueOf(k)));
    }
    return out.toString();
  }

  private static String paras(List<String> ps, String open, String close) {
    StringBuilder out = new StringBuilder();
    for (String p : ps) {
      out.append(open).append(e(p)).append(close).append('\n');
    }
    return out.toString();
  }

  private static String footer() {
    return "<p>من نحن</p><ul><li><a href=\"/about\">عن الموقع</a></li><li><a href=\"/contact\">اتصل بنا</a></li>"
        + "<li><a href=\"/privacy\">سياسة الخصوصية</a></li><li><a href=\"/terms\">شروط الاستخدام</a></li></ul>"
        + "<p>جميع الحقوق محفوظة © " + SITE + " 2018</p>\n";
  }

  /** An HTML5 blog-engine page: header, nav, breadcrumb, article with entry meta, share bar, related, comments, sidebar. */
  private static String blog(String title, List<String> ps, LocalDate date, String author, List<String> others) {
    String printed = date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    return head(title, "<meta property=\"og:title\" content=\"" + e(title) + "\">\n<meta property=\"og:type\" content=\"article\">\n"
        + "<meta property=\"og:site_name\" content=\"" + SITE + "\">\n<script type=\"application/ld+json\">"
        + jsonLd(title, date.toString(), author) + "</script>\n")
        + "<body class=\"post-template-default single single-post\">\n<a class=\"skip-link\" href=\"#content\">تخطى إلى المحتوى</a>\n"
        + "<header class=\"site-header\"><div class=\"site-branding\"><p class=\"site-title\"><a href=\"/\">" + SITE + "</a></p>"
        + "<p class=\"site-description\">أخبار العالم العربي على مدار الساعة</p></div>\n"
        + "<nav class=\"main-navigation\"><ul class=\"menu\">" + MENU + "</ul></nav></header>\n"
        + "<div class=\"breadcrumbs\"><a href=\"/\">الرئيسية</a> » <a href=\"/news\">أخبار</a> » <span>" + e(title) + "</span></div>\n"
        + "<div id=\"content\" class=\"site-content\"><main id=\"main\" class=\"site-main\">\n"
        + "<article class=\"post type-post status-publish format-standard has-post-thumbnail hentry\">\n"
        + "<header class=\"entry-header\"><h1 class=\"entry-title\">" + e(title) + "</h1>\n"
        + "<div class=\"entry-meta\"><span class=\"posted-on\"><time class=\"entry-date published\" datetime=\"" + date
        + "T09:30:00+00:00\">" + printed + "</time></span> <span class=\"byline\">بقلم <span class=\"author vcard\">"
        + "<a class=\"url fn n\" rel=\"author\" href=\"/author/1\">" + e(author) + "</a></span></span></div></header>\n"
        + "<figure class=\"post-thumbnail\"><img src=\"/uploads/photo.jpg\" alt=\"" + e(title) + "\">"
        + "<figcaption>صورة من الأرشيف (أ ف ب)</figcaption></figure>\n"
        + "<div class=\"entry-content\">\n" + paras(ps, "<p>", "</p>") + "</div>\n"
        + "<footer class=\"entry-footer\"><span class=\"cat-links\">نشرت في <a href=\"/news\">أخبار</a></span> "
        + "<span class=\"tags-links\">الوسوم: <a href=\"/tag/1\">عاجل</a>، <a href=\"/tag/2\">تقارير</a></span></footer>\n"
        + "</article>\n"
        + "<div class=\"sharedaddy\"><h3>شارك هذا:</h3><ul><li><a href=\"#\">فيسبوك</a></li><li><a href=\"#\">تويتر</a></li>"
        + "<li><a href=\"#\">واتساب</a></li><li><a href=\"#\">البريد الإلكتروني</a></li></ul></div>\n"
        + "<nav class=\"post-navigation\"><div class=\"nav-previous\"><a href=\"/p/1\">السابق: " + e(others.get(0)) + "</a></div>"
        + "<div class=\"nav-next\"><a href=\"/p/2\">التالي: " + e(others.get(1)) + "</a></div></nav>\n"
        + "<div class=\"jp-relatedposts\"><h3>مقالات ذات صلة</h3><ul>" + links(others, 2, 4, "<li><a href=\"/p/%N\">%T</a></li>")
        + "</ul></div>\n"
        + "<div id=\"comments\" class=\"comments-area\"><h3 id=\"reply-title\">اترك تعليقاً</h3><form action=\"/comment\">"
        + "<p class=\"comment-notes\">لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p>"
        + "<p><label>التعليق</label><textarea name=\"comment\"></textarea></p><p><input type=\"submit\" value=\"إرسال التعليق\"></p>"
        + "</form></div>\n</main>\n"
        + "<aside id=\"secondary\" class=\"widget-area\"><section class=\"widget\"><h2 class=\"widget-title\">الأكثر قراءة</h2><ol>"
        + links(others, 6, 6, "<li><a href=\"/p/%N\">%T</a></li>") + "</ol></section></aside>\n</div>\n"
        + "<footer class=\"site-footer\">" + footer() + "</footer>\n</body>\n</html>\n";
  }

  /** A portal of divs: a breaking-news ticker, the body as text with {@code <br><br>}, a read-also box inside it. */
  private static String portal(String title, List<String> ps, LocalDate date, String author, List<String> others) {
    String printed = String.format(Locale.ROOT, "%04d/%02d/%02d - 10:30 ص", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    StringBuilder body = new StringBuilder();
    for (int k = 0; k < ps.size(); k++) {
      body.append(e(ps.get(k))).append("<br><br>\n");
      if (k == 1 && ps.size() > 3) {
        body.append("<div class=\"read-also\"><span>اقرأ أيضاً:</span> <a href=\"/n/9\">").append(e(others.get(3)))
            .append("</a></div>\n");
      }
    }
    return head(title, "<meta property=\"og:title\" content=\"" + e(title) + "\">\n")
        + "<body>\n<div id=\"top\"><div class=\"top-bar\"><span class=\"today\">" + DAYS[date.getDayOfWeek().getValue() - 1] + " "
        + date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear() + "</span>"
        + " <a href=\"/login\">تسجيل الدخول</a> | <a href=\"/rss\">RSS</a></div>\n"
        + "<div id=\"logo\"><a href=\"/\"><img src=\"/logo.png\" alt=\"" + SITE + "\"></a></div>\n"
        + "<div id=\"menu\"><ul>" + MENU + "</ul></div>\n"
        + "<div class=\"breaking\"><b>عاجل</b>" + links(others, 0, 3, "<a href=\"/n/%N\">%T</a> ") + "</div></div>\n"
        + "<div class=\"container\"><div class=\"row\"><div class=\"col-md-8\">\n"
        + "<div class=\"path\"><a href=\"/\">الرئيسية</a> &gt; <a href=\"/news\">أخبار</a></div>\n"
        + "<h1 class=\"title\">" + e(title) + "</h1>\n"
        + "<div class=\"info\"><div class=\"writer\">كتب: " + e(author) + "</div><div class=\"news-date\">نشر في: " + printed
        + "</div><div class=\"views\">عدد المشاهدات: 1520</div></div>\n"
        + "<div class=\"news-img\"><img src=\"/img/n.jpg\" alt=\"" + e(title) + "\"></div>\n"
        + "<div class=\"news-text\">\n" + body + "</div>\n"
        + "<div class=\"print\"><a href=\"/print\">طباعة</a> <a href=\"/send\">أرسل لصديق</a></div>\n"
        + "<div class=\"more-news\"><div class=\"block-title\">أخبار متعلقة</div>"
        + links(others, 4, 3, "<div class=\"item\"><a href=\"/n/%N\">%T</a><span>منذ ساعتين</span></div>") + "</div>\n"
        + "</div><div class=\"col-md-4\"><div class=\"block-title\">الأكثر قراءة</div>"
        + links(others, 7, 5, "<div class=\"item\"><span class=\"num\">%N</span><a href=\"/n/%N\">%T</a></div>") + "</div>\n"
        + "</div></div>\n<div id=\"footer\">" + footer() + "</div>\n</body>\n</html>\n";
  }

  /** A news app page: microdata, a standfirst under the headline, rel=author, a related box inside the body, teasers. */
  private static String app(String title, List<String> ps, LocalDate date, String author, List<String> others,
      List<String> teasers, int i) {
    String printed = date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + "/ " + LEVANT[date.getMonthValue() - 1]
        + " " + date.getYear();
    StringBuilder body = new StringBuilder();
    for (int k = 0; k < ps.size(); k++) {
      body.append("<p>").append(e(ps.get(k))).append("</p>\n");
      if (k == 2 && ps.size() > 4) {
        body.append("<aside class=\"inline-related\"><h4>قصص ذات صلة</h4><ul>")
            .append(links(others, 0, 3, "<li><a href=\"/a/%N\">%T</a></li>")).append("</ul></aside>\n");
      }
    }
    StringBuilder mostRead = new StringBuilder();
    for (int k = 0; k < teasers.size(); k++) {
      mostRead.append("<li><a href=\"/a/").append(k).append("\"><h3>").append(e(others.get(3 + k))).append("</h3><p>")
          .append(e(teasers.get(k))).append("</p></a></li>");
    }
    String standfirst = "<p class=\"article-summary\" itemprop=\"description\">" + e(ps.size() > 1 ? summary(i) : "") + "</p>\n";
    return head(title, "<meta property=\"og:title\" content=\"" + e(title) + "\">\n<meta name=\"twitter:card\" content=\"summary\">\n"
        + "<meta property=\"article:published_time\" content=\"" + date + "T09:30:00Z\">\n")
        + "<body>\n<header role=\"banner\"><a class=\"logo\" href=\"/\">" + SITE + "</a><nav><ul>" + MENU + "</ul></nav>"
        + "<button class=\"search-toggle\">بحث</button></header>\n"
        + "<main id=\"main-content\">\n<article itemscope itemtype=\"https://schema.org/NewsArticle\">\n"
        + "<h1 itemprop=\"headline\">" + e(title) + "</h1>\n" + standfirst
        + "<div class=\"article-meta\"><a rel=\"author\" class=\"author-name\" href=\"/authors/2\">" + e(author) + "</a>"
        + "<time itemprop=\"datePublished\" datetime=\"" + date + "T09:30:00Z\">" + printed + "</time></div>\n"
        + "<figure><img src=\"/media/lead.jpg\" alt=\"\"><figcaption class=\"caption\">مشهد عام من موقع الحدث</figcaption></figure>\n"
        + "<div class=\"article-body\" itemprop=\"articleBody\">\n" + body + "</div>\n"
        + "<div class=\"share-tools\"><button>مشاركة</button><button>نسخ الرابط</button></div>\n"
        + "</article>\n<section class=\"most-read\"><h2>الأكثر قراءة</h2><ol>" + mostRead + "</ol></section>\n"
        + "<div class=\"newsletter\"><h3>اشترك في النشرة البريدية</h3><p>احصل على أهم الأخبار يومياً في بريدك الإلكتروني.</p>"
        + "<input type=\"email\" placeholder=\"بريدك الإلكتروني\"><button>اشترك</button></div>\n</main>\n"
        + "<footer role=\"contentinfo\">" + footer() + "</footer>\n</body>\n</html>\n";
  }

  private static List<String> summaries;

  /** The article's standfirst from the corpus (its {@code references}), printed as the page's deck. */
  private static synchronized String summary(int i) {
    if (summaries == null) {
      List<String> out = new ArrayList<>();
      ObjectMapper json = new ObjectMapper();
      try (var in = java.nio.file.Files.newBufferedReader(Metamorphic.bbc().orElseThrow())) {
        String line;
        while ((line = in.readLine()) != null) {
          out.add(json.readTree(line).path("references").path(0).asText(""));
        }
      } catch (java.io.IOException ex) {
        throw new java.io.UncheckedIOException(ex);
      }
      summaries = out;
    }
    return summaries.get(i);
  }

  /** An old page laid out with tables: no {@code <h1>}, the headline in {@code <font>}, the latest news beside it. */
  private static String tables(String title, List<String> ps, LocalDate date, List<String> others) {
    String printed = DAYS[date.getDayOfWeek().getValue() - 1] + " " + date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1]
        + " " + date.getYear();
    StringBuilder body = new StringBuilder();
    for (String p : ps) {
      body.append(e(p)).append("<br><br>\n");
    }
    return "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n<title>" + SITE + " - "
        + e(title) + "</title>\n</head>\n<body bgcolor=\"#FFFFFF\">\n"
        + "<table width=\"100%\" border=\"0\"><tr><td><img src=\"logo.gif\" alt=\"الشعار\"></td><td align=\"left\">"
        + "<a href=\"index.htm\">الرئيسية</a> | <a href=\"local.htm\">محليات</a> | <a href=\"world.htm\">عربي ودولي</a> | "
        + "<a href=\"sport.htm\">رياضة</a> | <a href=\"contact.htm\">اتصل بنا</a></td></tr></table>\n"
        + "<table width=\"100%\" border=\"0\" cellpadding=\"4\"><tr>\n<td width=\"70%\" valign=\"top\">\n"
        + "<font size=\"5\" color=\"#990000\"><b>" + e(title) + "</b></font><br>\n"
        + "<font size=\"2\" color=\"#666666\">" + printed + "</font><br><br>\n"
        + "<font size=\"3\">\n" + body + "</font>\n"
        + "<br><a href=\"print.htm\">طباعة</a> | <a href=\"send.htm\">أرسل لصديق</a>\n</td>\n"
        + "<td width=\"30%\" valign=\"top\" bgcolor=\"#EEEEEE\"><b>آخر الأخبار</b><br>\n"
        + links(others, 0, 8, "<a href=\"news%N.htm\">%T</a><br>\n") + "</td>\n</tr></table>\n"
        + "<center><font size=\"1\">جميع الحقوق محفوظة © " + SITE + "</font></center>\n</body>\n</html>\n";
  }

  /** The least a page can be: a header, the headline, a date, paragraphs, a footer. */
  private static String minimal(String title, List<String> ps, LocalDate date) {
    return head(title, "") + "<body>\n<header><a href=\"/\">" + SITE + "</a></header>\n<h1>" + e(title) + "</h1>\n"
        + "<time datetime=\"" + date + "\">" + DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date) + "</time>\n"
        + paras(ps, "<p>", "</p>") + "<footer>" + footer() + "</footer>\n</body>\n</html>\n";
  }
}
