using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;

namespace Bielefeld.Etl.Tests.Sources.Statistiktabelle;

/// <summary>
/// Statistikamt Nord's real Stadtteilprofile workbook (Hamburg) through the same engine as IT.NRW's tables, described
/// by a test-only pipeline file: areas from the first column, a three-row merged header, `.` as not available, the
/// Bezirke and Hamburg recognised as totals.
/// </summary>
public sealed class StatistikamtNordTableSpecs
{
    [Fact]
    public void Stadtteile_load_their_figures_and_the_city_total_loads_as_Hamburg()
    {
        var (rows, scope, sheet) = StatistiktabellePipelines.ReadAll(
            StatistiktabellePipelines.Reader(StatistiktabellePipelines.StatistikamtNord), StatistiktabellePipelines.Hamburg);

        // 1 title row, 3 header rows, 99 Stadtteile (5 mapped), 7 Bezirke, Hamburg, 2 blank rows.
        Assert.Equal(new RowCounts(113, 6, 0, 107), StatistiktabellePipelines.Counts(rows));
        var values = StatistiktabellePipelines.Values(rows);
        Assert.Equal(71m, values[("Kontext.hh-arbeitslose", "2013-12", "hamburg:hamburg-altstadt")].Value);
        Assert.Equal(186m, values[("Kontext.hh-sgb2", "2013-12", "hamburg:hamburg-altstadt")].Value);
        Assert.Equal(106m, values[("Kontext.hh-bg", "2013-12", "hamburg:hamburg-altstadt")].Value);
        Assert.Equal(40m, values[("Kontext.hh-alleinerziehende", "2013-12", "hamburg:hamburg-altstadt")].Value);
        Assert.Equal(5.4m, values[("Kontext.hh-arbeitslosenanteil", "2013-12", "hamburg:hamburg-altstadt")].Value);
        Assert.Equal(14m, values[("Kontext.hh-arbeitslose", "2013-12", "hamburg:hafencity")].Value);
        Assert.Equal(6465m, values[("Kontext.hh-preis-etw", "2014-01", "hamburg:hafencity")].Value);
        Assert.Equal(4427m, values[("Kontext.hh-arbeitslose", "2013-12", "hamburg:billstedt")].Value);
        Assert.Equal(9.6m, values[("Kontext.hh-arbeitslosenanteil", "2013-12", "hamburg:billstedt")].Value);
        Assert.Equal(7461m, values[("Kontext.hh-bg", "2013-12", "hamburg:billstedt")].Value);
        Assert.Equal(143m, values[("Kontext.hh-sgb2", "2013-12", "hamburg:blankenese")].Value);
        Assert.Equal(71125m, values[("Kontext.hh-arbeitslose", "2013-12", "hamburg")].Value);
        Assert.Equal(178824m, values[("Kontext.hh-sgb2", "2013-12", "hamburg")].Value);
        Assert.Equal(6 * 6 - 1, values.Count);
        Assert.All(values.Values, v => Assert.Null(v.Vintage));
        Assert.Equal((new DateOnly(2013, 12, 1), new DateOnly(2014, 1, 1), SupersedeMode.FullSnapshot), (scope.FirstMonth, scope.LastMonth, scope.Mode));
        Assert.Equal("Stadtteilprofile 2014", sheet);
    }

    [Fact]
    public void A_figure_marked_not_available_is_missing_never_zero()
    {
        var (rows, _, _) = StatistiktabellePipelines.ReadAll(
            StatistiktabellePipelines.Reader(StatistiktabellePipelines.StatistikamtNord), StatistiktabellePipelines.Hamburg);

        var values = StatistiktabellePipelines.Values(rows);
        Assert.False(values.ContainsKey(("Kontext.hh-preis-etw", "2014-01", "hamburg:hamburg-altstadt")));
        var altstadt = Assert.IsType<SourceRow.Accepted>(rows.Single(r => r.Row == 5));
        Assert.Equal(5, altstadt.Observations.Count);
    }

    [Fact]
    public void A_Stadtteil_named_like_its_Bezirk_is_a_detail_row_and_the_Bezirk_a_skipped_total()
    {
        var (rows, _, _) = StatistiktabellePipelines.ReadAll(
            StatistiktabellePipelines.Reader(StatistiktabellePipelines.StatistikamtNord), StatistiktabellePipelines.Hamburg);

        var values = StatistiktabellePipelines.Values(rows);
        Assert.Equal(1935m, values[("Kontext.hh-arbeitslose", "2013-12", "hamburg:eimsbuettel")].Value);
        var skipped = rows.OfType<SourceRow.Skipped>().ToDictionary(r => r.Row, r => r.Why);
        Assert.Equal(Enumerable.Repeat("Summenzeile", 7), Enumerable.Range(104, 7).Select(r => skipped[r]));
        Assert.Equal("Gebiet nicht zugeordnet", skipped[76]); // Bergedorf, the Stadtteil
        Assert.Equal(["Leerzeile", "Leerzeile"], [skipped[112], skipped[113]]);
    }
}
