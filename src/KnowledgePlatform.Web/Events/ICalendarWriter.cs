using System.Text;

namespace KnowledgePlatform.Web.Events;

/// <summary>
/// Writes iCalendar (RFC 5545) content lines: CRLF endings, lines folded at 75 octets without
/// splitting a UTF-8 sequence, and TEXT values escaped. Knows nothing of events; see
/// <see cref="EventCalendarFile"/> for what goes in.
/// </summary>
public sealed class ICalendarWriter
{
    /// <summary>RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break."</summary>
    public const int MaxLineOctets = 75;

    private readonly StringBuilder output = new();

    public ICalendarWriter Begin(string component) => Raw("BEGIN", component);

    public ICalendarWriter End(string component) => Raw("END", component);

    /// <summary>A property whose value is already in its iCalendar form (dates, numbers, URIs, enumerations).</summary>
    /// <param name="nameAndParameters">"DTSTART;TZID=Europe/Amsterdam", "URL", …</param>
    public ICalendarWriter Raw(string nameAndParameters, string value)
    {
        AppendFolded(output, $"{nameAndParameters}:{value}");
        return this;
    }

    /// <summary>A TEXT property (SUMMARY, DESCRIPTION, LOCATION): escaped; left out when empty.</summary>
    public ICalendarWriter Text(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Raw(name, EscapeText(value.Trim()));
        }

        return this;
    }

    public override string ToString() => output.ToString();

    /// <summary>
    /// RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, line breaks become "\n".
    /// Other control characters are not allowed in TEXT at all, so they are dropped.
    /// </summary>
    public static string EscapeText(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\r':
                    escaped.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n': escaped.Append(@"\n"); break;
                case '\t': escaped.Append(c); break;
                default:
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Appends one content line, folded: after at most 75 octets a CRLF and a space, and the space
    /// counts towards the next line's 75. Folding walks whole Unicode scalars (a surrogate pair is
    /// one 4-byte UTF-8 sequence), so a multibyte character is never cut in two.
    /// </summary>
    internal static void AppendFolded(StringBuilder output, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append("\r\n");
    }
}
