using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Reporting;

/// <summary>
/// Writes a Power BI data source file (<c>.pbids</c>) for the configured server warehouse: opened in Power BI Desktop,
/// it asks only for the credentials and offers the <c>rpt</c> views. It carries server and database, never a user
/// name or password.
/// </summary>
public static class PowerBiDataSource
{
    /// <summary>The file's JSON for <paramref name="settings"/>.</summary>
    /// <exception cref="InvalidOperationException">The provider is SQLite, which Power BI reads through ODBC only (docs/power-bi.md).</exception>
    public static string Create(WarehouseSettings settings)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        string Value(params string[] keys) =>
            keys.Select(k => builder.TryGetValue(k, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null)
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? throw new InvalidOperationException($"Die Verbindungszeichenfolge nennt keinen Wert für {string.Join("/", keys)}.");

        var (protocol, server, database) = settings.Provider.ToLowerInvariant() switch
        {
            "sqlserver" => ("tds", Value("Server", "Data Source", "Address", "Addr"), Value("Database", "Initial Catalog")),
            "postgresql" => ("postgresql", builder.TryGetValue("Port", out var port) ? $"{Value("Host", "Server")}:{port}" : Value("Host", "Server"), Value("Database")),
            _ => throw new InvalidOperationException(
                "Power BI liest SQLite nur über einen ODBC-Treiber; eine .pbids-Datei gibt es für sqlserver und postgresql (docs/power-bi.md)."),
        };
        var document = new JsonObject
        {
            ["version"] = "0.1",
            ["connections"] = new JsonArray(new JsonObject
            {
                ["details"] = new JsonObject
                {
                    ["protocol"] = protocol,
                    ["address"] = new JsonObject { ["server"] = server, ["database"] = database },
                },
                ["mode"] = "Import",
            }),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
