using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace KnowledgePlatform.Web.Site;

/// <summary>Where a list page is: the current page number (from 1) and how many pages there are.</summary>
public sealed record PageNumbers(int Current, int Count);

/// <summary>One page of a longer list.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Number, int Total)
{
    public PageNumbers Numbers => new(Number, Paging.PageCount(Total));

    /// <summary>False for a page past the end: the page answers 404 rather than an empty list.</summary>
    public bool Exists => Number >= 1 && Number <= Numbers.Count;
}

/// <summary>The one paging rule of the public lists: 12 per page, <c>?pagina=2</c>.</summary>
public static class Paging
{
    public const int PageSize = 12;
    public const string QueryKey = "pagina";

    /// <summary>A list always has a first page, even when it is empty.</summary>
    public static int PageCount(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>The requested page: 1 when absent, 0 (which does not exist) when not a positive number.</summary>
    public static int Requested(StringValues value) =>
        StringValues.IsNullOrEmpty(value) ? 1
        : int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 ? page
        : 0;

    public static PageOf<T> Slice<T>(IReadOnlyList<T> all, int number) =>
        new([.. all.Skip((Math.Max(number, 1) - 1) * PageSize).Take(PageSize)], number, all.Count);
}
