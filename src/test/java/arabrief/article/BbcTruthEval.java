package arabrief.article;

import java.util.List;
import java.util.Locale;

/** The BBC Arabic articles as headline + body: is the headline read as the headline, the first paragraph as the first? */
public final class BbcTruthEval {
  private BbcTruthEval() {}

  public static void main(String[] args) {
    int n = 0, head = 0, first = 0, count = 0;
    boolean verbose = List.of(args).contains("-v");
    for (Metamorphic.Clean c : Metamorphic.bbcArticles()) {
      n++;
      String title = c.text().substring(0, c.text().indexOf("\n\n"));
      String body = c.text().substring(c.text().indexOf("\n\n") + 2);
      List<String> paras = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      try {
        Article a = new ArticleReader().read(c.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), c.name());
        boolean h = StructureEval.norm(title).equals(StructureEval.norm(a.headline()));
        boolean f = !a.paragraphs().isEmpty() && StructureEval.norm(a.paragraphs().get(0).source()).equals(StructureEval.norm(paras.get(0)));
        head += h ? 1 : 0;
        first += f ? 1 : 0;
        count += a.paragraphs().size() == paras.size() ? 1 : 0;
        if (verbose && (!h || !f)) {
          System.out.println(c.name() + (h ? "" : " headline=" + a.headline() + " want " + title) + (f ? "" : " first=" + (a.paragraphs().isEmpty() ? null : a.paragraphs().get(0).source().substring(0, Math.min(60, a.paragraphs().get(0).source().length())))));
        }
      } catch (BadInputException e) {
        if (verbose) System.out.println(c.name() + " refused " + e.getMessage());
      }
    }
    System.out.printf(Locale.ROOT, "BBC %d: headline %d (%.1f%%), first paragraph %d (%.1f%%), paragraph count equal %d%n", n, head, 100.0 * head / n, first, 100.0 * first / n, count);
  }
}
