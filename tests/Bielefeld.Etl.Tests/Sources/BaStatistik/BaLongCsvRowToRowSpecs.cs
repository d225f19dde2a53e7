using System.Globalization;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Synthetic.BaStatistik;

namespace Bielefeld.Etl.Tests.Sources.BaStatistik;

/// <summary>
/// The long CSV reader reuses what the row before decoded and resolved, and reads plain numbers without the culture's
/// parser: what it gives must not depend on which row came before or on where the parser's buffer ends.
/// </summary>
public sealed class BaLongCsvRowToRowSpecs : IDisposable
{
    private const string Status = "13.07.2017";
    private const string LoneParents = "Arbeitslose Alleinerziehende SGB II";
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(IEnumerable<BaSpecialEvaluationRow> rows)
    {
        var path = _dir.File("BA_SA_Test_20170714.csv");
        BaSpecialEvaluationWriter.Write(rows, path);
        return path;
    }

    private static BaSpecialEvaluationRow Quarter(string quarter, string value, string month = "201706") =>
        new(month, Status, "Quartier", "", quarter, LoneParents, value);

    private static List<SourceRow> Rows(string path) => BaPipeline.ReadAll(BaPipeline.Reader, path).Rows;

    [Theory]
    [InlineData("0", "0")]
    [InlineData("007", "7")]
    [InlineData("5,0", "5.0")]
    [InlineData("0,00", "0.00")]
    [InlineData("1.234,000", "1234.000")]
    [InlineData("999.999.999.999.999.999", "999999999999999999")]
    [InlineData("1.000.000.000.000.000.000", "1000000000000000000")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    public void A_count_keeps_the_digits_and_decimals_the_German_parser_gives(string value, string expected)
    {
        var observation = Assert.Single(Assert.Single(Rows(Write([Quarter("Sieker", value)])).OfType<SourceRow.Accepted>()).Observations);

        Assert.Equal(expected, observation.Value!.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, GermanValues.Culture), observation.Value);
    }

    [Theory]
    [InlineData("1.23")]
    [InlineData("1234.567")]
    [InlineData("1.234.56")]
    [InlineData("5,")]
    [InlineData(",5")]
    [InlineData("1,2,3")]
    [InlineData("1.234,5.6")]
    [InlineData("\u0661\u0662")]
    [InlineData("k.A.")]
    public void A_value_that_is_no_German_number_is_rejected_with_its_raw_text(string value)
    {
        var problem = Assert.Single(Assert.Single(Rows(Write([Quarter("Sieker", value)])).OfType<SourceRow.Rejected>()).Problems);

        Assert.Equal((2, "Wert", value, "WERT_KEINE_ZAHL"), (problem.Row, problem.Column, problem.RawValue, problem.Reason.Code));
        Assert.Equal($"'{value}' ist weder eine Zahl (1.234 oder 5,9) noch eines der Zeichen * - x . der BA-Statistik.", problem.Message);
    }

    [Fact]
    public void A_row_between_two_equal_rows_is_judged_on_its_own_fields()
    {
        var rows = Rows(Write(
        [
            Quarter("Sieker", "10", "201701"),
            Quarter("Sieker", "11", "201701") with { Merkmal = "Arbeitslose Alleinerziehende SGB III" },
            Quarter("Sieker", "12", "201702"),
            Quarter("Atlantis", "13", "201702"),
            Quarter("Sieker", "14", "201703"),
            Quarter("Sieker", "15", "201703") with { Regionstyp = "Sozialraum" },
            Quarter("Sieker", "16", "201704"),
            Quarter("Baumheide", "17", "201704"),
            Quarter("Sieker", "18", "201705"),
        ]));

        Assert.Equal(
            [(2, "quartier:sieker", 10m), (4, "quartier:sieker", 12m), (6, "quartier:sieker", 14m), (8, "quartier:sieker", 16m), (9, "quartier:baumheide", 17m), (10, "quartier:sieker", 18m)],
            rows.OfType<SourceRow.Accepted>().Select(a => (a.Row, a.Observations[0].AreaCode, a.Observations[0].Value!.Value)));
        Assert.Equal(
            [(3, "Merkmal", "Arbeitslose Alleinerziehende SGB III", "BA_MERKMAL_UNBEKANNT"), (5, "Region", "Atlantis", "BA_REGION_UNBEKANNT"),
                (7, "Regionstyp", "Sozialraum", "BA_REGIONSTYP_UNBEKANNT")],
            rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => (p.Row, p.Column!, p.RawValue!, p.Reason.Code)));
    }

    [Fact]
    public void A_region_or_Regionstyp_first_seen_in_a_row_rejected_for_its_Merkmal_is_resolved_in_the_next_row()
    {
        const string Unknown = "Arbeitslose Alleinerziehende SGB III";
        var rows = Rows(Write(
        [
            Quarter("Sieker", "10", "201701"),
            Quarter("Baumheide", "11", "201701") with { Merkmal = Unknown },
            Quarter("Baumheide", "12", "201702"),
            Quarter("Baumheide", "13", "201703") with { Merkmal = Unknown, Regionstyp = "Stadt", Regionsschluessel = "05711000", Region = "Bielefeld" },
            Quarter("Baumheide", "14", "201703") with { Regionstyp = "Stadt", Regionsschluessel = "05711000", Region = "Bielefeld" },
            Quarter("Sieker", "15", "201704"),
        ]));

        Assert.Equal(
            [(2, "quartier:sieker", 10m), (4, "quartier:baumheide", 12m), (7, "quartier:sieker", 15m)],
            rows.OfType<SourceRow.Accepted>().Select(a => (a.Row, a.Observations[0].AreaCode, a.Observations[0].Value!.Value)));
        Assert.Equal([3, 5], rows.OfType<SourceRow.Rejected>().Select(r => r.Row));
        Assert.Equal((6, "Regionstyp Stadt wird für 'Arbeitslose Alleinerziehende SGB II' nicht geladen"),
            rows.OfType<SourceRow.Skipped>().Where(s => s.Row > 1).Select(s => (s.Row, s.Why)).Single());
    }

    [Fact]
    public void Values_across_the_parsers_buffer_boundaries_are_read_whole()
    {
        // 2,160 rows of about 70 bytes: well past the parser's 64 KiB buffer, so fields end up split across refills.
        string[] quarters = ["Sieker", "Baumheide", "Sennestadt"];
        var written = new List<BaSpecialEvaluationRow>();
        var value = 0;
        for (var year = 1957; year <= 2016; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                foreach (var quarter in quarters)
                {
                    value += 997;
                    written.Add(Quarter(quarter, value.ToString("#,0", GermanValues.Culture), string.Create(CultureInfo.InvariantCulture, $"{year}{month:00}")));
                }
            }
        }

        var path = Write(written);
        var accepted = Rows(path).OfType<SourceRow.Accepted>().ToList();

        Assert.True(new FileInfo(path).Length > 2 * 65536);
        Assert.Equal(2160, accepted.Count);
        Assert.Equal(Enumerable.Range(1, 2160).Select(i => 997m * i), accepted.Select(a => a.Observations[0].Value!.Value));
        Assert.Equal(Enumerable.Range(2, 2160), accepted.Select(a => a.Row));
    }
}
