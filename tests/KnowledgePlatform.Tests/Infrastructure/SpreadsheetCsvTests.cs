using System.Text;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Tests.Infrastructure;

public sealed class SpreadsheetCsvTests
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
        Assert.Equal(expected, SpreadsheetCsv.Cell(value));

    [Fact]
    public void The_file_is_utf8_with_bom_and_crlf_rows()
    {
        var bytes = SpreadsheetCsv.Write([["Naam", "E-mailadres"], ["Zoë", "=1+1"]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Naam;E-mailadres\r\nZoë;'=1+1\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void What_is_written_reads_back_cell_for_cell_with_the_line_each_record_starts_on()
    {
        string?[][] rows = [["E-mailadres", "Naam"], ["a@example.nl", "Jansen; \"de\" Vries"], ["b@example.nl", "twee\r\nregels"], ["c@example.nl", "=1+1"]];
        var read = SpreadsheetCsv.Read(Encoding.UTF8.GetString(SpreadsheetCsv.Write(rows)));

        Assert.Equal([1, 2, 3, 5], read.Select(r => r.Line));
        Assert.Equal("Jansen; \"de\" Vries", read[1].Cells[1]);
        Assert.Equal("twee\r\nregels", read[2].Cells[1]);
        Assert.Equal("=1+1", SpreadsheetCsv.Unneutralise(read[3].Cells[1]));
        Assert.Equal("'t Hooft", SpreadsheetCsv.Unneutralise("'t Hooft"));
    }

    [Fact]
    public void A_comma_separated_file_with_empty_lines_is_read_too()
    {
        var read = SpreadsheetCsv.Read("email,naam\n\na@example.nl,\"Piet, de\"\n");
        Assert.Equal([1, 3], read.Select(r => r.Line));
        Assert.Equal(["a@example.nl", "Piet, de"], read[1].Cells);
    }
}
