using System.Text.RegularExpressions;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bielefeld.Etl.Tests.Reporting;

/// <summary>docs/data-dictionary.md documents exactly the columns the reporting views have.</summary>
public sealed partial class DataDictionarySpecs(PostgresServer postgres) : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static Dictionary<string, HashSet<string>> DocumentedColumns()
    {
        var documented = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string>? current = null;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, "docs", "data-dictionary.md")))
        {
            if (ViewHeading().Match(line) is { Success: true } heading)
            {
                current = documented[heading.Groups[1].Value] = new HashSet<string>(StringComparer.Ordinal);
            }
            else if (current is not null && ColumnRow().Match(line) is { Success: true } row)
            {
                current.Add(row.Groups[1].Value);
            }
        }

        return documented;
    }

    [Fact]
    public void Every_column_of_every_reporting_view_is_documented_and_nothing_else()
    {
        var connection = $"Data Source={_dir.File("dictionary.db")}";
        new SqliteWarehouse(connection, TimeProvider.System).Migrate();
        using var db = new SqliteConnection(connection);
        var views = db.Query<string>("SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'rpt\\_%' ESCAPE '\\' ORDER BY name").ToList();
        var documented = DocumentedColumns();

        Assert.Equal(
            ["abgewiesene_zeilen", "beobachtung", "beobachtung_historie", "bereich", "indikator", "kalender", "ladeprotokoll", "lieferstatus", "massnahme", "zielerreichung", "zielwert"],
            views.Select(v => v["rpt_".Length..]).Order(StringComparer.Ordinal));
        foreach (var view in views)
        {
            var name = view["rpt_".Length..];
            var columns = db.Query<string>($"SELECT name FROM pragma_table_info('{view}')").ToHashSet(StringComparer.Ordinal);
            Assert.True(documented.ContainsKey(name), $"rpt.{name} has no section in docs/data-dictionary.md");
            Assert.Equal(columns.Order(StringComparer.Ordinal), documented[name].Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task PostgreSQL_has_the_same_reporting_views_with_the_same_columns()
    {
        var database = await postgres.CreateDatabaseAsync(nameof(DataDictionarySpecs));
        try
        {
            new PostgresWarehouse(database, TimeProvider.System).Migrate();
            await using var db = new NpgsqlConnection(database);
            var columns = (await db.QueryAsync<(string View, string Column)>(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'rpt'"))
                .ToLookup(c => c.View, c => c.Column);
            var documented = DocumentedColumns();

            Assert.Equal(documented.Keys.Order(StringComparer.Ordinal), columns.Select(c => c.Key).Order(StringComparer.Ordinal));
            foreach (var view in columns)
            {
                Assert.Equal(documented[view.Key].Order(StringComparer.Ordinal), view.Order(StringComparer.Ordinal));
            }
        }
        finally
        {
            await postgres.DropDatabaseAsync(database);
        }
    }

    [GeneratedRegex(@"^## rpt\.([a-z_]+)\s*$")]
    private static partial Regex ViewHeading();

    [GeneratedRegex(@"^\| `([a-z_0-9]+)` \|")]
    private static partial Regex ColumnRow();
}
