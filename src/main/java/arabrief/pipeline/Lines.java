package arabrief.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Line mode's unit: one segment per input line, as `translate --lines` and the server's /translate read text. */
public final class Lines {
  private Lines() {}

  public static List<String> split(String s) {
    List<String> out = new ArrayList<>(List.of(s.split("\r?\n", -1)));
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1); // the newline that ends the last line does not start another
    }
    return out;
  }
}
