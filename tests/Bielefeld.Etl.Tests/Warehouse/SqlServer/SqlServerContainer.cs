using DotNet.Testcontainers.Builders;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

[assembly: AssemblyFixture(typeof(Bielefeld.Etl.Tests.Warehouse.SqlServer.SqlServerContainer))]

namespace Bielefeld.Etl.Tests.Warehouse.SqlServer;

/// <summary>
/// One SQL Server for the test run, in a Testcontainers container, started on first use. Where no Docker engine can
/// be reached (this machine, CI here), the SQL Server tests are skipped with the reason, also when CI=true: the
/// T-SQL is still parse-checked by <see cref="SqlServerScriptFacts"/>.
/// </summary>
public sealed class SqlServerContainer : IAsyncLifetime
{
    private const string Image = "mcr.microsoft.com/mssql/server:2022-latest";
    private static int s_counter;
    private readonly SemaphoreSlim _start = new(1, 1);
    private MsSqlContainer? _container;
    private string? _unavailable;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }

        _start.Dispose();
    }

    /// <summary>Creates an empty database for one test and returns its connection string; skips without Docker.</summary>
    public async Task<string> CreateDatabaseAsync(string owner)
    {
        var master = await MasterAsync();
        var name = $"etl_{new string(owner.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray())}_{Interlocked.Increment(ref s_counter)}";
        await using var connection = new SqlConnection(master);
        await connection.OpenAsync();
        await using var command = new SqlCommand($"CREATE DATABASE [{name}]", connection);
        await command.ExecuteNonQueryAsync();
        return new SqlConnectionStringBuilder(master) { InitialCatalog = name }.ConnectionString;
    }

    private async Task<string> MasterAsync()
    {
        await _start.WaitAsync();
        try
        {
            if (_container is null && _unavailable is null)
            {
                try
                {
                    var container = new MsSqlBuilder(Image).Build();
                    await container.StartAsync();
                    _container = container;
                }
                catch (DockerUnavailableException ex)
                {
                    // Only a missing engine skips; a container that fails to start on a working engine fails the tests.
                    _unavailable = $"no Docker engine: SQL Server runs in Testcontainers and none is reachable ({ex.Message.Split('\n')[0]})";
                }
            }
        }
        finally
        {
            _start.Release();
        }

        if (_unavailable is not null)
        {
            Assert.Skip(_unavailable);
        }

        return _container!.GetConnectionString();
    }
}
