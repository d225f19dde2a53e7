using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Warehouse.Sqlite;

/// <summary>
/// A re-delivery's merge on SQLite looks every value up by its full key, in staging and in the fact: no statement
/// scans the fact or staging, and no lookup settles for <c>datei_id</c> alone (which made a 20 k-row re-delivery take
/// 52 s). Only the per-value merge's notes (<c>merge_wahl</c>: the values that change something) are read whole.
/// </summary>
public sealed class SqliteMergePlanSpecs : IDisposable
{
    private const string StagingKey = "ix_stg_observation_schluessel (datei_id=? AND indikator_code=? AND monat=? AND bereich_code=? AND serie=?)";
    private const string FactKey = "ux_beobachtung_aktuell (indikator_code=? AND monat=? AND bereich_code=? AND serie=?)";

    private readonly TemporaryDirectory _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    public static TheoryData<string, string[]> Statements => new()
    {
        {
            nameof(SqliteSql.KeepLateValues),
            ["SEARCH s USING INDEX ix_stg_observation_schluessel (datei_id=?)", "SEARCH b USING INDEX " + FactKey, "SCAN w", "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)"]
        },
        { nameof(SqliteSql.SupersedeContained), ["SEARCH fact_beobachtung USING INTEGER PRIMARY KEY (rowid=?)", "SCAN merge_wahl"] },
        { nameof(SqliteSql.Supersede), ["SEARCH fact_beobachtung USING INDEX ix_beobachtung_scope (quelle=? AND serie=? AND monat>? AND monat<?)", "SEARCH s USING INDEX " + StagingKey] },
        { nameof(SqliteSql.InsertNew), ["SEARCH s USING INDEX ix_stg_observation_schluessel (datei_id=?)", "SEARCH b USING INDEX " + FactKey] },
        { nameof(SqliteSql.ChangedIndicators), ["SEARCH fact_beobachtung USING INDEX ix_beobachtung_ersetzt (ersetzt_durch_datei_id=?)", "SEARCH fact_beobachtung USING INDEX ix_beobachtung_datei (datei_id=?)"] },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public async Task Every_merge_statement_seeks_by_the_key_and_scans_no_table(string statement, string[] expected)
    {
        var path = _folder.File("warehouse.db");
        new SqliteWarehouse($"Data Source={path}", TimeProvider.System).Migrate();
        var sql = (string)typeof(SqliteSql).GetField(statement)!.GetValue(null)!;
        var arguments = new { fileId = 2L, Source = "ba-sonderauswertung", SeriesKey = "", from = "2017-01-01", to = "2017-12-01" };
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        if (statement != nameof(SqliteSql.KeepLateValues))
        {
            // The notes the per-value merge's later statements read, as its first statement leaves them (empty here).
            await connection.ExecuteAsync(SqliteSql.KeepLateValues, arguments);
        }

        // Each part explained, then run, so that a later part sees what an earlier one created.
        var plan = new List<string>();
        foreach (var part in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            plan.AddRange((await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + part, arguments)).Select(r => r.Detail));
            await connection.ExecuteAsync(part, arguments);
        }

        Assert.All(expected, line => Assert.Contains(line, plan));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal) && line is not ("SCAN w" or "SCAN merge_wahl"));
    }
}
