package arabrief.article;

import java.util.List;
import java.util.Random;

public final class SpanDebug {
  public static void main(String[] args) {
    String text = Metamorphic.bbcArticles().stream().filter(c -> c.name().equals(args[0])).findFirst().orElseThrow().text();
    if (args.length > 1) {
      text = Metamorphic.TRANSFORMS.get(args[1]).apply(text, new Random(Long.parseLong(args[2])));
    }
    List<String> all = Normalizer.normalize(text).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    double[] odds = LineModel.shipped().logOdds(all);
    ArticleSpan.Cut cut = ArticleSpan.cut(all, LineModel.shipped());
    System.out.println("lines " + all.size() + " cut " + cut.from() + ".." + cut.to() + " body " + cut.bodyStart() + " box " + cut.boxLines().size());
    for (int i = 0; i < all.size(); i++) {
      System.out.printf("%3d %6.2f %s %s%n", i, odds[i], cut.boxLines().contains(all.get(i)) ? "B" : " ", all.get(i).substring(0, Math.min(70, all.get(i).length())));
    }
  }
}
