package arabrief.cli;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's usage help, wrapped at spaces only. picocli breaks lines where Java's line BreakIterator allows, and
 * that allows a break after every '.' and ':' followed by a letter: "~/." / "cache", "https:" / "//huggingface.co",
 * "_report." / "json". Everything else stays picocli's: its sections, columns, indents and width (the terminal's,
 * with usageHelpAutoWidth). picocli has no setting for this, hence a help factory; each wrapped line is handed to
 * picocli's own table once it fits, so picocli never has to break it.
 */
final class SpaceWrappedHelp extends Help {
  /** The factory that {@link CommandLine#setHelpFactory} takes. */
  static final CommandLine.IHelpFactory FACTORY = SpaceWrappedHelp::new;

  private SpaceWrappedHelp(CommandSpec spec, ColorScheme scheme) {
    super(spec, scheme);
  }

  private int width() {
    return commandSpec().usageMessage().width();
  }

  @Override
  public String header(Object... params) {
    return join(commandSpec().usageMessage().header(), params);
  }

  @Override
  public String description(Object... params) {
    return join(commandSpec().usageMessage().description(), params);
  }

  @Override
  public String footer(Object... params) {
    return join(commandSpec().usageMessage().footer(), params);
  }

  /** As picocli's {@code Help.join}: one full-width column, wrapped lines not indented. */
  private String join(String[] lines, Object... params) {
    if (lines == null || lines.length == 0) {
      return "";
    }
    Table t = new Table(colorScheme(), new Column(width(), 0, Column.Overflow.WRAP));
    t.indentWrappedLines = 0;
    for (String line : lines) {
      t.addRowValues(format(line, params));
    }
    return t.toString();
  }

  private static String format(String s, Object... params) {
    try {
      return s == null ? "" : String.format(s, params);
    } catch (IllegalFormatException e) {
      return s; // as picocli: a stray '%' is shown as written
    }
  }

  @Override
  public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme scheme) {
    int longOptions = calcLongOptionColumnWidth(options, positionals, scheme);
    Table t = new Table(scheme, TextTable.forDefaultColumns(scheme, longOptions, width()).columns());
    t.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
    return new Layout(scheme, t, createDefaultOptionRenderer(), createDefaultParameterRenderer());
  }

  /** The exit code list: picocli's two columns (key, then its description). */
  @Override
  public TextTable createTextTable(Map<?, ?> map) {
    if (map == null || map.isEmpty()) {
      return super.createTextTable(map);
    }
    int keys = Math.min(width() - 4, map.keySet().stream().mapToInt(k -> String.valueOf(k).length()).max().orElse(0));
    Table t = new Table(colorScheme(),
        new Column(keys + 3, 2, Column.Overflow.SPAN), new Column(width() - (keys + 3), 2, Column.Overflow.WRAP));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      t.addRowValues(format(String.valueOf(e.getKey())), format(String.valueOf(e.getValue())));
    }
    return t;
  }

  /** The subcommands and the first line of each one's header, as picocli lists them. */
  @Override
  public String commandList(Map<String, Help> subcommands) {
    if (subcommands.isEmpty()) {
      return "";
    }
    int names = Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), width() / 2);
    Table t = new Table(colorScheme(),
        new Column(names + 2, 2, Column.Overflow.SPAN), new Column(width() - (names + 2), 2, Column.Overflow.WRAP));
    for (Help help : subcommands.values()) {
      UsageMessageSpec usage = help.commandSpec().usageMessage();
      String[] header = usage.header().length > 0 ? usage.header() : usage.description();
      t.addRowValues(help.commandNamesText(", "), colorScheme().text(header.length > 0 ? format(header[0]) : ""));
    }
    return t.toString();
  }

  /** picocli's table, with each value of a wrapping column cut at spaces into lines that fit before it is put. */
  private static final class Table extends TextTable {
    private final ColorScheme scheme;

    Table(ColorScheme scheme, Column... columns) {
      super(scheme, columns);
      this.scheme = scheme;
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      if (column.overflow != Column.Overflow.WRAP || value == null) {
        return super.putValue(row, col, value);
      }
      List<int[]> lines = lines(value.plainString(), column.width - column.indent, column.width - column.indent - indentWrappedLines);
      if (lines.size() <= 1) {
        return super.putValue(row, col, value);
      }
      Cell cell = null;
      for (int i = 0; i < lines.size(); i++) {
        Text line = value.substring(lines.get(i)[0], lines.get(i)[1]);
        if (i > 0) {
          addEmptyRow();
          row = rowCount() - 1;
          line = scheme.text(" ".repeat(indentWrappedLines)).concat(line);
        }
        cell = super.putValue(row, col, line);
        row = cell.row;
      }
      return cell;
    }

    /**
     * Greedy wrapping at spaces: [start, end) of each line, the first at most {@code first} wide, the others at most
     * {@code rest}; a word longer than a line gets one to itself (picocli then cuts it, as nothing else can).
     */
    static List<int[]> lines(String s, int first, int rest) {
      List<int[]> out = new ArrayList<>();
      int n = s.length();
      int i = 0;
      while (i < n) {
        while (i < n && s.charAt(i) == ' ' && !out.isEmpty()) {
          i++; // a wrapped line does not start with the space it was cut at
        }
        if (i >= n) {
          break;
        }
        int max = Math.max(1, out.isEmpty() ? first : rest);
        int end = i;
        int lastFit = -1;
        while (end < n) {
          int wordEnd = end;
          while (wordEnd < n && s.charAt(wordEnd) == ' ') {
            wordEnd++;
          }
          while (wordEnd < n && s.charAt(wordEnd) != ' ') {
            wordEnd++;
          }
          if (wordEnd - i > max) {
            break;
          }
          lastFit = wordEnd;
          end = wordEnd;
        }
        if (lastFit < 0) { // one word wider than the line
          lastFit = end;
          while (lastFit < n && s.charAt(lastFit) == ' ') {
            lastFit++;
          }
          while (lastFit < n && s.charAt(lastFit) != ' ') {
            lastFit++;
          }
        }
        out.add(new int[] {i, lastFit});
        i = lastFit;
      }
      return out;
    }
  }
}
