using System.Text;
using KnowledgePlatform.Web.Events.Registrations;

namespace KnowledgePlatform.Tests.Events.Registrations;

public sealed class RegistrationCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+31 6 1234", "'+31 6 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Gemeente Utrecht", "Gemeente Utrecht")]
    [InlineData("Jansen; de Vries", "\"Jansen; de Vries\"")]
    [InlineData("a-b", "a-b")]
    public void Cells_that_a_spreadsheet_would_run_as_a_formula_are_neutralised(string value, string expected) =>
        Assert.Equal(expected, RegistrationCsv.Cell(value));

    [Fact]
    public void The_file_is_utf8_with_bom_and_crlf_rows()
    {
        var bytes = RegistrationCsv.Write([["Naam", "E-mailadres"], ["Zoë", "=1+1"]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Naam;E-mailadres\r\nZoë;'=1+1\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
