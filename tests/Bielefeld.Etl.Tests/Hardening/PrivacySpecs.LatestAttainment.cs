using System.Globalization;
using Bielefeld.Etl.Attainment;
using Dapper;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// The latest attainment (what <c>run</c> prints, the nightly summary compares and the dashboard shows) is kept when
/// attainment is recomputed instead of being computed over the view per read: it must stay exactly what the view
/// publishes, hidden cells and pending indicators included.
/// </summary>
public abstract partial class PrivacySpecs
{
    [Fact]
    public async Task The_latest_attainment_is_the_views_latest_shown_month_with_hidden_cells_over_several_months_and_none_of_a_pending_indicator()
    {
        var ct = TestContext.Current.CancellationToken;
        var (warehouse, run) = await PrepareAsync(Dir.Folder("inbox"));
        await using var connection = await warehouse.OpenAsync(ct);
        var observe = await ObserverAsync(connection);
        foreach (var (indicator, counts) in new[] { (Flow, FlowCounts), (Stock, StockCounts) })
        {
            foreach (var (area, values) in counts)
            {
                for (var m = 0; m < values.Length; m++)
                {
                    await observe.Add(indicator, Months[m], area, values[m]);
                }
            }
        }

        await run.RecomputeAsync([Flow, Stock], ct);
        var shown = await LatestOverTheViewAsync();
        var kept = await KeptAsync();

        Assert.Equal(shown, kept);
        // Hidden months are never anyone's latest: Heepen's flow is hidden from February on (1 is small, and the
        // running total after it would give it back), so its latest shown month is January with 5; Baumheide's stock
        // (7, 0, 5) shows February: March's 5 is hidden beside Heepen's 1 (secondary suppression); Stieghorst (1 in
        // January) shows no month at all.
        Assert.Contains(kept, k => k is { Indicator: Flow, Area: "Heepen", Month: "2017-01-01", Actual: 5, Status: "gruen" });
        Assert.Contains(kept, k => k.Indicator == Stock && k.Area == "Baumheide" && k.Month == "2017-02-01" && k.Actual == 0);
        Assert.DoesNotContain(kept, k => k.Indicator == Flow && k.Area == "Stieghorst");
        Assert.DoesNotContain(kept, k => k.Status == "geheim" || k.Actual is null);
        // The flow's running total in Mitte (no Quartier figures, 20 + 25 + 30 + 35) shows April; Kammerich shows January's 0.
        Assert.Equal(["Baumheide", "Heepen", "Kammerich", "Mitte"], kept.Where(k => k.Indicator == Flow).Select(k => k.Area));
        Assert.Contains(kept, k => k is { Indicator: Flow, Area: "Mitte", Month: "2017-04-01", Actual: 110 });

        // A load that changes the flow leaves it pending: the view shows none of its months, nor does the latest read.
        await connection.ExecuteAsync(
            $"INSERT INTO {Tables}zielerreichung_ausstehend (datei_id, indikator_code) SELECT MAX(datei_id), '{Flow}' FROM {Tables}load_file");
        var pending = await KeptAsync();

        Assert.Equal(await LatestOverTheViewAsync(), pending);
        Assert.DoesNotContain(pending, k => k.Indicator == Flow);
        Assert.Equal(kept.Where(k => k.Indicator != Flow), pending);

        // The old full computation: per indicator and area the latest month whose actual the view shows, that month's row.
        async Task<List<Latest>> LatestOverTheViewAsync() =>
        [
            .. (await connection.QueryAsync<(string, string, string, double?, double?, double?, double?, string)>(
                $"""
                SELECT z.indikator_code, z.bereich, CAST(z.monat AS text), CAST(z.istwert AS double precision), CAST(z.zielwert AS double precision),
                       CAST(z.zielpfad AS double precision), CAST(z.zielerreichungsgrad AS double precision), z.status
                FROM {Views}zielerreichung z
                JOIN (SELECT indikator_code, bereich_code, MAX(monat) AS monat FROM {Views}zielerreichung WHERE istwert IS NOT NULL
                      GROUP BY indikator_code, bereich_code) l ON l.indikator_code = z.indikator_code AND l.bereich_code = z.bereich_code AND l.monat = z.monat
                """))
            .Select(r => new Latest(r.Item1, r.Item2, r.Item3[..10], AsRead(r.Item4), AsRead(r.Item5), AsRead(r.Item6), AsRead(r.Item7), r.Item8))
            .Order(),
        ];

        async Task<List<Latest>> KeptAsync() =>
        [
            .. (await warehouse.LatestAttainmentAsync(ct))
                .Select(r => new Latest(r.IndikatorCode, r.Bereich, r.Monat.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    (double?)r.Istwert, (double?)r.Zielwert, (double?)r.Zielpfad, (double?)r.Zielerreichungsgrad, r.Status.ToReportName()))
                .Order(),
        ];
    }

    /// <summary>A figure as the provider hands it on: read as a double (as the view's query casts it), typed as a decimal (AttainmentRow).</summary>
    protected virtual double? AsRead(double? value) => (double?)(decimal?)value;

    /// <summary>One latest figure, every column the latest read gives (the area by name, as it reads it).</summary>
    private sealed record Latest(string Indicator, string Area, string Month, double? Actual, double? Target, double? Path, double? Degree, string Status)
        : IComparable<Latest>
    {
        public int CompareTo(Latest? other) => string.CompareOrdinal(ToString(), other?.ToString());
    }
}
