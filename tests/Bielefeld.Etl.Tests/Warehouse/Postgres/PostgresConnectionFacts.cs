using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>Connection failures name the server and the database, never the password; sessions run without JIT.</summary>
public sealed class PostgresConnectionFacts(PostgresServer server)
{
    private const string Password = "Sehr-Geheim-4711!";

    [Fact]
    public async Task Unreachable_server_is_reported_with_host_and_database_but_without_the_password()
    {
        var warehouse = new PostgresWarehouse($"Host=127.0.0.1;Port=1;Database=controlling;Username=etl;Password={Password};Timeout=3", TimeProvider.System);

        var failure = await Assert.ThrowsAsync<WarehouseConnectionException>(() => warehouse.OpenAsync(TestContext.Current.CancellationToken));

        Assert.Contains("127.0.0.1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("controlling", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Migration_against_an_unreachable_server_is_reported_without_the_password()
    {
        var warehouse = new PostgresWarehouse($"Host=127.0.0.1;Port=1;Database=controlling;Username=etl;Password={Password};Timeout=3", TimeProvider.System);

        var failure = Assert.Throws<WarehouseConnectionException>(warehouse.Migrate);

        Assert.Contains("controlling", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_connection_string_names_its_keys_but_not_their_values()
    {
        var failure = Assert.Throws<ArgumentException>(() =>
            new PostgresWarehouse($"Host=db;Password={Password};Port=fuenf", TimeProvider.System));

        Assert.Contains("Password", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_login_is_reported_without_the_password()
    {
        server.RequireServer();
        var builder = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Username = "niemand_" + Guid.NewGuid().ToString("N")[..8], Password = Password };
        var warehouse = new PostgresWarehouse(builder.ConnectionString, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<WarehouseConnectionException>(() => warehouse.OpenAsync(TestContext.Current.CancellationToken));

        Assert.Contains("28", failure.Message, StringComparison.Ordinal); // 28000 / 28P01: invalid authorization
        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_products_sessions_run_without_jit_compilation_unless_the_connection_string_sets_it()
    {
        server.RequireServer();
        var plain = new PostgresWarehouse(server.AdminConnectionString, TimeProvider.System);
        var ownChoice = new PostgresWarehouse(
            new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Options = "-c jit=on -c work_mem=8MB" }.ConnectionString, TimeProvider.System);

        Assert.Equal("off", (await SettingsAsync(plain)).Jit);
        Assert.Equal(("on", "8MB"), await SettingsAsync(ownChoice));
    }

    private static async Task<(string Jit, string WorkMem)> SettingsAsync(PostgresWarehouse warehouse)
    {
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('jit') || ' ' || current_setting('work_mem')";
        var settings = ((string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).Split(' ');
        return (settings[0], settings[1]);
    }
}
