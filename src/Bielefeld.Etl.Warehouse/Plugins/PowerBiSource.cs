namespace Bielefeld.Etl.Warehouse.Plugins;

/// <summary>What a Power BI data source file (<c>.pbids</c>) says about a warehouse: no user name, no password.</summary>
/// <param name="Protocol">Power BI's connector (<c>tds</c>, <c>postgresql</c>, …).</param>
/// <param name="Server">The server as the connector expects it (host, or host:port).</param>
/// <param name="Database">The database.</param>
public sealed record PowerBiSource(string Protocol, string Server, string Database);
