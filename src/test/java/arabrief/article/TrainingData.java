package arabrief.article;

import java.util.ArrayList;
import java.util.List;

/**
 * Labelled lines for {@link LineModel} from a real page with hand-read structure: the page as a reader
 * would paste it (HTML pages through {@link PastedCopy}), each line labelled body when it lies between
 * the expected first and last paragraph and is not one of the page's listed furniture strings.
 */
final class TrainingData {

  private TrainingData() {}

  static List<String> lines(StructureEval.Expected e) {
    byte[] bytes = StructureEval.bytes(e);
    String text = TextDecoder.decodeBytes(bytes);
    if (e.input().endsWith(".html")) {
      text = PastedCopy.of(text);
    }
    return Normalizer.normalize(text).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static final java.util.Map<String, List<LineModel.Example>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

  static List<LineModel.Example> examples(StructureEval.Expected e) {
    return CACHE.computeIfAbsent(e.name(), n -> label(e));
  }

  private static List<LineModel.Example> label(StructureEval.Expected e) {
    List<String> lines = lines(e);
    List<String> first = e.first().stream().map(StructureEval::norm).toList();
    List<String> last = e.last().stream().map(StructureEval::norm).toList();
    List<String> furniture = e.furniture().stream().map(StructureEval::norm).toList();
    int from = -1;
    int to = -1;
    for (int i = 0; i < lines.size(); i++) {
      String l = StructureEval.norm(lines.get(i));
      if (from < 0 && first.stream().anyMatch(l::startsWith)) {
        from = i;
      }
      if (from >= 0 && last.stream().anyMatch(l::startsWith)) {
        to = i;
      }
    }
    if (from < 0 || to < 0) {
      return List.of(); // the copy does not show the body as the truth reads it: no labels
    }
    double[][] x = LineModel.features(lines);
    List<LineModel.Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = StructureEval.norm(lines.get(i));
      boolean listed = furniture.stream().anyMatch(f -> l.startsWith(f) || f.startsWith(l));
      out.add(new LineModel.Example(x[i], i >= from && i <= to && !listed, e.site()));
    }
    return out;
  }
}
