package arabrief.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors of the sentences of one document, with the document itself as the IDF corpus.
 *
 * <p>A CLI summarising one article has no background corpus, and within-article IDF is what LexRank
 * needs anyway: a term in every sentence (the story's subject) says nothing about which sentences
 * resemble each other more than others.
 */
final class TfIdf {
  private final List<Map<String, Double>> vectors;
  private final double[] norms;

  TfIdf(List<List<String>> termsPerSentence) {
    int n = termsPerSentence.size();
    Map<String, Integer> df = new HashMap<>();
    for (List<String> terms : termsPerSentence) {
      terms.stream().distinct().forEach(t -> df.merge(t, 1, Integer::sum));
    }
    vectors = new ArrayList<>(n);
    norms = new double[n];
    for (int i = 0; i < n; i++) {
      Map<String, Double> v = new HashMap<>();
      for (String t : termsPerSentence.get(i)) {
        v.merge(t, 1.0, Double::sum);
      }
      double sq = 0;
      for (Map.Entry<String, Double> e : v.entrySet()) {
        // Smoothed IDF (as in scikit-learn): never zero, so a term in every sentence still counts a little.
        double idf = 1.0 + Math.log((1.0 + n) / (1.0 + df.get(e.getKey())));
        double w = e.getValue() * idf;
        e.setValue(w);
        sq += w * w;
      }
      vectors.add(v);
      norms[i] = Math.sqrt(sq);
    }
  }

  int size() {
    return vectors.size();
  }

  /** Cosine similarity of sentences i and j; 0 when either has no terms. */
  double cosine(int i, int j) {
    if (norms[i] == 0 || norms[j] == 0) {
      return 0;
    }
    Map<String, Double> a = vectors.get(i);
    Map<String, Double> b = vectors.get(j);
    if (a.size() > b.size()) {
      Map<String, Double> t = a;
      a = b;
      b = t;
    }
    double dot = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double w = b.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    return dot / (norms[i] * norms[j]);
  }

  /** The full symmetric similarity matrix, diagonal 1 for non-empty sentences. */
  double[][] similarities() {
    int n = size();
    double[][] sim = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        sim[i][j] = sim[j][i] = cosine(i, j);
      }
    }
    return sim;
  }
}
