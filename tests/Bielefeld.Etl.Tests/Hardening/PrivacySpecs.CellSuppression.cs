using System.Data.Common;
using System.Globalization;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Sources.Meldebogen;
using Bielefeld.Etl.Tests.Sources.Meldebogen;
using Bielefeld.Etl.Warehouse;
using Dapper;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// Small counts cannot be recovered from any combination of the reporting views (docs/data-dictionary.md, "Small
/// counts"): crafted counts of 1 and 2 across months and Quartiere are written, attainment is computed, and an attacker
/// reads every rpt view as a BI reader would and narrows each hidden figure by linear programming over everything
/// published (district and city totals, running totals, degrees, projections, series).
/// </summary>
public abstract partial class PrivacySpecs
{
    private const string Flow = "500-8.2";
    private const string Stock = "500-4.1";
    private const string City = "05711000";
    private static readonly string[] Months = ["2017-01-01", "2017-02-01", "2017-03-01", "2017-04-01"];

    // January to April. Every Stadtbezirk below is delivered as the sum of its Quartiere and the city as the sum of its
    // districts, so that a reader who assumes that is right. Mitte (01) has no Quartier figures.
    private static readonly Dictionary<string, int[]> FlowCounts = new(StringComparer.Ordinal)
    {
        ["quartier:heepen"] = [5, 1, 4, 2],
        ["quartier:baumheide"] = [3, 6, 0, 1],
        ["quartier:stieghorst"] = [1, 3, 0, 2],
        ["quartier:sieker"] = [1, 2, 0, 2],
        ["quartier:sieker-mitte"] = [4, 7, 5, 9],
        ["quartier:brackwede"] = [1, 0, 4, 0],
        ["quartier:kammerich"] = [0, 2, 0, 0],
        ["05711000-01"] = [20, 25, 30, 35],
    };

    private static readonly Dictionary<string, int[]> StockCounts = new(StringComparer.Ordinal)
    {
        ["quartier:heepen"] = [2, 4, 1],
        ["quartier:baumheide"] = [7, 0, 5],
    };

    [Fact]
    public async Task The_running_istwert_does_not_reveal_the_months_a_Quartier_hides()
    {
        var (warehouse, run) = await PrepareAsync(Dir.Folder("inbox"));
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var observe = await ObserverAsync(connection);
        foreach (var (month, value) in Months.Zip([5, 1, 4, 2]))
        {
            await observe.Add(Flow, month, "quartier:heepen", value);
        }

        await run.RecomputeAsync([Flow], TestContext.Current.CancellationToken);

        var cells = await connection.QueryAsync<(string Month, double? Value, string? Secrecy)>(
            $"SELECT CAST(monat AS text), wert, geheimhaltung FROM {Views}beobachtung WHERE indikator_code = '{Flow}' AND bereich_code = 'quartier:heepen' ORDER BY monat");
        var attained = await connection.QueryAsync<(string Month, double? Actual, double? Degree, double? Projection, string Status, string? Secrecy)>(
            $"SELECT CAST(monat AS text), istwert, zielerreichungsgrad, prognose, status, geheimhaltung FROM {Views}zielerreichung "
            + $"WHERE indikator_code = '{Flow}' AND bereich_code = 'quartier:heepen' AND monat <= '2017-04-01' ORDER BY monat");

        Assert.Equal<(string, double?, string?)>(
            [("2017-01-01", 5, null), ("2017-02-01", null, "geheim"), ("2017-03-01", 4, null), ("2017-04-01", null, "geheim")],
            cells.Select(c => (c.Month, c.Value, c.Secrecy)).ToList());
        // January's 5 is the only running total that is not a hidden month plus shown ones: 6, 10 and 12 would give
        // February as 1 and April as 2; the degree (istwert / 1) and the projection (× 12) would too, the status a band.
        Assert.Equal<(string, double?, double?, double?, string, string?)>(
            [("2017-01-01", 5, 5, 60, "gruen", null), ("2017-02-01", null, null, null, "geheim", "geheim"),
             ("2017-03-01", null, null, null, "geheim", "geheim"), ("2017-04-01", null, null, null, "geheim", "geheim")],
            attained.Select(a => (a.Month, a.Actual, a.Degree, a.Projection, a.Status, a.Secrecy)).ToList());
    }

    [Fact]
    public async Task A_withheld_month_reads_as_a_confidential_status_without_figures()
    {
        var (warehouse, run) = await PrepareAsync(Dir.Folder("inbox"));
        await using (var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken))
        {
            var observe = await ObserverAsync(connection);
            foreach (var (month, value) in Months.Zip([5, 1, 4, 2]))
            {
                await observe.Add(Flow, month, "quartier:heepen", value);
            }
        }

        await run.RecomputeAsync([Flow], TestContext.Current.CancellationToken);
        var series = (await warehouse.AttainmentSeriesAsync("quartier:heepen", TestContext.Current.CancellationToken))
            .Where(r => r.IndikatorCode == Flow && r.Monat <= new DateOnly(2017, 4, 1));

        // The view's words typed by the provider: "gruen" with January's 5, "geheim" with nothing from February on.
        Assert.Equal<(DateOnly, decimal?, decimal?, AttainmentStatus)>(
            [(new DateOnly(2017, 1, 1), 5m, 5m, AttainmentStatus.Green), (new DateOnly(2017, 2, 1), null, null, AttainmentStatus.Confidential),
             (new DateOnly(2017, 3, 1), null, null, AttainmentStatus.Confidential), (new DateOnly(2017, 4, 1), null, null, AttainmentStatus.Confidential)],
            series.Select(r => (r.Monat, r.Istwert, r.Zielerreichungsgrad, r.Status)).ToList());
    }

    [Fact]
    public async Task The_hidden_Quartiere_of_a_Stadtbezirk_hold_at_least_3_between_them()
    {
        var (warehouse, run) = await PrepareAsync(Dir.Folder("inbox"));
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var observe = await ObserverAsync(connection);
        // Stieghorst = 6 with Sieker-Mitte = 4 shown would force both hidden Quartiere to 1.
        await observe.Add(Flow, "2017-01-01", "quartier:stieghorst", 1);
        await observe.Add(Flow, "2017-01-01", "quartier:sieker", 1);
        await observe.Add(Flow, "2017-01-01", "quartier:sieker-mitte", 4);
        await observe.Add(Flow, "2017-01-01", "05711000-08", 6);
        await run.RecomputeAsync([Flow], TestContext.Current.CancellationToken);

        var shown = (await connection.QueryAsync<(string Area, double? Value, string? Secrecy)>(
                $"SELECT bereich_code, wert, geheimhaltung FROM {Views}beobachtung WHERE indikator_code = '{Flow}' ORDER BY bereich_code"))
            .ToList();

        Assert.Equal<(string, double?, string?)>(
            [("05711000-08", 6, null), ("quartier:sieker", null, "geheim"), ("quartier:sieker-mitte", null, "geheim"), ("quartier:stieghorst", null, "geheim")],
            shown);
    }

    [Fact]
    public async Task No_hidden_count_of_1_or_2_can_be_narrowed_from_all_reporting_views_together()
    {
        var (warehouse, run) = await PrepareAsync(Dir.Folder("inbox"));
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var observe = await ObserverAsync(connection);
        var parents = (await connection.QueryAsync<(string Area, string? Parent)>($"SELECT bereich_code, eltern_bereich_code FROM {Views}bereich"))
            .ToDictionary(a => a.Area, a => a.Parent, StringComparer.Ordinal);
        var truth = new Dictionary<Figure, int>();
        foreach (var (indicator, counts) in new[] { (Flow, FlowCounts), (Stock, StockCounts) })
        {
            foreach (var (area, values) in counts)
            {
                for (var m = 0; m < values.Length; m++)
                {
                    truth[new Figure(indicator, Months[m], area)] = values[m];
                    for (var parent = parents[area]; parent is not null; parent = parents[parent])
                    {
                        var total = new Figure(indicator, Months[m], parent);
                        truth[total] = truth.GetValueOrDefault(total) + values[m];
                    }
                }
            }
        }

        // One cell comes from two series, one of them small: 7 = 5 + 2.
        var split = new Figure(Flow, "2017-02-01", "quartier:sieker-mitte");
        var seriesTruth = new Dictionary<(Figure, string), int> { [(split, "T")] = 5, [(split, "U")] = 2 };
        foreach (var (figure, value) in truth)
        {
            if (figure == split)
            {
                await observe.Add(figure.Indicator, figure.Month, figure.Area, 5, "T");
                await observe.Add(figure.Indicator, figure.Month, figure.Area, 2, "U");
            }
            else
            {
                await observe.Add(figure.Indicator, figure.Month, figure.Area, value);
            }
        }

        await run.RecomputeAsync([Flow, Stock], TestContext.Current.CancellationToken);

        var attack = await SuppressionAttack.ReadAsync(connection, Views);
        var findings = attack.Findings(truth, seriesTruth);

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
        // What the reader can narrow the small counts to: never less than 0 to 3.
        Assert.Equal((0, 7), attack.Interval(new Figure(Flow, "2017-02-01", "quartier:heepen")));
        Assert.Equal((0, 3), attack.Interval(new Figure(Flow, "2017-04-01", "quartier:heepen")));
        Assert.Equal((0, 6), attack.Interval(new Figure(Flow, "2017-01-01", "quartier:stieghorst")));
        Assert.Equal((0, 6), attack.Interval(new Figure(Flow, "2017-01-01", "quartier:sieker")));
        Assert.Equal((0, 5), attack.Interval(new Figure(Flow, "2017-02-01", "quartier:sieker")));
        Assert.Equal((0, double.PositiveInfinity), attack.Interval(new Figure(Flow, "2017-01-01", "quartier:brackwede")));
        Assert.Equal((0, double.PositiveInfinity), attack.Interval(new Figure(Flow, "2017-02-01", "quartier:kammerich")));
        Assert.Equal((0, 9), attack.Interval(new Figure(Stock, "2017-01-01", "quartier:heepen")));
        Assert.Equal((0, 7), attack.SeriesInterval(split, "U"));
        // The price: cells hidden beyond the small ones, and the running totals after a hidden month.
        Assert.Equal(21, attack.HiddenCells);
        Assert.Equal(39, attack.ShownCells);
    }

    private async Task<Observations> ObserverAsync(DbConnection connection)
    {
        var fileId = await connection.ExecuteScalarAsync<long>(
            $"INSERT INTO {Tables}load_file (quelle, datei, pfad, sha256, groesse, status, gestartet_um) VALUES ('meldebogen', 'm.xlsx', '/m.xlsx', 'x', 1, 'geladen', '2017-07-01T00:00:00Z') RETURNING datei_id");
        return new Observations(connection, Tables, fileId);
    }
}

/// <summary>Writes current observations of one loaded file straight into the fact, as a load would leave them.</summary>
internal sealed class Observations(DbConnection connection, string tables, long fileId)
{
    public Task Add(string indicator, string month, string area, double value, string series = "T") => connection.ExecuteAsync(
        $"INSERT INTO {tables}fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, datei_id) "
        + $"VALUES (@indicator, '{DateOnly.ParseExact(month, "yyyy-MM-dd", CultureInfo.InvariantCulture):yyyy-MM-dd}', @area, 'meldebogen', @series, @value, {fileId})",
        new { indicator, area, series, value });
}

/// <summary>An indicator's figure for a month and area.</summary>
internal sealed record Figure(string Indicator, string Month, string Area);

/// <summary>The cells of what a load changed stay hidden until their recomputation has assessed them again.</summary>
public abstract partial class PrivacySpecs
{
    [Fact]
    public async Task A_load_hides_the_cells_of_the_indicators_it_changed_until_their_recomputation_assesses_them()
    {
        var inbox = Dir.Folder("inbox");
        var (warehouse, run) = await PrepareAsync(inbox);
        var folder = Directory.CreateDirectory(Path.Combine(inbox, "meldebogen")).FullName;
        var template = MeldebogenTemplate.ForMeasure(run.Catalog, run.Areas, MeldebogenPipeline.Mapping, "500-8", 2017);
        var heepen = template.First(e => e.Indikator == Flow && e.Bereich == "Quartier Heepen");
        void Deliver(string name, string value) => MeldebogenFileWriter.Write(
            template.Select(e => e == heepen ? e with { Wert = value, GemeldetVon = "500 Sozialplanung" } : e).ToList(), run.Catalog, Path.Combine(folder, name));
        async Task<(double?, string?)> HeepenAsync()
        {
            await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
            return await connection.QuerySingleAsync<(double?, string?)>(
                $"SELECT wert, geheimhaltung FROM {Views}beobachtung WHERE indikator_code = '{Flow}' AND bereich_code = 'quartier:heepen'");
        }

        Deliver("Meldebogen_500-8_2017.xlsx", "5");
        await run.RunAsync(["meldebogen"], null, TestContext.Current.CancellationToken);
        Assert.Equal((5, null), await HeepenAsync());

        Deliver("Meldebogen_500-8_2017_berichtigt.xlsx", "6");
        var loaded = await run.LoadAsync(["meldebogen"], null, TestContext.Current.CancellationToken);
        Assert.Equal([FileLoadStatus.Loaded], loaded.Files.Where(f => f.Status != FileLoadStatus.AlreadyLoaded).Select(f => f.Status));
        Assert.Equal((null, "geheim"), await HeepenAsync());

        await run.RecomputeAsync(loaded.AffectedIndicators, TestContext.Current.CancellationToken);
        Assert.Equal((6, null), await HeepenAsync());
    }
}
