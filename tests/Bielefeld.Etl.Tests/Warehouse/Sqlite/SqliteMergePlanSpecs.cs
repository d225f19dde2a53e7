using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Warehouse.Sqlite;

/// <summary>
/// A re-delivery's merge on SQLite looks every value up by its full key, in staging and in the fact: no statement
/// scans a table, and no lookup settles for <c>datei_id</c> alone (which made a 20 k-row re-delivery take 52 s).
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
        { nameof(SqliteSql.KeepLateValues), ["SEARCH s USING INDEX ix_stg_observation_schluessel (datei_id=?)", "SEARCH b USING INDEX " + FactKey] },
        { nameof(SqliteSql.DropLateValues), ["SEARCH stg_observation USING INDEX ix_stg_observation_schluessel (datei_id=?)", "SEARCH b USING INDEX " + FactKey] },
        { nameof(SqliteSql.SupersedeContained), ["SEARCH s USING INDEX ix_stg_observation_schluessel (datei_id=?)", "SEARCH b USING INDEX " + FactKey] },
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
        await using var connection = new SqliteConnection($"Data Source={path}");

        var plan = (await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql,
            new { fileId = 2L, Source = "ba-sonderauswertung", SeriesKey = "", from = "2017-01-01", to = "2017-12-01" })).Select(r => r.Detail).ToList();

        Assert.All(expected, line => Assert.Contains(line, plan));
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal));
    }
}
