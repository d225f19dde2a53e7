using System.Text.Json;
using System.Text.Json.Nodes;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Plugins;

namespace Bielefeld.Etl.Reporting;

/// <summary>
/// Writes a Power BI data source file (<c>.pbids</c>) for the configured server warehouse: opened in Power BI Desktop,
/// it asks only for the credentials and offers the <c>rpt</c> views. It carries server and database, as the provider's
/// plug-in describes them (<see cref="ProviderPlugin.DescribeForPowerBi"/>), never a user name or password.
/// </summary>
public static class PowerBiDataSource
{
    /// <summary>The file's JSON for <paramref name="settings"/>.</summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or Power BI does not read it through such a file (docs/power-bi.md).</exception>
    public static string Create(WarehouseSettings settings)
    {
        var source = ProviderPlugins.Find(settings.Provider).DescribeForPowerBi(settings.ConnectionString);
        var document = new JsonObject
        {
            ["version"] = "0.1",
            ["connections"] = new JsonArray(new JsonObject
            {
                ["details"] = new JsonObject
                {
                    ["protocol"] = source.Protocol,
                    ["address"] = new JsonObject { ["server"] = source.Server, ["database"] = source.Database },
                },
                ["mode"] = "Import",
            }),
        };
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
