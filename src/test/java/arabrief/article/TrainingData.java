package arabrief.article;

import java.util.List;

final class TrainingData {
  static List<LineModel.Example> examples(StructureEval.Expected e) { return List.of(); }
}
