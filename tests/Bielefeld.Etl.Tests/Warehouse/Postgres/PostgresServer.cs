using Npgsql;

[assembly: AssemblyFixture(typeof(Bielefeld.Etl.Tests.Warehouse.Postgres.PostgresServer))]

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// The one PostgreSQL server the test run uses, from <c>BIELEFELD_ETL_TEST_POSTGRES</c> (default: loopback, user
/// postgres, trust). Tests ask it for a database of their own, so test classes run in parallel. When the server
/// cannot be reached, tests skip with the reason on a laptop and fail when <c>CI=true</c>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "BIELEFELD_ETL_TEST_POSTGRES";
    private const string Default = "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";
    private static int s_counter;

    public PostgresServer()
    {
        var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured ? configured : Default)
        {
            Timeout = 5,
            // Tests drop their databases; pooled idle connections would keep them busy.
            Pooling = false,
        };
        AdminConnectionString = builder.ConnectionString;
    }

    /// <summary>A superuser connection (to the maintenance database).</summary>
    public string AdminConnectionString { get; }

    /// <summary>Why the server cannot be used; null when it can.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT rolsuper FROM pg_roles WHERE rolname = current_user", connection);
            if (await command.ExecuteScalarAsync() is not true)
            {
                Unavailable = $"Die Test-Anmeldung an PostgreSQL ({Describe()}) ist kein Superuser; die Tests legen Datenbanken und Rollen an.";
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            Unavailable = $"PostgreSQL nicht erreichbar ({Describe()}; {Variable} setzen): {ex.Message}";
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Skips the calling test (fails it when CI=true) when there is no server.</summary>
    public void RequireServer()
    {
        if (Unavailable is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(Unavailable);
        }

        Assert.Skip(Unavailable);
    }

    /// <summary>Creates an empty database for one test (or class) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string owner)
    {
        RequireServer();
        var name = $"etl_{new string(owner.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}_{Environment.ProcessId}_{Interlocked.Increment(ref s_counter)}";
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database that <see cref="CreateDatabaseAsync"/> created.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        if (Unavailable is not null)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Runs a statement as superuser in the maintenance database (or in <paramref name="database"/>).</summary>
    public async Task ExecuteAsync(string sql, string? database = null)
    {
        var cs = database is null ? AdminConnectionString : new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private string Describe()
    {
        var b = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        return $"Host={b.Host};Port={b.Port};Username={b.Username};Database={b.Database}";
    }
}
