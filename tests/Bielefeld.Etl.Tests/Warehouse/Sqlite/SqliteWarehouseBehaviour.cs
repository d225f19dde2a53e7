using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Tests.Warehouse.Sqlite;

/// <summary>The behavioural suite on a real SQLite file per test.</summary>
public sealed class SqliteWarehouseBehaviour : WarehouseBehaviour
{
    private readonly TemporaryDirectory _db = new();

    protected override Task<WarehouseProvider> CreateWarehouseAsync(TimeProvider time, ILogger log) =>
        Task.FromResult<WarehouseProvider>(new SqliteWarehouse($"Data Source={_db.File("warehouse.db")}", time) { Log = log });

    protected override string View(string name) => "rpt_" + name;

    protected override string Table(string name) => name;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _db.Dispose();
    }
}
