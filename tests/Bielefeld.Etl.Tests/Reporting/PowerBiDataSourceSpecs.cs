using System.Text.Json;
using Bielefeld.Etl.Reporting;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Reporting;

public sealed class PowerBiDataSourceSpecs
{
    private static (string Protocol, string Server, string Database) Details(string json)
    {
        var details = JsonDocument.Parse(json).RootElement.GetProperty("connections")[0].GetProperty("details");
        var address = details.GetProperty("address");
        return (details.GetProperty("protocol").GetString()!, address.GetProperty("server").GetString()!, address.GetProperty("database").GetString()!);
    }

    [Fact]
    public void SQL_Server_gets_a_tds_data_source_without_credentials()
    {
        var json = PowerBiDataSource.Create(new WarehouseSettings("sqlserver", "Server=sql01.bielefeld.local;Database=sozialplanung;User Id=etl;Password=Geheim123!"));

        Assert.Equal(("tds", "sql01.bielefeld.local", "sozialplanung"), Details(json));
        Assert.DoesNotContain("Geheim123!", json, StringComparison.Ordinal);
        Assert.DoesNotContain("etl", json.Replace("sozialplanung", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSQL_gets_host_and_port_as_server()
    {
        var json = PowerBiDataSource.Create(new WarehouseSettings("postgresql", "Host=pg.bielefeld.local;Port=5433;Database=sozialplanung;Username=etl;Password=x"));

        Assert.Equal(("postgresql", "pg.bielefeld.local:5433", "sozialplanung"), Details(json));
    }

    [Fact]
    public void The_embedded_SQLite_warehouse_has_no_data_source_file_and_says_why() =>
        Assert.Contains("ODBC", Assert.Throws<InvalidOperationException>(() => PowerBiDataSource.Create(new WarehouseSettings("sqlite", "Data Source=data/warehouse.db"))).Message, StringComparison.Ordinal);
}
