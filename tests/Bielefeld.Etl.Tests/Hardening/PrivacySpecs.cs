using System.Data.Common;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// Figures about persons only as aggregates: small counts in Quartiere are hidden in the reporting views (primary and
/// secondary suppression) and cannot be recovered from them together, no participant's TN_ID or case's Fallnummer
/// reaches any table of the warehouse, and rejected raw values reach BI readers only masked.
/// Written once, run on SQLite and PostgreSQL.
/// </summary>
public abstract partial class PrivacySpecs : IDisposable
{
    protected TemporaryDirectory Dir { get; } = new();

    protected abstract string Tables { get; }

    protected abstract string Views { get; }

    protected abstract string FalseLiteral { get; }

    public virtual void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Dir.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract Task<WarehouseProvider> WarehouseAsync();

    /// <summary>A connection as Power BI opens it: the reader role where the provider has roles.</summary>
    protected abstract Task<DbConnection> ReaderAsync(WarehouseProvider warehouse);

    /// <summary>Every text value of every table of the warehouse, as (table, column, value).</summary>
    protected abstract Task<List<(string Table, string Column, string Value)>> AllTextAsync(DbConnection connection);

    private async Task<(WarehouseProvider Warehouse, PipelineRun Run)> PrepareAsync(string inbox)
    {
        var warehouse = await WarehouseAsync();
        var run = PipelineRun.Prepare(
            new EtlOptions(inbox, RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings(warehouse.Name, "")),
            warehouse, NullLogger.Instance, TimeProvider.System);
        await run.InitialiseAsync(TestContext.Current.CancellationToken);
        return (warehouse, run);
    }

    [Fact]
    public async Task No_TN_ID_or_Fallnummer_reaches_any_table_of_the_warehouse()
    {
        var inbox = Dir.Folder("inbox");
        var identifiers = new List<string>();
        foreach (var (source, column) in new[] { ("rekom", "TN_ID"), ("prosoz", "Fallnummer") })
        {
            var folder = Directory.CreateDirectory(Path.Combine(inbox, source)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, source)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
                var lines = File.ReadAllLines(file);
                var index = Array.IndexOf(lines[0].TrimStart('\uFEFF').Split(';'), column);
                identifiers.AddRange(lines.Skip(1).Select(l => l.Split(';')).Where(f => f.Length > index && f[index].Length > 0).Select(f => f[index]));
            }
        }

        var (warehouse, run) = await PrepareAsync(inbox);
        var summary = await run.RunAsync(["rekom", "prosoz"], null, TestContext.Current.CancellationToken);

        Assert.All(summary.Files, f => Assert.Equal(FileLoadStatus.Loaded, f.Status));
        Assert.True(summary.Files.Sum(f => f.Counts.Rejected) > 0, "the samples have rejected rows, duplicates among them");
        Assert.True(identifiers.Distinct().Count() > 20, "the samples have identifiers to look for");
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var text = await AllTextAsync(connection);
        Assert.True(text.Count > 1000, "the scan sees the warehouse's text");
        Assert.DoesNotContain(text, t => t.Column.Replace("_", "", StringComparison.Ordinal).Contains("tnid", StringComparison.OrdinalIgnoreCase)
            || t.Column.Contains("fallnummer", StringComparison.OrdinalIgnoreCase));
        var leaks = text.Where(t => identifiers.Any(id => t.Value.Contains(id, StringComparison.Ordinal))).Take(5).ToList();
        Assert.True(leaks.Count == 0, "identifiers found: " + string.Join("; ", leaks));
    }

    [Fact]
    public async Task Small_counts_in_quartiere_are_hidden_and_so_is_the_figure_that_would_reveal_them()
    {
        var (warehouse, run) = await PrepareAsync(Dir.Folder("inbox"));
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var count = await connection.QueryFirstAsync<string>($"SELECT indikator_code FROM {Tables}dim_indikator WHERE art = 'anzahl' ORDER BY indikator_code");
        var fileId = await connection.ExecuteScalarAsync<long>(
            $"INSERT INTO {Tables}load_file (quelle, datei, pfad, sha256, groesse, status, gestartet_um) VALUES ('test', 't.csv', '/t.csv', 'x', 1, 'geladen', '2017-07-01T00:00:00Z') RETURNING datei_id");
        async Task Observe(string indicator, string area, double? value, double? numerator = null, double? denominator = null) =>
            await connection.ExecuteAsync(
                $"INSERT INTO {Tables}fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, datei_id) "
                + $"VALUES (@indicator, '2017-03-01', @area, 'test', 'T', @value, @numerator, @denominator, {fileId})",
                new { indicator, area, value, numerator, denominator });

        // Stieghorst (08): one small quartier among three. Brackwede (04): the only quartier with a value is small, so the
        // district is hidden, and the city, which would give it. Heepen (07): both small, 3 between them. Jöllenbeck (06):
        // 0 is no person.
        await Observe(count, "quartier:stieghorst", 2);
        await Observe(count, "quartier:sieker", 5);
        await Observe(count, "quartier:sieker-mitte", 7);
        await Observe(count, "05711000-08", 14);
        await Observe(count, "quartier:brackwede", 1);
        await Observe(count, "05711000-04", 10);
        await Observe(count, "quartier:heepen", 2);
        await Observe(count, "quartier:baumheide", 1);
        await Observe(count, "05711000-07", 30);
        await Observe(count, "quartier:joellenbeck", 0);
        await Observe(count, "quartier:oberlohmannshof", 4);
        await Observe(count, "05711000", 100);
        await Observe("REGE-1.1", "quartier:stieghorst", 10, 1, 10);
        await Observe("REGE-1.1", "quartier:sieker", 25, 5, 20);
        await Observe("REGE-1.1", "quartier:sieker-mitte", 50, 4, 8);
        // The cells are assessed when attainment is recomputed, as after every load; until then all of them are hidden.
        Assert.All(await connection.QueryAsync<string?>($"SELECT geheimhaltung FROM {Views}beobachtung WHERE monat = '2017-03-01'"), s => Assert.Equal("geheim", s));
        await run.RecomputeAsync([count, "REGE-1.1"], TestContext.Current.CancellationToken);

        var observed = (await connection.QueryAsync<(string Indicator, string Area, double? Value, double? Numerator, string? Secrecy)>(
                $"SELECT indikator_code, bereich_code, wert, zaehler, geheimhaltung FROM {Views}beobachtung WHERE monat = '2017-03-01'"))
            .ToDictionary(o => (o.Indicator, o.Area));

        Assert.Equal((null, "geheim"), Shown(observed[(count, "quartier:stieghorst")]));
        Assert.Equal((null, "geheim"), Shown(observed[(count, "quartier:sieker")]));
        Assert.Equal((7, null), Shown(observed[(count, "quartier:sieker-mitte")]));
        Assert.Equal((14, null), Shown(observed[(count, "05711000-08")]));
        Assert.Equal((null, "geheim"), Shown(observed[(count, "quartier:brackwede")]));
        Assert.Equal((null, "geheim"), Shown(observed[(count, "05711000-04")]));
        Assert.Equal((null, "geheim"), Shown(observed[(count, "quartier:heepen")]));
        Assert.Equal((null, "geheim"), Shown(observed[(count, "quartier:baumheide")]));
        Assert.Equal((30, null), Shown(observed[(count, "05711000-07")]));
        Assert.Equal((0, null), Shown(observed[(count, "quartier:joellenbeck")]));
        Assert.Equal((4, null), Shown(observed[(count, "quartier:oberlohmannshof")]));
        Assert.Equal((null, "geheim"), Shown(observed[(count, "05711000")]));
        Assert.Equal((null, "geheim"), Shown(observed[("REGE-1.1", "quartier:stieghorst")]));
        Assert.Null(observed[("REGE-1.1", "quartier:stieghorst")].Numerator);
        Assert.Equal((25, null), Shown(observed[("REGE-1.1", "quartier:sieker")]));
        Assert.Equal((null, "geheim"), Shown(observed[("REGE-1.1", "quartier:sieker-mitte")]));

        var history = (await connection.QueryAsync<(string Area, double? First, double? Current, string? Secrecy)>(
                $"SELECT bereich_code, erstwert, aktueller_wert, geheimhaltung FROM {Views}beobachtung_historie WHERE indikator_code = @count AND monat = '2017-03-01'", new { count }))
            .ToDictionary(h => h.Area);
        Assert.Equal((null, null, "geheim"), (history["quartier:stieghorst"].First, history["quartier:stieghorst"].Current, history["quartier:stieghorst"].Secrecy));
        Assert.Equal((null, null, "geheim"), (history["quartier:sieker"].First, history["quartier:sieker"].Current, history["quartier:sieker"].Secrecy));
        Assert.Equal((7, 7, null), (history["quartier:sieker-mitte"].First, history["quartier:sieker-mitte"].Current, history["quartier:sieker-mitte"].Secrecy));

        async Task Attain(string indicator, string area, double? actual) =>
            await connection.ExecuteAsync(
                $"INSERT INTO {Tables}fact_zielerreichung (indikator_code, monat, bereich_code, istwert, zielwert, grad, status, prognose, unterdrueckt, berechnet_um) "
                + $"VALUES (@indicator, '2017-03-01', @area, @actual, 10, @degree, 'rot', @actual, {FalseLiteral}, '2017-07-01T00:00:00Z')",
                new { indicator, area, actual, degree = actual / 10 });
        // Figures written by hand in place of the computed ones: the view's rule is pinned on chosen values.
        await connection.ExecuteAsync($"DELETE FROM {Tables}fact_zielerreichung WHERE indikator_code IN (@count, 'REGE-1.1')", new { count });
        await Attain(count, "quartier:stieghorst", 2);
        await Attain(count, "quartier:sieker", 5);
        await Attain(count, "quartier:sieker-mitte", 7);
        await Attain(count, "05711000-08", 14);
        await Attain("REGE-1.1", "quartier:stieghorst", 10);
        await Attain("REGE-1.1", "quartier:sieker", 25);

        var attained = (await connection.QueryAsync<(string Indicator, string Area, double? Actual, double? Degree, double? Projection, string? Secrecy)>(
                $"SELECT indikator_code, bereich_code, istwert, zielerreichungsgrad, prognose, geheimhaltung FROM {Views}zielerreichung WHERE monat = '2017-03-01'"))
            .ToDictionary(o => (o.Indicator, o.Area));

        Assert.Equal((null, null, null, "geheim"), Hidden(attained[(count, "quartier:stieghorst")]));
        Assert.Equal((null, null, null, "geheim"), Hidden(attained[(count, "quartier:sieker")]));
        Assert.Equal((7, 0.7, 7, null), Hidden(attained[(count, "quartier:sieker-mitte")]));
        Assert.Equal((14, 1.4, 14, null), Hidden(attained[(count, "05711000-08")]));
        Assert.Equal((null, null, null, "geheim"), Hidden(attained[("REGE-1.1", "quartier:stieghorst")]));
        Assert.Equal((25, 2.5, 25, null), Hidden(attained[("REGE-1.1", "quartier:sieker")]));
    }

    private static (double?, string?) Shown((string, string, double? Value, double?, string? Secrecy) row) => (row.Value, row.Secrecy);

    private static (double?, double?, double?, string?) Hidden((string, string, double? Actual, double? Degree, double? Projection, string? Secrecy) row) =>
        (row.Actual, row.Degree is { } d ? Math.Round(d, 6) : null, row.Projection, row.Secrecy);
}

public sealed class SqlitePrivacySpecs : PrivacySpecs
{
    protected override string Tables => "";

    protected override string Views => "rpt_";

    protected override string FalseLiteral => "0";

    // SQLite's reads give its REAL figures back rounded to 10 decimal places (SqliteValues.ReadNumber).
    protected override double? AsRead(double? value) => value is { } v ? (double)Math.Round((decimal)v, 10) : null;

    protected override Task<WarehouseProvider> WarehouseAsync() =>
        Task.FromResult<WarehouseProvider>(new SqliteWarehouse($"Data Source={Dir.File("warehouse.db")}", TimeProvider.System));

    protected override async Task<DbConnection> ReaderAsync(WarehouseProvider warehouse) =>
        await warehouse.OpenAsync(TestContext.Current.CancellationToken);

    protected override async Task<List<(string Table, string Column, string Value)>> AllTextAsync(DbConnection connection)
    {
        var result = new List<(string, string, string)>();
        foreach (var table in await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"))
        {
            foreach (var column in await connection.QueryAsync<string>($"SELECT name FROM pragma_table_info('{table}')"))
            {
                result.Add((table, column, ""));
                var values = await connection.QueryAsync<string>($"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL");
                result.AddRange(values.Select(v => (table, column, v)));
            }
        }

        return result;
    }
}

public sealed class PostgresPrivacySpecs(PostgresServer postgres) : PrivacySpecs
{
    private string? _database;
    private string? _login;

    protected override string Tables => "dwh.";

    protected override string Views => "rpt.";

    protected override string FalseLiteral => "false";

    protected override async Task<WarehouseProvider> WarehouseAsync()
    {
        postgres.RequireServer();
        _database = await postgres.CreateDatabaseAsync(nameof(PostgresPrivacySpecs));
        return new PostgresWarehouse(_database, TimeProvider.System);
    }

    // Power BI's login: a member of bielefeld_etl_reader and nothing else (roles are cluster-wide, so the name is unique).
    protected override async Task<DbConnection> ReaderAsync(WarehouseProvider warehouse)
    {
        _login = $"powerbi_{Guid.NewGuid():N}"[..30];
        var password = Guid.NewGuid().ToString("N");
        await postgres.ExecuteAsync($"CREATE ROLE {_login} LOGIN PASSWORD '{password}' IN ROLE bielefeld_etl_reader");
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(_database) { Username = _login, Password = password, Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => connection.ExecuteScalarAsync("SELECT COUNT(*) FROM dwh.rejected_row"));
        return connection;
    }

    public override void Dispose()
    {
        if (_database is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            postgres.DropDatabaseAsync(_database).GetAwaiter().GetResult();
        }

        if (_login is not null)
        {
            postgres.ExecuteAsync($"DROP ROLE IF EXISTS {_login}").GetAwaiter().GetResult();
        }

        base.Dispose();
    }

    protected override async Task<List<(string Table, string Column, string Value)>> AllTextAsync(DbConnection connection)
    {
        var result = new List<(string, string, string)>();
        var columns = await connection.QueryAsync<(string Schema, string Table, string Column)>(
            "SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t "
            + "ON t.table_schema = c.table_schema AND t.table_name = c.table_name WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')");
        foreach (var (schema, table, column) in columns)
        {
            result.Add((table, column, ""));
            var values = await connection.QueryAsync<string>($"SELECT \"{column}\"::text FROM \"{schema}\".\"{table}\" WHERE \"{column}\" IS NOT NULL");
            result.AddRange(values.Select(v => (table, column, v)));
        }

        return result;
    }
}
