using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Statistiktabelle;

namespace Bielefeld.Etl.Tests.Sources.Statistiktabelle;

/// <summary>
/// IT.NRW's real exports of table 13211-03ir for Köln (two vintages), read through samples/pipelines/itnrw-arbeitslose.yml
/// alone: the figures as the files hold them, `...` as missing, footnotes and the Stand line skipped, rows conserved.
/// </summary>
public sealed class ItNrwTableSpecs
{
    private const string Total = "Kontext.itnrw-arbeitslose-koeln";
    private const string Men = "Kontext.itnrw-arbeitslose-koeln-m";
    private const string Women = "Kontext.itnrw-arbeitslose-koeln-w";
    private const string Koeln = "05315000";

    [Fact]
    public void The_2013_vintage_loads_every_reported_month_per_Geschlecht_with_its_Stand_as_Datenstand()
    {
        var (rows, scope, sheet) = StatistiktabellePipelines.ReadAll(StatistiktabellePipelines.Reader(StatistiktabellePipelines.ItNrw), StatistiktabellePipelines.ItNrw2013);

        // 5 title rows, 4 header rows, 14 years (2013 to 2000), 60 footnote rows ending in the Stand line.
        Assert.Equal(new RowCounts(83, 14, 0, 69), StatistiktabellePipelines.Counts(rows));
        var values = StatistiktabellePipelines.Values(rows);
        Assert.Equal((13 * 12 + 9) * 3, values.Count);
        Assert.Equal(51362m, values[(Total, "2013-01", Koeln)].Value);
        Assert.Equal(28345m, values[(Men, "2013-01", Koeln)].Value);
        Assert.Equal(23017m, values[(Women, "2013-01", Koeln)].Value);
        Assert.Equal(50890m, values[(Total, "2013-06", Koeln)].Value);
        Assert.Equal(52652m, values[(Total, "2013-09", Koeln)].Value);
        Assert.Equal(48064m, values[(Total, "2012-12", Koeln)].Value);
        Assert.Equal(56175m, values[(Total, "2000-01", Koeln)].Value);
        Assert.Equal(20256m, values[(Women, "2000-12", Koeln)].Value);
        Assert.All(values.Values, v => Assert.Equal(new DateOnly(2013, 10, 7), v.Vintage));
        Assert.All(values.Values, v => Assert.Equal("itnrw-arbeitslose:13211-03ir", v.SeriesKey));
        Assert.Equal(new DateOnly(2000, 1, 1), scope.FirstMonth);
        Assert.Equal(new DateOnly(2013, 9, 1), scope.LastMonth);
        Assert.Equal(SupersedeMode.PerValue, scope.Mode);
        Assert.Equal("Temporär", sheet);
    }

    [Fact]
    public void Months_shown_as_not_yet_reported_are_missing_never_zero()
    {
        var (rows, _, _) = StatistiktabellePipelines.ReadAll(StatistiktabellePipelines.Reader(StatistiktabellePipelines.ItNrw), StatistiktabellePipelines.ItNrw2013);

        var values = StatistiktabellePipelines.Values(rows);
        foreach (var month in new[] { "2013-10", "2013-11", "2013-12" })
        {
            Assert.False(values.ContainsKey((Total, month, Koeln)));
            Assert.False(values.ContainsKey((Men, month, Koeln)));
        }

        Assert.DoesNotContain(values.Values, v => v.Value == 0m);
        // The 2013 row loads its nine reported months; the row itself counts as loaded.
        var row2013 = Assert.IsType<SourceRow.Accepted>(rows.Single(r => r.Row == 10));
        Assert.Equal(27, row2013.Observations.Count);
    }

    [Fact]
    public void Footnotes_from_the_rule_on_and_the_Stand_line_are_skipped_rows()
    {
        var (rows, _, _) = StatistiktabellePipelines.ReadAll(StatistiktabellePipelines.Reader(StatistiktabellePipelines.ItNrw), StatistiktabellePipelines.ItNrw2014);

        var skipped = rows.OfType<SourceRow.Skipped>().ToDictionary(r => r.Row, r => r.Why);
        Assert.Equal("Titelblock", skipped[5]);
        Assert.Equal("Kopfzeile", skipped[6]);
        Assert.Equal("Kopfzeile", skipped[9]);
        Assert.Equal("Fußnote", skipped[25]);
        Assert.Equal("Fußnote", skipped[26]);
        Assert.Equal("Fußnote", skipped[27]);
        Assert.Equal("Stand der Tabelle", skipped[84]);
        Assert.Equal(Enumerable.Range(25, 59), rows.OfType<SourceRow.Skipped>().Where(r => r.Why == "Fußnote").Select(r => r.Row));
    }

    [Fact]
    public void The_2014_vintage_fills_the_months_the_earlier_one_had_not_reported_and_adds_2014()
    {
        var (rows, scope, _) = StatistiktabellePipelines.ReadAll(StatistiktabellePipelines.Reader(StatistiktabellePipelines.ItNrw), StatistiktabellePipelines.ItNrw2014);

        Assert.Equal(new RowCounts(84, 15, 0, 69), StatistiktabellePipelines.Counts(rows));
        var values = StatistiktabellePipelines.Values(rows);
        Assert.Equal((14 * 12 + 6) * 3, values.Count);
        Assert.Equal(51970m, values[(Total, "2013-10", Koeln)].Value);
        Assert.Equal(51651m, values[(Total, "2013-11", Koeln)].Value);
        Assert.Equal(51706m, values[(Total, "2013-12", Koeln)].Value);
        Assert.Equal(23588m, values[(Women, "2013-12", Koeln)].Value);
        Assert.Equal(51362m, values[(Total, "2013-01", Koeln)].Value);
        Assert.Equal(54197m, values[(Total, "2014-01", Koeln)].Value);
        Assert.Equal(29674m, values[(Men, "2014-01", Koeln)].Value);
        Assert.Equal(52998m, values[(Total, "2014-06", Koeln)].Value);
        Assert.Equal(24267m, values[(Women, "2014-06", Koeln)].Value);
        Assert.False(values.ContainsKey((Total, "2014-07", Koeln)));
        Assert.All(values.Values, v => Assert.Equal(new DateOnly(2014, 7, 21), v.Vintage));
        Assert.Equal(new DateOnly(2014, 6, 1), scope.LastMonth);
    }

    [Fact]
    public void An_export_for_another_Gemeinde_is_refused_with_the_reason()
    {
        using var dir = new TemporaryDirectory();
        var pipeline = dir.File("itnrw-bielefeld.yml");
        File.WriteAllText(pipeline, File.ReadAllText(StatistiktabellePipelines.ItNrw)
            .Replace("area: { code: \"05315000\", name: Köln, title: \"Köln, krfr. Stadt\" }", "area: { code: \"05711000\", name: Bielefeld, title: \"Bielefeld, krfr. Stadt\" }", StringComparison.Ordinal));
        var reader = StatistiktabellePipelines.Reader(pipeline);

        var refusal = Assert.Throws<ExtractFileException>(() => StatistiktabellePipelines.ReadAll(reader, StatistiktabellePipelines.ItNrw2013));

        Assert.Equal(StatistiktabelleReasons.ForeignArea, refusal.Reason);
        Assert.Contains("Bielefeld, krfr. Stadt", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Köln, krfr. Stadt", refusal.Message, StringComparison.Ordinal);
    }
}
