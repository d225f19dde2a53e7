namespace Bielefeld.Etl.Warehouse;

/// <summary>Which warehouse to use. Connection strings come from configuration or the environment, never from the repository.</summary>
/// <param name="Provider">sqlite (the embedded default), postgresql or sqlserver.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
public sealed record WarehouseSettings(string Provider, string ConnectionString);
