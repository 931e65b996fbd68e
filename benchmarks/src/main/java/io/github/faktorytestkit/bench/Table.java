package io.github.faktorytestkit.bench;

import java.util.List;

/** Renders rows as a Markdown table, ready for the README. */
final class Table {
  private Table() {}

  static String markdown(List<Row> rows) {
    StringBuilder out = new StringBuilder("| figure | ours | theirs | ratio | target | met |\n");
    out.append("|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      out.append("| ").append(String.join(" | ", row.figure(), row.ours(), row.theirs(), row.ratio(), row.target(),
          row.met() ? "yes" : "**no**")).append(" |\n");
    }
    return out.toString().stripTrailing();
  }
}
