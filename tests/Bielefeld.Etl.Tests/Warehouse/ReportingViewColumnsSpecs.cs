using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Tests.Warehouse.SqlServer;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse;

/// <summary>
/// Power BI reads the rpt views of whichever warehouse the city runs, so the three dialects' views must offer the same
/// columns, in the same order, of the same kind. Read live from a freshly migrated SQLite file and PostgreSQL database,
/// and for SQL Server from the DacFx model of its migrations and views. Types are compared as logical types (text,
/// integer, decimal, date, timestamp, boolean), so that nvarchar against text is no difference and date against text is one.
/// </summary>
public sealed class ReportingViewColumnsSpecs(PostgresServer server) : IAsyncLifetime
{
    private static readonly Lazy<SqlServerViewColumns> SqlServer = new(() =>
        SqlServerSchemaModel.FromScripts(Path.Combine(RepositoryPaths.Root, "sql", "sqlserver")).ViewColumns());

    private readonly TemporaryDirectory _dir = new();
    private string? _database;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database);
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task The_rpt_views_of_SQLite_PostgreSQL_and_SQL_Server_have_the_same_columns_in_the_same_order()
    {
        var sqlite = Names(await SqliteColumnsAsync());
        var postgres = Names(await PostgresColumnsAsync());
        var sqlServer = Names(SqlServerColumns());

        Assert.Equal((11, 163), (sqlServer.Select(c => c.Split('.')[0]).Distinct().Count(), sqlServer.Count));
        Assert.Equal(sqlServer, postgres);
        Assert.Equal(sqlServer, sqlite);
    }

    [Fact]
    public async Task The_rpt_view_columns_of_PostgreSQL_and_SQL_Server_have_the_same_logical_types()
    {
        var postgres = await PostgresColumnsAsync();
        var sqlServer = SqlServerColumns();

        Assert.Equal(Typed(sqlServer), Typed(postgres));
    }

    /// <summary>
    /// SQLite has no date, timestamp or boolean type: the warehouse keeps dates as ISO text and flags as 0/1, and a
    /// column computed in a view has no declared type at all. Where SQLite declares one, it must be what the other two
    /// dialects' type is stored as.
    /// </summary>
    [Fact]
    public async Task The_declared_types_of_SQLite_rpt_view_columns_store_what_PostgreSQL_types()
    {
        var postgres = (await PostgresColumnsAsync()).ToDictionary(c => $"{c.View}.{c.Column}", c => c.Type, StringComparer.Ordinal);
        var sqlite = await SqliteColumnsAsync();

        var disagreeing = sqlite
            .Where(c => c.Type is not null && c.Type != Stored(postgres[$"{c.View}.{c.Column}"]))
            .Select(c => $"{c.View}.{c.Column}: SQLite {c.Type}, PostgreSQL {postgres[$"{c.View}.{c.Column}"]}")
            .ToList();

        Assert.Empty(disagreeing);
        // 127 since rpt_zielerreichung.basis_herkunft is computed (assumed where a month was taken as baseline).
        Assert.Equal(127, sqlite.Count(c => c.Type is not null));
    }

    [Fact]
    public void The_SQL_Server_view_columns_are_the_model_s_and_typed_from_it()
    {
        foreach (var (view, columns) in SqlServer.Value.ModelColumns.Where(v => v.Key.StartsWith("[rpt].", StringComparison.Ordinal)))
        {
            Assert.Equal(columns, SqlServer.Value.Of(view).Select(c => c.Name));
        }

        var attainment = SqlServer.Value.Of("[rpt].[zielerreichung]").ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        Assert.Equal(("date", "decimal", "text", "timestamp", "boolean"),
            (attainment["monat"], attainment["istwert"], attainment["status"], attainment["berechnet_um"], attainment["erreicht"]));
    }

    private static List<string> Names(IEnumerable<(string View, string Column, string? Type)> columns) =>
        [.. columns.Select(c => $"{c.View}.{c.Column}")];

    private static List<string> Typed(IEnumerable<(string View, string Column, string? Type)> columns) =>
        [.. columns.Select(c => $"{c.View}.{c.Column}: {c.Type}")];

    /// <summary>How SQLite stores a logical type in this warehouse.</summary>
    private static string? Stored(string? logical) => logical switch
    {
        "date" or "timestamp" => "text",
        "boolean" => "integer",
        _ => logical,
    };

    private static List<(string View, string Column, string? Type)> SqlServerColumns() =>
        [.. SqlServer.Value.ModelColumns.Keys
            .Where(v => v.StartsWith("[rpt].", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(v => SqlServer.Value.Of(v).Select(c => (View: v["[rpt].[".Length..^1], Column: c.Name.ToLowerInvariant(), c.Type)))];

    private async Task<List<(string View, string Column, string? Type)>> SqliteColumnsAsync()
    {
        var warehouse = new SqliteWarehouse($"Data Source={_dir.File("views.db")};Pooling=False", TimeProvider.System);
        warehouse.Migrate();
        await using var connection = new SqliteConnection($"Data Source={_dir.File("views.db")};Pooling=False");
        var views = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE 'rpt!_%' ESCAPE '!' ORDER BY name");
        var columns = new List<(string, string, string?)>();
        foreach (var view in views)
        {
            var info = await connection.QueryAsync<(long Cid, string Name, string Type)>($"SELECT cid, name, type FROM pragma_table_info('{view}') ORDER BY cid");
            columns.AddRange(info.Select(c => (view["rpt_".Length..], c.Name, c.Type.Length == 0 ? null : c.Type.ToLowerInvariant() switch
            {
                "text" => "text",
                "integer" => "integer",
                "real" or "numeric" => "decimal",
                var other => throw new NotSupportedException($"SQLite type {other} of {view}.{c.Name}"),
            })));
        }

        return columns;
    }

    private async Task<List<(string View, string Column, string? Type)>> PostgresColumnsAsync()
    {
        _database ??= await CreateMigratedPostgresAsync();
        await using var connection = new NpgsqlConnection(_database);
        var columns = await connection.QueryAsync<(string View, string Column, string Type)>(
            """
            SELECT c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c
            JOIN information_schema.views v ON v.table_schema = c.table_schema AND v.table_name = c.table_name
            WHERE c.table_schema = 'rpt'
            ORDER BY c.table_name, c.ordinal_position
            """);
        return [.. columns.Select(c => (c.View, c.Column, (string?)(c.Type switch
        {
            "text" or "character varying" or "character" => "text",
            "integer" or "bigint" or "smallint" => "integer",
            "numeric" or "double precision" or "real" => "decimal",
            "date" => "date",
            "timestamp with time zone" or "timestamp without time zone" => "timestamp",
            "boolean" => "boolean",
            var other => throw new NotSupportedException($"PostgreSQL type {other} of {c.View}.{c.Column}"),
        })))];
    }

    private async Task<string> CreateMigratedPostgresAsync()
    {
        var database = await server.CreateDatabaseAsync(nameof(ReportingViewColumnsSpecs));
        new Bielefeld.Etl.Warehouse.Postgres.PostgresWarehouse(database, TimeProvider.System).Migrate();
        return database;
    }
}
