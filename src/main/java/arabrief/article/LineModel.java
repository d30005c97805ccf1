package arabrief.article;

import java.util.List;

final class LineModel {
  record Example(double[] x, boolean body, String site) {}
  static LineModel shipped() { return new LineModel(); }
  static LineModel fit(List<Example> ex) { return new LineModel(); }
  String serialize() { return ""; }
}
