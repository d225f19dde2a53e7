using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Warehouse.Plugins;

/// <summary>
/// Everything the product needs to know about one warehouse provider, in the provider's own project: the name
/// configuration gives it, its warehouse, the Hangfire job storage beside it and the Power BI data source that reads
/// it. A provider project registers its plug-in once with <see cref="RegisterProviderAttribute"/>;
/// <see cref="ProviderPlugins"/> finds it, so hosting, reporting and the command line never name a provider.
/// </summary>
/// <param name="name">The name in configuration (<c>Warehouse:Provider</c>, <c>--provider</c>).</param>
/// <param name="createWarehouse">Creates the warehouse from connection string, clock and logger.</param>
public abstract class ProviderPlugin(string name, Func<string, TimeProvider, ILogger, WarehouseProvider> createWarehouse)
{
    /// <summary>The schema of Hangfire's tables in a server database (beside dwh, stg and rpt).</summary>
    public const string JobSchema = "hangfire";

    /// <summary>The name in configuration (<c>Warehouse:Provider</c>, <c>--provider</c>); the warehouse's own <see cref="WarehouseProvider.Name"/>.</summary>
    public string Name { get; } = name;

    /// <summary>Whether this is the provider used when configuration names none: the one that needs no server.</summary>
    public virtual bool IsDefault => false;

    /// <summary>The warehouse for <paramref name="connectionString"/>, logging to <paramref name="log"/>.</summary>
    public WarehouseProvider CreateWarehouse(string connectionString, TimeProvider time, ILogger log) => createWarehouse(connectionString, time, log);

    /// <summary>The Hangfire job storage <c>serve</c> uses with this warehouse.</summary>
    /// <exception cref="InvalidOperationException">The login cannot use the storage; the message says why, in German.</exception>
    public abstract ProviderJobStorage CreateJobStorage(string connectionString, JobStorageOptions options);

    /// <summary>Server and database of the <c>.pbids</c> file Power BI Desktop opens; never credentials.</summary>
    /// <exception cref="InvalidOperationException">Power BI cannot read this warehouse through such a file, or the connection string lacks a value.</exception>
    public virtual PowerBiSource DescribeForPowerBi(string connectionString) =>
        throw new InvalidOperationException($"Für den Warehouse-Provider '{Name}' gibt es keine Power-BI-Datenquelle (docs/power-bi.md).");

    /// <summary>
    /// Where <paramref name="warehouse"/> would be created, when it keeps its data in a file that is not there; null
    /// for a server database, which refuses a missing database itself. Only <c>init</c> creates a missing store.
    /// </summary>
    public virtual string? MissingStore(WarehouseProvider warehouse) => null;

    /// <summary>The first non-empty value of <paramref name="keys"/> (spellings of one setting) in <paramref name="connectionString"/>.</summary>
    /// <exception cref="InvalidOperationException">None of them is set.</exception>
    protected static string Value(string connectionString, params string[] keys)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keys.Select(k => builder.TryGetValue(k, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null)
                   .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
               ?? throw new InvalidOperationException($"Die Verbindungszeichenfolge nennt keinen Wert für {string.Join("/", keys)}.");
    }
}
