package arabrief.article;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Prints how one text is read (a development aid): a file, or a BBC id with an optional transform. */
public final class ReadDebug {
  private ReadDebug() {}

  public static void main(String[] args) throws Exception {
    String text;
    if (Files.exists(Path.of(args[0]))) {
      text = Files.readString(Path.of(args[0]));
    } else {
      text = Metamorphic.bbcArticles().stream().filter(c -> c.name().equals(args[0])).findFirst().orElseThrow().text();
    }
    if (args.length > 1) {
      text = Metamorphic.TRANSFORMS.get(args[1]).apply(text, new Random(args.length > 2 ? Long.parseLong(args[2]) : 0));
      System.out.println("---- input\n" + text.substring(0, Math.min(text.length(), 1500)) + "\n----");
    }
    Article a = new ArticleReader().read(text.getBytes(StandardCharsets.UTF_8), args[0]);
    System.out.println("headline: " + a.headline());
    System.out.println("standfirst: " + a.standfirst());
    System.out.println("dateline: " + a.dateline());
    System.out.println("byline: " + a.byline());
    System.out.println("caption: " + a.caption());
    for (Paragraph p : a.paragraphs()) {
      System.out.println("¶ " + (p.source().length() > 100 ? p.source().substring(0, 100) + "…" : p.source()));
    }
    System.out.println("dropped: " + a.dropped());
  }
}
