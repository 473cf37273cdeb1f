using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Baken.Features.Reporting.Export;

namespace Baken.Tests.Features.Reporting;

public sealed class ExportWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static readonly XNamespace ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";

    private static ExportTable Intake(string title = "Instroom naar verwijzer") => new(
        title,
        "2026, hele regio",
        "Verwijzer",
        ["K1", "K2"],
        [
            new ExportRow("Politie", [new ExportCell("12", 12), new ExportCell("< 10")]),
            new ExportRow("Zorg", [new ExportCell("1.234", 1234), new ExportCell("2,5", 2.5m)]),
            new ExportRow("Totaal", [new ExportCell("—"), new ExportCell("40", 40)]),
        ],
        ["Aantallen onder 10 tonen we als \"< 10\"."]);

    // ---- CSV ----

    [Fact]
    public void Csv_is_utf8_with_a_bom_semicolons_and_crlf_in_the_layout_of_the_page()
    {
        var bytes = Csv([Intake()]);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Text(bytes).ShouldBe(
            "Instroom naar verwijzer\r\n"
            + "2026, hele regio\r\n"
            + "Verwijzer;K1;K2\r\n"
            + "Politie;12;< 10\r\n"
            + "Zorg;1.234;2,5\r\n"
            + "Totaal;—;40\r\n"
            + "\"Aantallen onder 10 tonen we als \"\"< 10\"\".\"\r\n");
    }

    [Fact]
    public void Csv_quotes_separators_quotes_and_line_breaks_and_puts_one_empty_line_between_tables()
    {
        var table = Intake("Instroom; \"nieuw\"") with { ColumnHeaders = ["K1\nvoorlopig", "K2"] };

        var lines = Text(Csv([table, Intake("Tweede")])).Split("\r\n");

        lines[0].ShouldBe("\"Instroom; \"\"nieuw\"\"\"");
        lines[2].ShouldBe("Verwijzer;\"K1\nvoorlopig\";K2");
        lines[7].ShouldBe("");
        lines[8].ShouldBe("Tweede");
        lines.Count(l => l.Length == 0).ShouldBe(2, "one between the tables and the one after the last CRLF");
    }

    [Fact]
    public void Csv_defuses_text_a_spreadsheet_would_run_as_a_formula_but_leaves_suppressed_figures_alone()
    {
        var table = new ExportTable(
            "=HYPERLINK(\"http://x\";\"klik\")", "+31 6", "@SUM(A1)", ["-5", "\tTab"],
            [new ExportRow("\rRegel", [new ExportCell("< 10"), new ExportCell("—")])], []);

        var lines = Text(Csv([table])).Split("\r\n");

        lines[0].ShouldBe("\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\"");
        lines[1].ShouldBe("'+31 6");
        lines[2].ShouldBe("'@SUM(A1);'-5;'\tTab");
        lines[3].ShouldBe("\"'\rRegel\";< 10;—");
    }

    // ---- XLSX ----

    [Fact]
    public void Xlsx_holds_every_required_part_with_content_types_and_relationships_that_match()
    {
        var parts = Xlsx([Intake(), Intake("Uitstroom")]);

        parts.Keys.ShouldBe(
            ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
             "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"],
            ignoreOrder: true);
        var overrides = parts["[Content_Types].xml"].Root!.Elements(ContentTypes + "Override").Select(o => (string)o.Attribute("PartName")!);
        overrides.ShouldBe(["/xl/workbook.xml", "/xl/styles.xml", "/docProps/core.xml", "/xl/worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml"], ignoreOrder: true);
        Targets(parts["_rels/.rels"]).ShouldBe(["xl/workbook.xml", "docProps/core.xml"], ignoreOrder: true);

        var relationships = parts["xl/_rels/workbook.xml.rels"].Root!.Elements(PackageRel + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var sheets = parts["xl/workbook.xml"].Root!.Element(Main + "sheets")!.Elements(Main + "sheet").ToList();
        sheets.Select(s => relationships[(string)s.Attribute(Rel + "id")!]).ShouldBe(["worksheets/sheet1.xml", "worksheets/sheet2.xml"]);
        relationships.Values.ShouldContain("styles.xml");
    }

    [Fact]
    public void Xlsx_core_properties_carry_the_title_and_Baken_as_creator_and_no_dates()
    {
        var core = Xlsx([Intake()])["docProps/core.xml"].Root!;
        XNamespace dc = "http://purl.org/dc/elements/1.1/";

        core.Element(dc + "title")!.Value.ShouldBe("Instroom naar verwijzer");
        core.Element(dc + "creator")!.Value.ShouldBe("Baken");
        core.Elements().Count().ShouldBe(2);
    }

    [Fact]
    public void Xlsx_writes_exact_figures_as_numbers_and_suppressed_ones_as_text_in_the_layout_of_the_page()
    {
        var sheet = Xlsx([Intake()])["xl/worksheets/sheet1.xml"];

        Value(sheet, "A1").ShouldBe("Instroom naar verwijzer");
        Value(sheet, "A2").ShouldBe("2026, hele regio");
        Value(sheet, "C3").ShouldBe("K2");
        Cell(sheet, "A1").Attribute("s")!.Value.ShouldBe("1", "titles are bold");
        Cell(sheet, "B3").Attribute("s")!.Value.ShouldBe("1", "headers are bold");

        Cell(sheet, "B4").Attribute("t").ShouldBeNull();
        Cell(sheet, "B4").Element(Main + "v")!.Value.ShouldBe("12");
        Cell(sheet, "C4").Attribute("t")!.Value.ShouldBe("inlineStr");
        Value(sheet, "C4").ShouldBe("< 10");
        Cell(sheet, "B5").Element(Main + "v")!.Value.ShouldBe("1234");
        Cell(sheet, "C5").Element(Main + "v")!.Value.ShouldBe("2.5", "invariant culture, whatever the server's");
        Value(sheet, "B6").ShouldBe("—");
        Value(sheet, "A7").ShouldBe("Aantallen onder 10 tonen we als \"< 10\".");

        sheet.Root!.Element(Main + "dimension")!.Attribute("ref")!.Value.ShouldBe("A1:C7");
        sheet.Root.Elements().Select(e => e.Name.LocalName).ShouldBe(["dimension", "cols", "sheetData"], "ECMA-376 order");
        var firstColumn = sheet.Root.Element(Main + "cols")!.Elements().First();
        double.Parse(firstColumn.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(20);
    }

    [Fact]
    public void Xlsx_sheet_names_lose_forbidden_characters_stay_within_31_characters_and_are_unique()
    {
        const string LongTitle = "Afsluitingen naar uitkomst [exit]: per kwartaal/organisatie?";

        var names = Xlsx([Intake(LongTitle), Intake(LongTitle), Intake("History"), Intake("*?")])["xl/workbook.xml"]
            .Root!.Element(Main + "sheets")!.Elements().Select(s => (string)s.Attribute("name")!).ToList();

        names.ShouldBe(["Afsluitingen naar uitkomst exit", "Afsluitingen naar uitkomst (2)", "History (2)", "Tabel"]);
        names.ShouldAllBe(n => n.Length <= 31 && !"[]:*?/\\".Any(n.Contains));
    }

    [Fact]
    public void Xlsx_cell_references_go_on_past_Z()
    {
        var headers = Enumerable.Range(1, 30).Select(i => $"Kolom {i}").ToList();
        var table = new ExportTable("Breed", "2026", "Rij", headers,
            [new ExportRow("Eerste", headers.Select((_, i) => new ExportCell($"{i}", i)).ToList())], []);

        var sheet = Xlsx([table])["xl/worksheets/sheet1.xml"];

        var references = sheet.Descendants(Main + "row").Single(r => (string)r.Attribute("r")! == "4")
            .Elements(Main + "c").Select(c => (string)c.Attribute("r")!).ToList();
        references.Count.ShouldBe(31);
        references.Skip(25).ShouldBe(["Z4", "AA4", "AB4", "AC4", "AD4", "AE4"]);
        Value(sheet, "AE3").ShouldBe("Kolom 30");
        sheet.Root!.Element(Main + "dimension")!.Attribute("ref")!.Value.ShouldBe("A1:AE4");
        XlsxWorksheet.ColumnName(701).ShouldBe("ZZ");
        XlsxWorksheet.ColumnName(702).ShouldBe("AAA");
    }

    [Fact]
    public void Xlsx_escapes_angle_brackets_and_ampersands()
    {
        var bytes = XlsxBytes([Intake("Jongeren < 18 & ouders")]);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var raw = reader.ReadToEnd();
        raw.ShouldContain("Jongeren &lt; 18 &amp; ouders");
        raw.ShouldContain(">&lt; 10<");
        Value(XDocument.Parse(raw), "A1").ShouldBe("Jongeren < 18 & ouders");
        Parts(bytes)["xl/workbook.xml"].Descendants(Main + "sheet").Single().Attribute("name")!.Value.ShouldBe("Jongeren < 18 & ouders");
    }

    [Fact]
    public void Xlsx_gives_the_same_bytes_for_the_same_tables()
    {
        var first = XlsxBytes([Intake(), Intake("Uitstroom")]);

        first.ShouldBe(XlsxBytes([Intake(), Intake("Uitstroom")]));
        using var zip = new ZipArchive(new MemoryStream(first));
        zip.Entries.ShouldAllBe(e => e.LastWriteTime.Year == 2000, "a fixed time, not the clock, which two quick writes could share by luck");
    }

    [Fact]
    public void Xlsx_refuses_an_empty_workbook()
    {
        Should.Throw<ArgumentException>(() => XlsxBytes([]));
    }

    private static byte[] Csv(IReadOnlyList<ExportTable> tables)
    {
        using var stream = new MemoryStream();
        CsvExport.Write(stream, tables);
        return stream.ToArray();
    }

    private static string Text(byte[] csv) => new UTF8Encoding(false).GetString(csv, 3, csv.Length - 3);

    private static byte[] XlsxBytes(IReadOnlyList<ExportTable> tables)
    {
        using var stream = new MemoryStream();
        XlsxExport.Write(stream, tables);
        return stream.ToArray();
    }

    private static Dictionary<string, XDocument> Xlsx(IReadOnlyList<ExportTable> tables) => Parts(XlsxBytes(tables));

    private static Dictionary<string, XDocument> Parts(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            return XDocument.Load(stream);
        });
    }

    private static IEnumerable<string> Targets(XDocument relationships) =>
        relationships.Root!.Elements(PackageRel + "Relationship").Select(r => (string)r.Attribute("Target")!);

    private static XElement Cell(XDocument sheet, string reference) =>
        sheet.Descendants(Main + "c").Single(c => (string)c.Attribute("r")! == reference);

    private static string Value(XDocument sheet, string reference)
    {
        var cell = Cell(sheet, reference);
        return (string?)cell.Attribute("t") == "inlineStr" ? cell.Element(Main + "is")!.Element(Main + "t")!.Value : cell.Element(Main + "v")!.Value;
    }
}
