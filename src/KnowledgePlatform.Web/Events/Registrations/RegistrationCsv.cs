using System.Text;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// CSV for spreadsheets (semicolon-separated, as Dutch Excel expects; UTF-8 with BOM). Safe to
/// open: a cell starting with = + - @ tab or CR is prefixed with an apostrophe, so a spreadsheet
/// shows it as text instead of running it as a formula (CSV/formula injection).
/// </summary>
public static class RegistrationCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

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
}
