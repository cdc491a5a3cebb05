using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Web.Site;

/// <summary>When an event takes place, as a Dutch reader expects to read it.</summary>
public static class EventWhen
{
    /// <summary>"dinsdag 6 oktober 2020, 19:00 – 21:30"; "vrijdag 9 oktober 2020"; multi-day with "tot".</summary>
    public static string Text(EventContent e)
    {
        var start = DutchTime.ToAmsterdam(e.Start);
        var text = DutchTime.LongDate(start) + (e.AllDay ? "" : ", " + DutchTime.Time(start));
        if (e.End is not { } endValue)
        {
            return text;
        }

        var end = DutchTime.ToAmsterdam(endValue);
        if (end.Date == start.Date)
        {
            return e.AllDay ? text : $"{text} – {DutchTime.Time(end)}";
        }

        return $"{text} tot {DutchTime.LongDate(end)}{(e.AllDay ? "" : ", " + DutchTime.Time(end))}";
    }

    /// <summary>The machine-readable start for a time element.</summary>
    public static string Iso(EventContent e)
    {
        var start = DutchTime.ToAmsterdam(e.Start);
        return e.AllDay ? start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : start.ToString("yyyy-MM-dd'T'HH:mmzzz", System.Globalization.CultureInfo.InvariantCulture);
    }
}
