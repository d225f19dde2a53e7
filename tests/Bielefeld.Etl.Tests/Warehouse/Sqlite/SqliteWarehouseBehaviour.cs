using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;

namespace Bielefeld.Etl.Tests.Warehouse.Sqlite;

/// <summary>The behavioural suite on a real SQLite file per test.</summary>
public sealed class SqliteWarehouseBehaviour : WarehouseBehaviour
{
    private readonly TemporaryDirectory _db = new();

    protected override Task<WarehouseProvider> CreateWarehouseAsync() =>
        Task.FromResult<WarehouseProvider>(new SqliteWarehouse($"Data Source={_db.File("warehouse.db")}", TimeProvider.System));

    protected override string View(string name) => "rpt_" + name;

    protected override string Table(string name) => name;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _db.Dispose();
    }
}
