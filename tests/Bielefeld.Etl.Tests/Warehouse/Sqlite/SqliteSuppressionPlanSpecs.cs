using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Warehouse.Sqlite;

/// <summary>
/// The cell suppression is assessed when attainment is recomputed and read by key afterwards: reading attainment never
/// evaluates the rule over the fact again (at 1 M observations that made the latest-attainment query take 92 s), and
/// the rule reads only the indicators being recomputed.
/// </summary>
public sealed class SqliteSuppressionPlanSpecs : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    // Unpooled: clearing the process-wide pool would pull connections from under specs running beside this one.
    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reading_attainment_looks_up_each_months_verdict_by_key_and_never_reads_the_fact()
    {
        var plan = await PlanAsync("SELECT * FROM rpt_zielerreichung WHERE bereich_code = '05711000'");

        Assert.Contains("SEARCH g USING PRIMARY KEY (indikator_code=? AND bereich_code=? AND monat=?) LEFT-JOIN", plan);
        Assert.DoesNotContain(plan, line => line.Contains("fact_beobachtung", StringComparison.Ordinal) || line.Contains(" o ", StringComparison.Ordinal));
        // Every verdict, also a set of areas' members' and a baseline month's, is found by its whole key.
        Assert.All(plan.Where(line => line.StartsWith("SEARCH g", StringComparison.Ordinal)),
            line => Assert.Contains("USING PRIMARY KEY (indikator_code=? AND bereich_code=? AND monat=?)", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rule_reads_the_current_values_of_the_indicators_being_recomputed_only()
    {
        var plan = await PlanAsync("SELECT * FROM geheimhaltung_regel");

        Assert.Contains(plan, line => line.StartsWith("SEARCH o USING INDEX ux_beobachtung_aktuell (indikator_code=?", StringComparison.Ordinal));
        Assert.DoesNotContain("SCAN o", plan);
    }

    [Fact]
    public async Task The_rule_groups_the_cells_in_the_order_of_the_key_index_without_sorting_them()
    {
        var plan = await PlanAsync("SELECT * FROM geheimhaltung_regel");

        // The cells stream out of ux_beobachtung_aktuell in (indicator, month, area) order: no temporary B-tree for the
        // grouping of every current value (0.58 of 2.4 s of CPU at 200 k cells when it sorted them).
        Assert.DoesNotContain("USE TEMP B-TREE FOR GROUP BY", plan);
        Assert.Contains(plan, line => line.StartsWith("SEARCH o USING INDEX ux_beobachtung_aktuell (indikator_code=?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rule_runs_only_through_the_months_holding_a_value_that_could_make_a_small_count()
    {
        var plan = await PlanAsync("SELECT indikator_code, bereich_code, monat FROM geheimhaltung_regel WHERE geheim = 1");

        // The suspicious months are found in one pass over the values; each cell's month is looked up among them, so
        // the cells of every other month are neither grouped nor windowed (at 1 M values: 4.4-4.8 s of CPU before, 1.8-1.9 s).
        Assert.Contains("MATERIALIZE verdaechtig", plan);
        Assert.Contains(plan, line => line.StartsWith("SEARCH v USING AUTOMATIC COVERING INDEX (indikator_code=? AND monat=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_latest_attainment_read_is_a_lookup_of_the_kept_rows_and_reads_no_attainment_figure()
    {
        var plan = await PlanAsync(SqliteSql.LatestAttainment);

        Assert.Contains(plan, line => line.StartsWith("SCAN l", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("fact_zielerreichung", StringComparison.Ordinal) || line.Contains("fact_geheimhaltung", StringComparison.Ordinal)
            || line.Contains("fact_beobachtung", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keeping_one_indicators_latest_attainment_reads_that_indicators_figures_only()
    {
        var insert = SqliteSql.StoreLatestAttainment[(SqliteSql.StoreLatestAttainment.IndexOf(';', StringComparison.Ordinal) + 1)..];
        var plan = await PlanAsync(insert.Replace("@indicator", "'500-8.2'", StringComparison.Ordinal));

        // The view's windows partition by indicator, so the condition reaches the figures' key: no pass over all of them.
        Assert.Contains(plan, line => line.StartsWith("SEARCH z USING INDEX sqlite_autoindex_fact_zielerreichung_1 (indikator_code=?)", StringComparison.Ordinal));
        Assert.DoesNotContain("SCAN z", plan);
    }

    [Theory]
    [InlineData("bereich_code = '05711000'")]
    [InlineData("indikator_code = '500-8.2'")]
    public async Task The_provenance_looks_up_each_months_cell_by_indicator_month_and_area(string figures)
    {
        var plan = await PlanAsync(SqliteSql.AreaProvenance.Replace("bereich_code = @areaCode", figures, StringComparison.Ordinal));

        // Before: per figure a range over every area's values of the indicator and period, which grows with the areas;
        // now one key lookup per month and file with current values (aktuelle_werte_monat).
        Assert.Contains(plan, line => line.StartsWith("SEARCH o USING INDEX ux_beobachtung_aktuell (indikator_code=? AND monat=? AND bereich_code=?)", StringComparison.Ordinal));
        Assert.All(plan.Where(line => line.EndsWith(" o", StringComparison.Ordinal) || line.Contains(" o USING ", StringComparison.Ordinal)),
            line => Assert.StartsWith("SEARCH o USING INDEX ux_beobachtung_aktuell (indikator_code=? AND monat=? AND bereich_code=?)", line, StringComparison.Ordinal));
        // The months of the period are a range over the indicator's months with current values, not over its values.
        Assert.Contains(plan, line => line.StartsWith("SEARCH w USING PRIMARY KEY (indikator_code=? AND monat>? AND monat<?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_findings_excerpt_reads_each_indicators_first_findings_from_its_index_not_every_finding()
    {
        var plan = await PlanAsync(SqliteSql.ConsistencyFindingsExcerpt.Replace("@first", "200", StringComparison.Ordinal));

        // Before: a window numbered every stored finding with its text (498,604 at 10 M observations: 3.6-4.2 s).
        Assert.Contains("SEARCH x USING COVERING INDEX ix_konsistenz_befund_indikator (indikator_code=?)", plan);
        Assert.Contains("SEARCH b USING PRIMARY KEY (monat=? AND nr=?)", plan);
        Assert.All(plan.Where(line => line.StartsWith("SCAN konsistenz_befund", StringComparison.Ordinal)),
            line => Assert.Equal("SCAN konsistenz_befund USING COVERING INDEX ix_konsistenz_befund_indikator", line));
    }

    private async Task<List<string>> PlanAsync(string query)
    {
        var path = _folder.File("warehouse.db");
        new SqliteWarehouse($"Data Source={path};Pooling=False", TimeProvider.System).Migrate();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        return (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + query))
            .Select(r => r.Detail.Trim()).ToList();
    }
}
