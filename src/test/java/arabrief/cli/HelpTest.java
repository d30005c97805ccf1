package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help as a user reads it: what it does, 2-3 examples, the exit codes that command can return
 * (and no others), lines within the width and never broken inside a word, a path or a URL.
 */
class HelpTest {
  /** The exit codes each command can return (see each command's call() and Main's handlers). */
  private static final Map<String, Set<Integer>> CODES = Map.ofEntries(
      Map.entry("", Set.of(0, 1, 2, 3, 4, 5, 6, 70, 130, 143)),
      Map.entry("translate", Set.of(0, 1, 2, 3, 5, 6, 70, 130, 143)),
      Map.entry("brief", Set.of(0, 1, 2, 3, 5, 6, 70, 130, 143)),
      Map.entry("batch", Set.of(0, 1, 2, 3, 4, 5, 70, 130, 143)),
      Map.entry("watch", Set.of(0, 1, 2, 3, 5, 70, 130, 143)),
      Map.entry("summarize", Set.of(0, 1, 2, 5, 6, 70, 130, 143)),
      Map.entry("tokenize", Set.of(0, 1, 2, 3, 5, 70, 130, 143)),
      Map.entry("serve", Set.of(2, 3, 5, 70, 130, 143)),
      Map.entry("models", Set.of(0, 1, 2, 3, 70, 130)),
      Map.entry("models pull", Set.of(0, 1, 2, 3, 70, 130)),
      Map.entry("models list", Set.of(0, 2, 70)),
      Map.entry("models verify", Set.of(0, 1, 2, 3, 70)),
      Map.entry("models remove", Set.of(0, 1, 2, 3, 70)),
      Map.entry("models path", Set.of(0, 1, 2, 70)));

  private static final Pattern SECTION = Pattern.compile("(?m)^([A-Z][a-z ]+):$");

  static String help(String command, int width) {
    CommandLine cl = Main.commandLine();
    cl.setUsageHelpWidth(width);
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : Arrays.asList(command.split(" ")));
    args.add("--help");
    assertEquals(0, cl.execute(args.toArray(String[]::new)), command);
    return out.toString();
  }

  /** The lines of a help section ("Exit codes", "Examples"): from its heading to the next blank line. */
  static List<String> section(String help, String name) {
    Matcher m = SECTION.matcher(help);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        String rest = help.substring(m.end() + 1);
        int end = rest.indexOf("\n\n");
        return (end < 0 ? rest : rest.substring(0, end)).lines().toList();
      }
    }
    return List.of();
  }

  static Set<Integer> exitCodes(String help) {
    Set<Integer> codes = new TreeSet<>();
    for (String line : section(help, "Exit codes")) {
      Matcher m = Pattern.compile("^  (\\d+) {2,}\\S").matcher(line);
      if (m.find()) {
        codes.add(Integer.parseInt(m.group(1)));
      }
    }
    return codes;
  }

  @Test
  void eachCommandListsTheExitCodesItCanReturnAndTwoOrThreeExamples() {
    for (Map.Entry<String, Set<Integer>> e : CODES.entrySet()) {
      String h = help(e.getKey(), 80);
      assertEquals(new TreeSet<>(e.getValue()), exitCodes(h), "exit codes of '" + e.getKey() + "':\n" + h);
      List<String> examples = section(h, "Examples").stream().filter(l -> l.contains("./arabrief ")).toList();
      assertTrue(examples.size() >= 2 && examples.size() <= 3, "examples of '" + e.getKey() + "':\n" + h);
      String name = e.getKey().isEmpty() ? "" : e.getKey().split(" ")[e.getKey().split(" ").length - 1];
      assertTrue(examples.stream().allMatch(l -> l.startsWith("  ") && l.contains(name)), examples.toString());
    }
  }

  @Test
  void linesAreWrappedAtSpacesOnlyAndWithinTheWidth() {
    for (String command : CODES.keySet()) {
      List<String> wide = tokens(help(command, 400));
      for (int width : new int[] {60, 80, 100}) {
        String h = help(command, width);
        for (String line : h.lines().toList()) {
          assertTrue(line.length() <= width, "'" + command + "' at " + width + ": " + line);
        }
        assertEquals(wide, tokens(h), "'" + command + "' at " + width + " breaks a word:\n" + h);
      }
    }
    List<String> models = tokens(help("models", 80));
    assertTrue(models.contains("~/.cache/huggingface/hub)") && models.contains("https://huggingface.co)"), models.toString());
  }

  @Test
  void translateSaysTheBylineIsReported() {
    String h = help("translate", 80).replaceAll("\\s+", " ");
    assertTrue(h.contains("the byline (author, place, agency) is reported as printed"), h);
    assertTrue(!h.contains("bylines) is left out"), h);
  }

  /** The README's exit code table lists every code the program returns, and no other. */
  @Test
  void theReadmeTableListsEveryExitCode() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String table = readme.substring(readme.indexOf("## Exit codes"));
    table = table.substring(0, table.indexOf("\n\n", table.indexOf("| code")));
    Set<Integer> listed = table.lines().map(l -> l.split("\\|")).filter(c -> c.length > 1 && c[1].strip().matches("\\d+"))
        .map(c -> Integer.parseInt(c[1].strip())).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(exitCodes(help("", 80)), listed, table);
  }

  private static List<String> tokens(String s) {
    return Arrays.stream(s.split("\\s+")).filter(t -> !t.isEmpty()).toList();
  }
}
