using Bielefeld.Etl.Tests.Cli;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Plugins;
using Bielefeld.Etl.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Sqlite;
using Bielefeld.Etl.Warehouse.SqlServer;
using Dapper;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse;

/// <summary>
/// The providers are plug-ins: each provider project registers its warehouse, its Hangfire job storage and its Power BI
/// description once, and the program finds them among its provider assemblies without naming any.
/// </summary>
public sealed class ProviderPluginSpecs(PostgresServer server) : IDisposable
{
    private static readonly JobStorageOptions Tuning = new(TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(2));
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_registered_providers_are_sqlite_postgresql_and_sqlserver_with_the_embedded_sqlite_as_default()
    {
        Assert.Equal(["sqlite", "postgresql", "sqlserver"], ProviderPlugins.All.Select(p => p.Name));
        Assert.Equal("sqlite", ProviderPlugins.Default.Name);
        Assert.Same(ProviderPlugins.Find("postgresql"), ProviderPlugins.Find("PostgreSQL"));
    }

    [Fact]
    public void Each_provider_assembly_beside_the_program_registers_one_plugin_and_no_other_assembly_registers_one()
    {
        var found = ProviderPlugins.Discover(AppContext.BaseDirectory);

        Assert.Equal(
            ["Bielefeld.Etl.Warehouse.Postgres", "Bielefeld.Etl.Warehouse.SqlServer", "Bielefeld.Etl.Warehouse.Sqlite"],
            found.Select(p => p.GetType().Assembly.GetName().Name).Order(StringComparer.Ordinal));
        Assert.Equal(ProviderPlugins.All.Select(p => p.GetType()), found.Select(p => p.GetType()));
    }

    [Fact]
    public void Each_provider_builds_its_own_warehouse_under_its_registered_name_with_the_given_logger()
    {
        var log = NullLoggerFactory.Instance.CreateLogger("spec");
        var connections = new Dictionary<string, string>
        {
            ["sqlite"] = $"Data Source={_dir.File("w.db")}",
            ["postgresql"] = "Host=127.0.0.1;Database=controlling",
            ["sqlserver"] = "Server=127.0.0.1;Database=controlling",
        };

        var warehouses = ProviderPlugins.All.Select(p => (p.Name, Warehouse: p.CreateWarehouse(connections[p.Name], TimeProvider.System, log))).ToList();

        Assert.IsType<SqliteWarehouse>(warehouses[0].Warehouse);
        Assert.IsType<PostgresWarehouse>(warehouses[1].Warehouse);
        Assert.IsType<SqlServerWarehouse>(warehouses[2].Warehouse);
        Assert.All(warehouses, w => Assert.Equal(w.Name, w.Warehouse.Name));
        Assert.All(warehouses, w => Assert.Same(log, w.Warehouse.Log));
    }

    [Fact]
    public void Only_a_warehouse_file_that_is_missing_is_reported_missing_and_with_its_full_path()
    {
        var sqlite = ProviderPlugins.Find("sqlite");
        var missing = sqlite.CreateWarehouse($"Data Source={_dir.File("fehlt.db")}", TimeProvider.System, NullLogger.Instance);
        File.WriteAllBytes(_dir.File("da.db"), []);
        var present = sqlite.CreateWarehouse($"Data Source={_dir.File("da.db")}", TimeProvider.System, NullLogger.Instance);
        var postgres = ProviderPlugins.Find("postgresql");

        Assert.Equal(_dir.File("fehlt.db"), sqlite.MissingStore(missing));
        Assert.Null(sqlite.MissingStore(present));
        Assert.Null(postgres.MissingStore(postgres.CreateWarehouse("Host=127.0.0.1;Database=fehlt", TimeProvider.System, NullLogger.Instance)));
    }

    [Fact]
    public void The_embedded_warehouse_keeps_its_jobs_in_memory_whose_locks_end_with_the_process()
    {
        var created = ProviderPlugins.Find("sqlite").CreateJobStorage($"Data Source={_dir.File("w.db")}", Tuning);

        Assert.IsType<InMemoryStorage>(created.Storage);
        Assert.Null(created.OrphanedLockExpiry);
    }

    [Fact]
    public void SQL_Server_keeps_its_jobs_in_its_database_with_application_locks_that_end_with_the_session()
    {
        var created = ProviderPlugins.Find("sqlserver").CreateJobStorage("Server=127.0.0.1,1;Database=controlling;Connect Timeout=1;TrustServerCertificate=true", Tuning);

        Assert.IsType<SqlServerStorage>(created.Storage);
        Assert.Null(created.OrphanedLockExpiry);
    }

    [Fact]
    public async Task PostgreSQL_keeps_its_jobs_in_schema_hangfire_whose_lock_rows_outlive_a_killed_server_for_the_configured_time()
    {
        var database = await server.CreateDatabaseAsync(nameof(ProviderPluginSpecs));
        try
        {
            var created = ProviderPlugins.Find("postgresql").CreateJobStorage(database, Tuning);

            Assert.IsType<PostgreSqlStorage>(created.Storage);
            Assert.Equal(TimeSpan.FromMinutes(3), created.OrphanedLockExpiry);
            await using var connection = new NpgsqlConnection(database);
            Assert.Equal("hangfire.job", await connection.ExecuteScalarAsync<string>("SELECT to_regclass('hangfire.job')::text"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public void An_unknown_provider_name_is_refused_with_the_known_ones()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => ProviderPlugins.Find("oracle"));

        Assert.Equal("Unbekannter Warehouse-Provider 'oracle' (bekannt: sqlite, postgresql, sqlserver).", refused.Message);
    }

    [Fact]
    public async Task The_command_line_refuses_an_unknown_provider_with_one_line_and_exit_2()
    {
        var (exit, output) = await CliProcess.RunAsync(null, "status", "--provider", "oracle", "--connection", $"Data Source={_dir.File("w.db")}");

        Assert.Equal(2, exit);
        Assert.Contains("Fehler: Unbekannter Warehouse-Provider 'oracle' (bekannt: sqlite, postgresql, sqlserver).", output, StringComparison.Ordinal);
    }
}
