package arabrief.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Body or not, line by line, for text copies (a page pasted whole): jusText's idea — length, Arabic
 * stopword density, punctuation, link-free prose — with the neighbours' values as context, weighed by a
 * logistic regression fitted on the real pages rather than by hand. {@link ArticleSpan} then finds the
 * article's run of lines in a page pasted whole.
 *
 * <p>The fit is a plain batch gradient descent written here (about 30 lines) rather than Tribuo's
 * {@code LogisticRegressionTrainer}: a dozen weights over a few thousand lines need no library, and
 * Tribuo would bring OLCUT and protobuf-java into a jar that also runs inside Spark, which ships its own
 * protobuf. The shipped weights ({@code line-model.txt}) are this fit on every real page of the test
 * corpus; {@code LineModelTest} refits and compares, and the structure evaluation refits without each
 * site to score it (leave-one-site-out).
 */
final class LineModel {

  /** One line's features and whether it belongs to the article body; {@code site} groups lines for held-out fits. */
  record Example(double[] x, boolean body, String site) {}

  static final String[] FEATURES = {
    "bias", "log chars", "ends a sentence", "punctuation per word", "stopword share", "furniture", "date line",
    "foreign letters", "digit share", "prev log chars", "prev stopword share", "next log chars", "next stopword share",
    "repeated on the page"
  };

  /** Arabic function words (jusText's stoplist idea): prose is dense in them, menus and headlines are not. */
  private static final Set<String> STOPWORDS = Set.of(
      "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "ان", "إن", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك",
      "تلك", "بعد", "قبل", "بين", "حتى", "عند", "كان", "كانت", "قد", "لم", "لن", "منذ", "خلال", "حول", "كما", "أو",
      "ثم", "لكن", "غير", "كل", "بعض", "أي", "و", "وفي", "ومن", "وأن", "فيما", "إذ", "إذا", "لا", "ما", "هو", "هي",
      "وقال", "قال", "وقد", "حيث", "عليه", "عليها", "فيه", "فيها", "به", "بها", "له", "لها", "أنه", "أنها", "إنه", "وهو",
      "وهي", "وكان", "بأن", "لأن", "التى", "الذى", "أيضا", "عام", "يوم", "اليوم", "أمس");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!؟?…]\\s*[»\"”)]?$");
  private static final Pattern PUNCT = Pattern.compile("[.،,؛;:؟?!]");
  private static final double L2 = 1e-3;
  private static final double RATE = 0.5;
  private static final int EPOCHS = 1500;

  private final double[] w;

  LineModel(double[] w) {
    this.w = w.clone();
  }

  double[] weights() {
    return w.clone();
  }

  private static LineModel shipped;

  /** The weights in the jar. */
  static synchronized LineModel shipped() {
    if (shipped == null) {
      try (InputStream in = LineModel.class.getResourceAsStream("/arabrief/article/line-model.txt")) {
        if (in == null) {
          throw new IllegalStateException("line-model.txt missing from the jar");
        }
        shipped = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shipped;
  }

  static LineModel parse(String text) {
    List<Double> ws = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        ws.add(Double.parseDouble(l.split("\\s+")[0]));
      }
    }
    if (ws.size() != FEATURES.length) {
      throw new IllegalStateException("line model has " + ws.size() + " weights, expected " + FEATURES.length);
    }
    return new LineModel(ws.stream().mapToDouble(Double::doubleValue).toArray());
  }

  String serialize() {
    StringBuilder out = new StringBuilder("# LineModel weights (logistic regression, body line vs not), one per feature;\n"
        + "# written by scripts/eval_structure.sh --write-model from the real pages of the test corpus.\n");
    for (int i = 0; i < w.length; i++) {
      out.append(String.format(Locale.ROOT, "%.6f  # %s%n", w[i], FEATURES[i]));
    }
    return out.toString();
  }

  /** Fits the weights on labelled lines (full-batch gradient descent, L2, zero start: deterministic). */
  static LineModel fit(List<Example> examples) {
    int d = FEATURES.length;
    double[] w = new double[d];
    if (examples.isEmpty()) {
      return new LineModel(w);
    }
    // Balance the classes: a pasted page has many more furniture lines than body lines.
    long pos = examples.stream().filter(Example::body).count();
    double wPos = pos == 0 ? 1 : examples.size() / (2.0 * pos);
    double wNeg = pos == examples.size() ? 1 : examples.size() / (2.0 * (examples.size() - pos));
    double total = examples.size();
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      double[] grad = new double[d];
      for (Example e : examples) {
        double p = sigmoid(dot(w, e.x()));
        double err = (p - (e.body() ? 1 : 0)) * (e.body() ? wPos : wNeg);
        for (int j = 0; j < d; j++) {
          grad[j] += err * e.x()[j];
        }
      }
      for (int j = 0; j < d; j++) {
        w[j] -= RATE * (grad[j] / total + (j == 0 ? 0 : L2 * w[j]));
      }
    }
    return new LineModel(w);
  }

  /** Log-odds that each line is body text. */
  double[] logOdds(List<String> lines) {
    double[][] x = features(lines);
    double[] out = new double[lines.size()];
    for (int i = 0; i < x.length; i++) {
      out[i] = dot(w, x[i]);
    }
    return out;
  }

  /** Per-line features, each line with its neighbours' length and stopword share as context. */
  static double[][] features(List<String> lines) {
    int n = lines.size();
    double[] logChars = new double[n];
    double[] stop = new double[n];
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    for (String l : lines) {
      counts.merge(l, 1, Integer::sum);
    }
    for (int i = 0; i < n; i++) {
      logChars[i] = Math.log1p(lines.get(i).length()) / 6;
      stop[i] = stopwordShare(lines.get(i));
    }
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      String l = lines.get(i);
      int words = Math.max(1, ArabicPatterns.wordCount(l));
      long letters = l.codePoints().filter(Character::isLetter).count();
      long digits = l.codePoints().filter(Character::isDigit).count();
      x[i] = new double[] {
        1,
        logChars[i],
        SENTENCE_END.matcher(l).find() ? 1 : 0,
        Math.min(1.0, PUNCT.matcher(l).results().count() / (double) words * 3),
        stop[i],
        Furniture.isFurniture(l) ? 1 : 0,
        DatelineParser.parse(l) != null ? 1 : 0,
        Furniture.isForeign(l) ? 1 : 0,
        letters + digits == 0 ? 0 : (double) digits / (letters + digits),
        i > 0 ? logChars[i - 1] : 0,
        i > 0 ? stop[i - 1] : 0,
        i + 1 < n ? logChars[i + 1] : 0,
        i + 1 < n ? stop[i + 1] : 0,
        counts.get(l) > 1 ? 1 : 0
      };
    }
    return x;
  }

  static double stopwordShare(String line) {
    String[] tokens = line.strip().split("[\\s\\p{P}]+");
    int all = 0;
    int stop = 0;
    for (String t : tokens) {
      if (t.isEmpty()) {
        continue;
      }
      all++;
      if (STOPWORDS.contains(t)) {
        stop++;
      }
    }
    return all == 0 ? 0 : (double) stop / all;
  }

  private static double dot(double[] w, double[] x) {
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i] * x[i];
    }
    return s;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
