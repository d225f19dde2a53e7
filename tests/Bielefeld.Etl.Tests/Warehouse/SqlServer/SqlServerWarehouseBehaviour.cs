using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.SqlServer;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Tests.Warehouse.SqlServer;

/// <summary>The behavioural suite on SQL Server (Testcontainers.MsSql); skipped with the reason where no Docker engine is reachable.</summary>
public sealed class SqlServerWarehouseBehaviour(SqlServerContainer server) : WarehouseBehaviour
{
    protected override async Task<WarehouseProvider> CreateWarehouseAsync(TimeProvider time, ILogger log) =>
        new SqlServerWarehouse(await server.CreateDatabaseAsync(nameof(SqlServerWarehouseBehaviour)), time) { Log = log };

    protected override string StagingAside(bool aside) => aside
        ? "EXEC sp_rename 'stg.observation', 'observation_beiseite'"
        : "EXEC sp_rename 'stg.observation_beiseite', 'observation'";

    protected override string ForgetFileMonthsMigration =>
        "DROP TABLE dwh.load_file_monat; DELETE FROM dwh.SchemaVersions WHERE ScriptName = 'sqlserver/0009_load_file_monat.sql'";

    protected override string View(string name) => "rpt." + name;

    protected override string RowVersion => "CONVERT(varchar(30), %%physloc%%, 1)";

    protected override string InstantTextType => "varchar(30)";

    protected override string Table(string name) =>
        name.StartsWith("stg_", StringComparison.Ordinal) ? "stg." + name["stg_".Length..] : "dwh." + name;

    protected override string MonthText(string column) => $"CONVERT(char(10), {column}, 23)";
}
