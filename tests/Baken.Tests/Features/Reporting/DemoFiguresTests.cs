using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;

namespace Baken.Tests.Features.Reporting;

/// <summary>
/// Issue 8's acceptance on the demo: the current year's exit-programme figures for the region are plausible, hide
/// at least one small number, and read the same on the page, in the CSV and in the XLSX file. A demo of its own,
/// because other tests add facts to the shared demo database and would move the regional totals.
/// </summary>
public sealed partial class DemoFiguresTests
{
    private static readonly XNamespace Sheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Theory]
    [Databases]
    public async Task The_demo_years_exit_programme_figures_are_plausible_and_the_same_on_page_csv_and_xlsx(DatabaseProvider provider)
    {
        await using var app = new BakenAppFactory(provider, demo: true);
        using var client = app.NewClient();
        await client.SignInAsync("beleid@baken.example");
        var url = "/Reporting/Figures?table=ExitProgramme";

        var (response, page) = await client.GetPageAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tables = page.QuerySelectorAll("table[data-figure]").Select(Read).ToList();
        tables.Select(t => t.Id).ShouldContain("exit-clients");

        var total = tables.Single(t => t.Id == "exit-clients").Rows.Single(r => r.Label == "Totaal").Cells.Single();
        // The demo starts about 75 exit trajectories a year that run two months to two years: about 80 carried into
        // a year, plus the intakes so far. So about 150 by the end of the year, fewer in January.
        var elapsed = DateTime.UtcNow.DayOfYear / 365.0;
        var expected = 80 + (75 * elapsed);
        var clients = int.Parse(total, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("nl-NL"));
        TestContext.Current.TestOutputHelper?.WriteLine($"exit clients this year: {clients} (expected about {expected:0})");
        clients.ShouldBeInRange((int)(expected * 0.7), (int)(expected * 1.3), $"about {expected:0} clients so far this year at the demo's scale");
        tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).ShouldContain("< 10", "at least one small number is hidden");

        // The CSV: after the chart's series, every table with its rows exactly as the page shows them.
        var csv = await client.GetAsync(url + "&handler=Csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        foreach (var table in tables)
        {
            var header = Array.IndexOf(lines, string.Join(';', [table.RowHeader, .. table.Columns]), Array.FindIndex(lines, l => l == table.Title));
            header.ShouldBeGreaterThan(0, $"table {table.Id} in the CSV");
            lines.Skip(header + 1).Take(table.Rows.Count).ShouldBe(table.Rows.Select(r => string.Join(';', [r.Label, .. r.Cells])), $"rows of {table.Id}");
        }

        // The XLSX: one sheet per table after the chart's sheet; a shown count is a number, a hidden one its mark.
        var xlsx = await client.GetAsync(url + "&handler=Xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            await using var part = zip.GetEntry($"xl/worksheets/sheet{i + 2}.xml")!.Open();
            var rows = XDocument.Load(part).Descendants(Sheet + "row").Select(r => r.Elements(Sheet + "c").Select(CellText).ToList()).ToList();
            rows[0][0].ShouldBe(table.Title);
            var header = rows.FindIndex(r => r.SequenceEqual([table.RowHeader, .. table.Columns]));
            header.ShouldBeGreaterThan(0, $"header of {table.Id} in the XLSX");
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var sheetRow = rows[header + 1 + r];
                sheetRow[0].ShouldBe(table.Rows[r].Label);
                sheetRow.Skip(1).ShouldBe(table.Rows[r].Cells.Select(AsInSheet), $"row {table.Rows[r].Label} of {table.Id}");
            }
        }
    }

    private sealed record PageTable(string Id, string Title, string RowHeader, List<string> Columns, List<PageRow> Rows);

    private sealed record PageRow(string Label, List<string> Cells);

    private static PageTable Read(IElement table)
    {
        var headers = table.QuerySelectorAll("thead th").Select(h => h.TextContent.Trim()).ToList();
        var rows = table.QuerySelectorAll("tbody tr")
            .Select(r => new PageRow(r.QuerySelector("th")!.TextContent.Trim(), [.. r.QuerySelectorAll("td").Select(c => c.TextContent.Trim())]))
            .ToList();
        return new PageTable(table.GetAttribute("data-figure")!, table.QuerySelector("caption")!.TextContent.Trim(), headers[0], headers[1..], rows);
    }

    private static string CellText(XElement cell) =>
        cell.Attribute("t")?.Value == "inlineStr"
            ? cell.Element(Sheet + "is")!.Element(Sheet + "t")!.Value
            : decimal.Parse(cell.Element(Sheet + "v")!.Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A page figure as the sheet holds it: a shown figure as its number ("1.234" is 1234, "12,5" is 12.5 and
    /// "42 dagen" is 42), a hidden one as its mark.
    /// </summary>
    private static string AsInSheet(string text)
    {
        var number = LeadingNumber().Match(text);
        return number.Success
            ? decimal.Parse(number.Value, NumberStyles.Number, CultureInfo.GetCultureInfo("nl-NL")).ToString(CultureInfo.InvariantCulture)
            : text;
    }

    [GeneratedRegex(@"^\d[\d.,]*")]
    private static partial Regex LeadingNumber();
}
