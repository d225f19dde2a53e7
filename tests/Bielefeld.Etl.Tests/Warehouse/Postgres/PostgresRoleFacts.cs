using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Sources;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// The roles the migrations create, tried with real logins: the BI reader sees rpt and nothing else and cannot
/// write anywhere; the loader writes staging and warehouse but cannot change the schema.
/// </summary>
public sealed class PostgresRoleFacts(PostgresServer server) : IAsyncLifetime
{
    private const string InsufficientPrivilege = "42501";
    private string _database = "";

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresRoleFacts));
        new PostgresWarehouse(_database, TimeProvider.System).Migrate();
    }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(_database);

    [Fact]
    public async Task Reader_can_select_every_reporting_view()
    {
        await using var login = await LoginAsync("bielefeld_etl_reader");

        foreach (var view in new[] { "zielerreichung", "ladeprotokoll", "abgewiesene_zeilen", "massnahme", "indikator" })
        {
            Assert.Equal(0L, await login.Connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM rpt.{view}"));
        }
    }

    [Theory]
    [InlineData("SELECT * FROM stg.observation")]
    [InlineData("SELECT * FROM dwh.load_file")]
    [InlineData("SELECT * FROM dwh.fact_beobachtung")]
    [InlineData("INSERT INTO rpt.massnahme (massnahme_code, titel, organisationseinheit) VALUES ('X-1', 'x', 'x')")]
    [InlineData("DELETE FROM rpt.ladeprotokoll")]
    [InlineData("UPDATE rpt.massnahme SET titel = 'x'")]
    [InlineData("INSERT INTO stg.observation (datei_id, indikator_code, monat, bereich_code, serie) VALUES (1, 'X', '2017-01-01', '05711000', 's')")]
    [InlineData("INSERT INTO dwh.dim_bereich (bereich_code, name, ebene) VALUES ('x', 'x', 'x')")]
    [InlineData("CREATE TABLE public.heimlich (x int)")]
    [InlineData("CREATE TABLE rpt.heimlich (x int)")]
    [InlineData("CREATE TEMPORARY TABLE heimlich (x int)")]
    public async Task Reader_is_denied_staging_warehouse_and_every_write(string sql)
    {
        await using var login = await LoginAsync("bielefeld_etl_reader");

        var denied = await Assert.ThrowsAsync<PostgresException>(() => login.Connection.ExecuteAsync(sql));

        Assert.Equal(InsufficientPrivilege, denied.SqlState);
    }

    [Fact]
    public async Task Loader_writes_staging_and_warehouse_tables()
    {
        await using var login = await LoginAsync("bielefeld_etl_loader");
        await using var transaction = await login.Connection.BeginTransactionAsync(TestContext.Current.CancellationToken);

        await login.Connection.ExecuteAsync(
            "INSERT INTO stg.observation (datei_id, indikator_code, monat, bereich_code, serie) VALUES (1, 'X', '2017-01-01', '05711000', 's')",
            transaction: transaction);
        await login.Connection.ExecuteAsync(
            "INSERT INTO dwh.load_file (quelle, datei, pfad, sha256, groesse, status, gestartet_um) VALUES ('kaf', 'a', 'a', 'aa', 1, 'geladen', now())",
            transaction: transaction);
        Assert.Equal(1L, await login.Connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM rpt.ladeprotokoll", transaction: transaction));
    }

    [Fact]
    public async Task Loader_login_runs_a_whole_nightly_load_with_nothing_but_its_role()
    {
        var (connectionString, drop) = await CreateLoginAsync("bielefeld_etl_loader");
        try
        {
            var warehouse = new PostgresWarehouse(connectionString, TimeProvider.System);
            var file = await InboxFile.FingerprintAsync("kaf", KafPipeline.Sample("KAF_FIM_2017.xlsx"), TestContext.Current.CancellationToken);

            warehouse.Migrate(); // nothing left to do, and no right to do it
            await warehouse.SyncCatalogAsync(KafPipeline.Catalog, KafPipeline.Areas, TestContext.Current.CancellationToken);
            var result = await warehouse.LoadAsync(file, KafPipeline.Reader.Open, null, TestContext.Current.CancellationToken);
            var figures = await warehouse.RecomputeAttainmentAsync(KafPipeline.Catalog, null, Attainment.AttainmentSettings.Default, TestContext.Current.CancellationToken);

            Assert.Equal(FileLoadStatus.Loaded, result.Status);
            Assert.True(figures > 0);
            Assert.Single(await warehouse.RecentLoadsAsync(10, TestContext.Current.CancellationToken));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await drop();
        }
    }

    [Theory]
    [InlineData("CREATE TABLE dwh.heimlich (x int)")]
    [InlineData("DROP TABLE dwh.load_file")]
    [InlineData("ALTER TABLE dwh.load_file ADD COLUMN x int")]
    [InlineData("CREATE TEMPORARY TABLE heimlich (x int)")]
    public async Task Loader_cannot_change_the_schema(string sql)
    {
        await using var login = await LoginAsync("bielefeld_etl_loader");

        var denied = await Assert.ThrowsAsync<PostgresException>(() => login.Connection.ExecuteAsync(sql));

        Assert.Equal(InsufficientPrivilege, denied.SqlState);
    }

    /// <summary>A throwaway login (roles are cluster-wide) with a password, member of one of the product's roles.</summary>
    private async Task<Login> LoginAsync(string role)
    {
        var (connectionString, drop) = await CreateLoginAsync(role);
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return new Login(connection, drop);
    }

    private async Task<(string ConnectionString, Func<Task> Drop)> CreateLoginAsync(string role)
    {
        var name = $"etl_test_{role["bielefeld_etl_".Length..]}_{Guid.NewGuid():N}"[..40];
        var password = Guid.NewGuid().ToString("N");
        await server.ExecuteAsync($"CREATE ROLE {name} LOGIN PASSWORD '{password}' IN ROLE {role}");
        var connectionString = new NpgsqlConnectionStringBuilder(_database) { Username = name, Password = password, Pooling = false }.ConnectionString;
        return (connectionString, () => server.ExecuteAsync($"DROP ROLE IF EXISTS {name}"));
    }

    private sealed class Login(NpgsqlConnection connection, Func<Task> drop) : IAsyncDisposable
    {
        public NpgsqlConnection Connection { get; } = connection;

        public async ValueTask DisposeAsync()
        {
            await Connection.DisposeAsync();
            await drop();
        }
    }
}
