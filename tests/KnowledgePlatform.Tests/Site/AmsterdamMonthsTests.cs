using System.Globalization;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Site;

namespace KnowledgePlatform.Tests.Site;

/// <summary>The agenda counts and filters Amsterdam months in SQL, which knows no time zones.</summary>
public sealed class AmsterdamMonthsTests
{
    private static string Expected(DateTime utc) => DutchTime.ToAmsterdam(utc).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public void Buckets_of_utc_plus_one_and_two_hours_give_the_amsterdam_month_for_every_quarter_hour_of_twenty_years()
    {
        for (var utc = new DateTime(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc); utc.Year < 2035; utc = utc.AddMinutes(15))
        {
            // What the database computes: the UTC year and month of start + 1 h and start + 2 h.
            var (plusOne, plusTwo) = (utc.AddHours(1), utc.AddHours(2));
            var bucket = new AmsterdamMonths.Bucket(plusOne.Year, plusOne.Month, plusTwo.Year, plusTwo.Month, 1);
            Assert.True(Expected(utc) == AmsterdamMonths.MonthOf(bucket), $"{utc:O}: {Expected(utc)} expected, {AmsterdamMonths.MonthOf(bucket)} given");
        }
    }

    [Theory]
    [InlineData("2020-10", "2020-09-30T22:00:00Z", "2020-10-31T23:00:00Z")] // summer time to winter time
    [InlineData("2021-01", "2020-12-31T23:00:00Z", "2021-01-31T23:00:00Z")]
    [InlineData("2021-03", "2021-02-28T23:00:00Z", "2021-03-31T22:00:00Z")] // winter time to summer time
    public void A_month_is_the_utc_range_from_its_first_to_the_next_months_first_midnight_in_amsterdam(string month, string from, string to)
    {
        var range = AmsterdamMonths.Range(month);
        Assert.Equal((DateTime.Parse(from, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), DateTime.Parse(to, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)), range);
    }

    [Theory]
    [InlineData("2020-13")]
    [InlineData("oktober")]
    [InlineData("9999-12")]
    [InlineData("")]
    public void A_value_that_is_no_month_has_no_range(string value) => Assert.Null(AmsterdamMonths.Range(value));

    [Fact]
    public void Counts_add_up_buckets_of_the_same_month()
    {
        var counts = AmsterdamMonths.Count([new(2020, 10, 2020, 10, 3), new(2020, 9, 2020, 10, 2), new(2020, 11, 2020, 11, 1)]);
        // 30 September 22:00–23:00 UTC is already October in Amsterdam (summer time, UTC+2).
        Assert.Equal(new Dictionary<string, int> { ["2020-10"] = 5, ["2020-11"] = 1 }, counts);
    }
}
