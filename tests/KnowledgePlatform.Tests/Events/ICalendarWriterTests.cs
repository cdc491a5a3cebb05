using System.Text;
using KnowledgePlatform.Web.Events;

namespace KnowledgePlatform.Tests.Events;

/// <summary>The content-line rules of RFC 5545 that calendar clients are strict about.</summary>
public sealed class ICalendarWriterTests
{
    private const string LongDutchText =
        "Op de één na laatste bijeenkomst van ‘Patronen doorbreken’ spreken wethouders, cliëntenraden en " +
        "financiële experts over coöperatie, geïnformeerde zorg en reïntegratie — met café-gesprekken 🎉 " +
        "in het Stadhuis; koffie, thee & taart; en een \\ backslash.\nTweede regel: één, twee; drie.";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public void Text_values_escape_backslash_semicolon_comma_and_line_breaks()
    {
        Assert.Equal(@"a\\b\;c\,d\ne\nf\ng", ICalendarWriter.EscapeText("a\\b;c,d\ne\r\nf\rg"));
    }

    [Fact]
    public void Control_characters_are_dropped_from_text_but_tabs_kept()
    {
        Assert.Equal("ab\tc", ICalendarWriter.EscapeText("a\u0007b\tc\u0000"));
    }

    [Fact]
    public void Lines_end_in_crlf_and_are_folded_at_75_octets_without_splitting_a_character()
    {
        var text = new ICalendarWriter().Text("DESCRIPTION", LongDutchText).ToString();

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.True(lines.Length > 3, "the long text should be folded over several lines");
        Assert.All(lines, line =>
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            Assert.True(bytes.Length <= 75, $"{bytes.Length} octets: {line}");
            StrictUtf8.GetString(bytes); // each physical line is valid UTF-8 on its own
        });
        Assert.All(lines.Skip(1), line => Assert.StartsWith(" ", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Unfolding_gives_back_the_escaped_line()
    {
        var text = new ICalendarWriter().Text("DESCRIPTION", LongDutchText).ToString();

        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Equal("DESCRIPTION:" + ICalendarWriter.EscapeText(LongDutchText) + "\r\n", unfolded);
    }

    [Fact]
    public void A_line_of_exactly_75_octets_is_not_folded()
    {
        var value = new string('x', 75 - "SUMMARY:".Length);
        Assert.Equal($"SUMMARY:{value}\r\n", new ICalendarWriter().Raw("SUMMARY", value).ToString());
        Assert.Equal($"SUMMARY:{value}\r\n y\r\n", new ICalendarWriter().Raw("SUMMARY", value + "y").ToString());
    }

    [Fact]
    public async Task A_long_multibyte_description_reads_back_exactly_in_ical_js()
    {
        var e = Sample() with { Description = LongDutchText, Summary = "Bijeenkomst ‘één’; café, thee 🎉" };

        var parsed = await ICalJs.ParseAsync(EventCalendarFile.Write("Agenda", [e], DateTimeOffset.UtcNow));

        var read = Assert.Single(parsed.Events);
        Assert.Equal(LongDutchText, read.Description);
        Assert.Equal("Bijeenkomst ‘één’; café, thee 🎉", read.Summary);
    }

    [Fact]
    public async Task All_day_events_are_dates_with_an_exclusive_end()
    {
        var oneDay = Sample() with { Uid = "a@test", AllDay = true, Start = new(2020, 10, 9, 0, 0, 0, TimeSpan.FromHours(2)), End = null };
        var twoDays = oneDay with { Uid = "b@test", End = new(2020, 10, 10, 0, 0, 0, TimeSpan.FromHours(2)) };

        var parsed = await ICalJs.ParseAsync(EventCalendarFile.Write("Agenda", [oneDay, twoDays], DateTimeOffset.UtcNow));

        Assert.All(parsed.Events, e => Assert.True(e.Start.IsDate && e.End!.IsDate));
        Assert.Equal(("2020-10-09", "2020-10-10"), (parsed.Events[0].Start.Local, parsed.Events[0].End!.Local));
        Assert.Equal(("2020-10-09", "2020-10-11"), (parsed.Events[1].Start.Local, parsed.Events[1].End!.Local));
    }

    [Fact]
    public void Stamp_is_utc()
    {
        var text = EventCalendarFile.Write("Agenda", [Sample()], new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)));

        Assert.Contains("\r\nDTSTAMP:20260102T020405Z\r\n", text, StringComparison.Ordinal);
    }

    internal static CalendarEvent Sample() => new(
        Uid: "sample@kennisplatform.example", Sequence: 1, Summary: "Bijeenkomst",
        Start: new DateTimeOffset(2030, 3, 12, 13, 30, 0, TimeSpan.FromHours(1)), End: null, AllDay: false,
        Description: null, Location: null, Url: new Uri("https://kennisplatform.example/agenda/x"), Cancelled: false);
}
