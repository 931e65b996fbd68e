package io.github.faktorytestkit.conformance.report;

import java.util.List;

/** A page being written, as Markdown or as static HTML: the few elements the report uses. */
interface Page {
  void heading(int level, String text);

  void paragraph(String text);

  /** A bullet; {@code text} may hold {@code `code`} and {@code **bold**} as in Markdown. */
  void bullet(String text);

  void table(List<String> header, List<List<String>> rows);

  /** Two transcripts line by line, the real one left; the first differing line and character are marked. */
  void sideBySide(List<String> real, List<String> fake);

  String text();

  /** Returns the index of the first line that differs, or -1. */
  static int firstDifference(List<String> real, List<String> fake) {
    for (int i = 0; i < Math.max(real.size(), fake.size()); i++) {
      if (i >= real.size() || i >= fake.size() || !real.get(i).equals(fake.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** Returns the index of the first character that differs, or the shorter length. */
  static int firstDifference(String real, String fake) {
    int i = 0;
    while (i < real.length() && i < fake.length() && real.charAt(i) == fake.charAt(i)) {
      i++;
    }
    return i;
  }

  /** GitHub-flavoured Markdown. */
  final class Markdown implements Page {
    private final StringBuilder out = new StringBuilder();

    @Override
    public void heading(int level, String text) {
      out.append("#".repeat(level)).append(' ').append(text).append("\n\n");
    }

    @Override
    public void paragraph(String text) {
      out.append(text).append("\n\n");
    }

    @Override
    public void bullet(String text) {
      out.append("- ").append(text).append('\n');
    }

    @Override
    public void table(List<String> header, List<List<String>> rows) {
      if (rows.isEmpty()) {
        paragraph("None.");
        return;
      }
      row(header);
      out.append("|").append("---|".repeat(header.size())).append('\n');
      rows.forEach(this::row);
      out.append('\n');
    }

    private void row(List<String> cells) {
      out.append("| ").append(String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()))
          .append(" |\n");
    }

    @Override
    public void sideBySide(List<String> real, List<String> fake) {
      int first = firstDifference(real, fake);
      out.append("```diff\n");
      for (int i = 0; i < Math.max(real.size(), fake.size()); i++) {
        String r = i < real.size() ? real.get(i) : "<missing>";
        String f = i < fake.size() ? fake.get(i) : "<missing>";
        if (r.equals(f)) {
          out.append("  ").append(r).append('\n');
        } else {
          out.append("- real: ").append(r).append('\n').append("+ fake: ").append(f).append('\n');
          if (i == first) {
            out.append("  ").append(" ".repeat(6 + firstDifference(r, f))).append("^ first difference\n");
          }
        }
      }
      out.append("```\n\n");
    }

    @Override
    public String text() {
      return out.toString();
    }
  }

  /** One static HTML file with its own style sheet. */
  final class Html implements Page {
    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:120em}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:2px 6px;"
        + "text-align:left;vertical-align:top}th{background:#eee}code,pre,.frames td{font-family:monospace;"
        + "font-size:12px;white-space:pre-wrap;word-break:break-all}.differs td{background:#fff3cd}"
        + ".first td{background:#f8d7da}mark{background:#dc3545;color:#fff}";
    private final StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
        + "charset=\"utf-8\"><title>Faktory conformance report</title><style>" + STYLE + "</style></head><body>\n");
    private boolean inList;

    @Override
    public void heading(int level, String text) {
      closeList();
      out.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
    }

    @Override
    public void paragraph(String text) {
      closeList();
      out.append("<p>").append(inline(text)).append("</p>\n");
    }

    @Override
    public void bullet(String text) {
      if (!inList) {
        out.append("<ul>\n");
        inList = true;
      }
      out.append("<li>").append(inline(text)).append("</li>\n");
    }

    @Override
    public void table(List<String> header, List<List<String>> rows) {
      closeList();
      if (rows.isEmpty()) {
        paragraph("None.");
        return;
      }
      out.append("<table><tr>");
      header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
      out.append("</tr>\n");
      for (List<String> row : rows) {
        out.append("<tr>");
        row.forEach(cell -> out.append("<td>").append(escape(cell)).append("</td>"));
        out.append("</tr>\n");
      }
      out.append("</table>\n");
    }

    @Override
    public void sideBySide(List<String> real, List<String> fake) {
      closeList();
      int first = firstDifference(real, fake);
      out.append("<table class=\"frames\"><tr><th>#</th><th>real Faktory</th><th>fake</th></tr>\n");
      for (int i = 0; i < Math.max(real.size(), fake.size()); i++) {
        String r = i < real.size() ? real.get(i) : "<missing>";
        String f = i < fake.size() ? fake.get(i) : "<missing>";
        String type = i == first ? " class=\"first\"" : r.equals(f) ? "" : " class=\"differs\"";
        out.append("<tr").append(type).append("><td>").append(i + 1).append("</td><td>")
            .append(i == first ? marked(r, firstDifference(r, f)) : escape(r)).append("</td><td>")
            .append(i == first ? marked(f, firstDifference(r, f)) : escape(f)).append("</td></tr>\n");
      }
      out.append("</table>\n");
    }

    private static String marked(String line, int at) {
      if (at >= line.length()) {
        return escape(line) + "<mark>⟂</mark>";
      }
      return escape(line.substring(0, at)) + "<mark>" + escape(line.substring(at, at + 1)) + "</mark>"
          + escape(line.substring(at + 1));
    }

    @Override
    public String text() {
      closeList();
      return out + "</body></html>\n";
    }

    private void closeList() {
      if (inList) {
        out.append("</ul>\n");
        inList = false;
      }
    }

    private static String inline(String text) {
      return escape(text).replaceAll("`([^`]+)`", "<code>$1</code>").replaceAll("\\*\\*([^*]+)\\*\\*", "<b>$1</b>");
    }

    private static String escape(String text) {
      return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
  }
}
