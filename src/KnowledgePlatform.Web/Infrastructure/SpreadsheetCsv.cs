using System.Text;

namespace KnowledgePlatform.Web.Infrastructure;

/// <summary>
/// CSV for spreadsheets (semicolon-separated, as Dutch Excel expects; UTF-8 with BOM). Safe to
/// open: a cell starting with = + - @ tab or CR is prefixed with an apostrophe, so a spreadsheet
/// shows it as text instead of running it as a formula (CSV/formula injection). Shared by every
/// export (registrations, subscribers) and by the subscriber import, which reads what it writes.
/// </summary>
public static class SpreadsheetCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>One record of a file being read: the line it starts on (1-based) and its cells.</summary>
    public sealed record Row(int Line, IReadOnlyList<string> Cells);

    public static byte[] Write(IEnumerable<IReadOnlyList<string?>> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(';', row.Select(Cell)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([';', '"', '\r', '\n', ',']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Undoes <see cref="Cell"/>'s apostrophe, so a file this app exported imports unchanged.</summary>
    public static string Unneutralise(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;

    /// <summary>
    /// Reads RFC 4180 CSV as spreadsheets write it: the separator (semicolon, comma or tab) is the
    /// first of them on the first line, fields may be quoted ("" inside quotes is one quote, and
    /// quoted fields may span lines), a BOM is skipped, empty lines are left out.
    /// </summary>
    public static IReadOnlyList<Row> Read(string text)
    {
        text = text.TrimStart('\uFEFF');
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.IndexOfAny([';', ',', '\t']) is var at and >= 0 ? firstLine[at] : ';';
        var rows = new List<Row>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var (line, startLine, quoted, i) = (1, 1, false, 0);
        while (i < text.Length)
        {
            var c = text[i++];
            if (quoted)
            {
                if (c == '"' && i < text.Length && text[i] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i < text.Length && text[i] == '\n')
                {
                    i++;
                }

                End();
                line++;
                startLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        End();
        return rows;

        void End()
        {
            cells.Add(cell.ToString());
            cell.Clear();
            if (cells.Any(x => x.Length > 0))
            {
                rows.Add(new Row(startLine, [.. cells]));
            }

            cells = [];
        }
    }
}
