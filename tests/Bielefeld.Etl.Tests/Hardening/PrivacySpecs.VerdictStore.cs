using System.Data.Common;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Warehouse;
using Dapper;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// What the verdicts cost to keep (docs/performance.md, "Attainment at 10 M observations"): <c>fact_geheimhaltung</c>
/// holds the hidden cells only, and a load hides the cells of the indicators it changed by their pending row, so it
/// writes no verdict at all. One verdict row per cell, rewritten for every changed indicator, took 150 s of a 250 s
/// recomputation at 10 M observations; these specs fail if either comes back.
/// </summary>
public abstract partial class PrivacySpecs
{
    [Fact]
    public async Task A_recomputation_keeps_a_verdict_row_for_each_hidden_cell_and_none_for_a_shown_one()
    {
        var (warehouse, run) = await PrepareAsync(Dir.Folder("inbox"));
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        await AddStieghorstAsync(await ObserverAsync(connection));

        await run.RecomputeAsync([Flow, Stock], TestContext.Current.CancellationToken);

        // Eight cells assessed, five hidden: three Quartiere of Flow, two of Stock; the district's figures are shown.
        Assert.Equal(
            [$"{Stock} 2017-01-01 quartier:sieker-mitte", $"{Stock} 2017-01-01 quartier:stieghorst",
             $"{Flow} 2017-01-01 quartier:sieker", $"{Flow} 2017-01-01 quartier:sieker-mitte", $"{Flow} 2017-01-01 quartier:stieghorst"],
            await VerdictRowsAsync(connection));
        Assert.Equal(
            [$"{Stock} 2017-01-01 05711000-08 7", $"{Stock} 2017-02-01 quartier:sieker-mitte 9", $"{Flow} 2017-01-01 05711000-08 6"],
            await ShownCellsAsync(connection));
    }

    [Fact]
    public async Task A_load_writes_no_verdict_and_hides_only_the_indicators_it_changed_until_they_are_assessed()
    {
        var (warehouse, run) = await PrepareAsync(Dir.Folder("inbox"));
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        await AddStieghorstAsync(await ObserverAsync(connection));
        await run.RecomputeAsync([Flow, Stock], TestContext.Current.CancellationToken);
        var assessed = await VerdictRowsAsync(connection);

        // A correction of Flow only: Heepen's February, 5 persons, not a small count.
        var scope = new DeliveryScope("korrektur", null, new DateOnly(2017, 2, 1), new DateOnly(2017, 2, 1)) { Mode = SupersedeMode.PerValue };
        SourceRow[] rows = [new SourceRow.Accepted(1, [new Observation(Flow, new DateOnly(2017, 2, 1), "quartier:heepen", "T", 5m)])];
        var file = new ExtractFile("korrektur", "/inbox/korrektur/heepen.csv", new string('h', 64), 1);
        var loaded = await warehouse.LoadAsync(file, _ => new ExtractReading(scope, rows, null), null, TestContext.Current.CancellationToken);

        Assert.Equal(FileLoadStatus.Loaded, loaded.Status);
        Assert.Equal([Flow], loaded.AffectedIndicators);
        // Not one verdict row written or rewritten: Stock's verdicts stand, Flow's wait for its recomputation.
        Assert.Equal(assessed, await VerdictRowsAsync(connection));
        Assert.Equal(5, assessed.Count);
        // Every cell of Flow is hidden now (the district's 6 too, and the new month); Stock's shown cells stay shown.
        Assert.Equal([$"{Stock} 2017-01-01 05711000-08 7", $"{Stock} 2017-02-01 quartier:sieker-mitte 9"], await ShownCellsAsync(connection));
        Assert.Equal(5L, await connection.ExecuteScalarAsync<long>(
            $"SELECT COUNT(*) FROM {Views}beobachtung WHERE indikator_code = '{Flow}' AND geheimhaltung = 'geheim'"));

        await run.RecomputeAsync(loaded.AffectedIndicators, TestContext.Current.CancellationToken);

        Assert.Equal(assessed, await VerdictRowsAsync(connection));
        Assert.Equal(
            [$"{Stock} 2017-01-01 05711000-08 7", $"{Stock} 2017-02-01 quartier:sieker-mitte 9", $"{Flow} 2017-01-01 05711000-08 6", $"{Flow} 2017-02-01 quartier:heepen 5"],
            await ShownCellsAsync(connection));
    }

    /// <summary>
    /// In Stadtbezirk 08: Flow's Stieghorst and Sieker are 1 each, so Sieker-Mitte's 4 is hidden with them; Stock's
    /// Stieghorst is 2, so Sieker-Mitte's 5 is hidden with it; Stock's February holds no small count.
    /// </summary>
    private static async Task AddStieghorstAsync(Observations observe)
    {
        await observe.Add(Flow, "2017-01-01", "quartier:stieghorst", 1);
        await observe.Add(Flow, "2017-01-01", "quartier:sieker", 1);
        await observe.Add(Flow, "2017-01-01", "quartier:sieker-mitte", 4);
        await observe.Add(Flow, "2017-01-01", "05711000-08", 6);
        await observe.Add(Stock, "2017-01-01", "quartier:stieghorst", 2);
        await observe.Add(Stock, "2017-01-01", "quartier:sieker-mitte", 5);
        await observe.Add(Stock, "2017-01-01", "05711000-08", 7);
        await observe.Add(Stock, "2017-02-01", "quartier:sieker-mitte", 9);
    }

    /// <summary>Every row of <c>fact_geheimhaltung</c> as "indicator month area", in ordinal order.</summary>
    private async Task<List<string>> VerdictRowsAsync(DbConnection connection) =>
        [.. (await connection.QueryAsync<(string Indicator, string Month, string Area)>(
                $"SELECT indikator_code, CAST(monat AS text), bereich_code FROM {Tables}fact_geheimhaltung"))
            .Select(r => $"{r.Indicator} {r.Month[..10]} {r.Area}")
            .Order(StringComparer.Ordinal)];

    /// <summary>The cells <c>rpt.beobachtung</c> shows, as "indicator month area value", in ordinal order.</summary>
    private async Task<List<string>> ShownCellsAsync(DbConnection connection) =>
        [.. (await connection.QueryAsync<(string Indicator, string Month, string Area, double Value)>(
                $"SELECT indikator_code, CAST(monat AS text), bereich_code, wert FROM {Views}beobachtung WHERE geheimhaltung IS NULL"))
            .Select(r => $"{r.Indicator} {r.Month[..10]} {r.Area} {r.Value}")
            .Order(StringComparer.Ordinal)];
}
