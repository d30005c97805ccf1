package arabrief.article;

/**
 * Who filed the story and from where, read off the byline without the model: «بيروت - نادين الأحمد -»,
 * «دمشق، سوريا (CNN) --», «كتب: …», «(أ ف ب)», «المصدر : الجزيرة + وكالات». Each part is null when the
 * page does not say it.
 *
 * @param source the agency or outlet credited (رويترز, CNN, الجزيرة + وكالات), as printed
 * @param place where it was filed: in English when the gazetteer knows the place, else as printed
 * @param author the reporter's name(s), as printed
 * @param printed the byline text as it stood on the page
 */
public record Byline(String source, String place, String author, String printed) {

  static boolean isBylineLine(String line) {
    return BylineParser.isBylineLine(line);
  }

  static String prefixOf(String paragraph) {
    return BylineParser.prefixOf(paragraph);
  }

  boolean isEmpty() {
    return source == null && place == null && author == null;
  }
}
