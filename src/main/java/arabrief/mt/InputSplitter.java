package arabrief.mt;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * How a text longer than the model's positions is cut into pieces that fit (the article package's
 * clause splitter is the one the commands use). {@code length} measures a piece in source tokens.
 */
@FunctionalInterface
public interface InputSplitter {
  List<String> split(String text, ToIntFunction<String> length, int max);
}
