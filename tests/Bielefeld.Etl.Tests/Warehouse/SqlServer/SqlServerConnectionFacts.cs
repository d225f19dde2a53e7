using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.SqlServer;

namespace Bielefeld.Etl.Tests.Warehouse.SqlServer;

/// <summary>Connection failures name the server and the database, never the password (no SQL Server needed).</summary>
public sealed class SqlServerConnectionFacts
{
    private const string Password = "Sehr-Geheim-4711!";

    private static string Unreachable =>
        $"Server=tcp:127.0.0.1,1;Database=controlling;User Id=etl_loader;Password={Password};Connect Timeout=3;ConnectRetryCount=0;Encrypt=false";

    [Fact]
    public async Task Unreachable_server_is_reported_with_host_and_database_but_without_the_password()
    {
        var warehouse = new SqlServerWarehouse(Unreachable, TimeProvider.System);

        var failure = await Assert.ThrowsAsync<WarehouseConnectionException>(() => warehouse.OpenAsync(TestContext.Current.CancellationToken));

        Assert.Contains("127.0.0.1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("controlling", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Migration_against_an_unreachable_server_is_reported_without_the_password()
    {
        var failure = Assert.Throws<WarehouseConnectionException>(new SqlServerWarehouse(Unreachable, TimeProvider.System).Migrate);

        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_connection_string_names_its_keys_but_not_their_values()
    {
        var failure = Assert.Throws<ArgumentException>(() =>
            new SqlServerWarehouse($"Server=db;Password={Password};Connect Timeout=fuenf", TimeProvider.System));

        Assert.DoesNotContain(Password, failure.ToString(), StringComparison.Ordinal);
    }
}
