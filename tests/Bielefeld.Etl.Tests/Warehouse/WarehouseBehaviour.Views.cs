namespace Bielefeld.Etl.Tests.Warehouse;

/// <summary>
/// The views are one repeatable script per dialect (sql/&lt;provider&gt;/views), journalled under a hash of the view files
/// and the migrations' names: when that changes, the next start drops every view over a loaded warehouse (dependants
/// first) and creates them again, and the reports read the same figures.
/// </summary>
public abstract partial class WarehouseBehaviour
{
    [Fact]
    public async Task A_changed_view_set_is_dropped_and_re_created_over_a_loaded_warehouse_with_the_same_figures()
    {
        CopySamples();
        await RunAsync();
        var before = await ReportFiguresAsync();
        lock (WarehouseLog)
        {
            WarehouseLog.Clear();
        }

        // As if a view file had changed: the journal no longer holds the hash of the set applied.
        await QueryAsync<int>($"DELETE FROM {Table("schemaversions")} WHERE scriptname LIKE 'views/%'");
        Warehouse.Migrate();

        lock (WarehouseLog)
        {
            var executed = Assert.Single(WarehouseLog, l => l.StartsWith("3002 Migration: Executing", StringComparison.Ordinal));
            Assert.Contains("'views/", executed, StringComparison.Ordinal);
        }

        Assert.Equal(before, await ReportFiguresAsync());
        Assert.Equal((1266, 0, 5, 42), before);
    }

    private async Task<(int Figures, int Hidden, int Files, int Values)> ReportFiguresAsync() =>
        (await QueryAsync<(int, int, int, int)>(
            $"""
            SELECT (SELECT COUNT(*) FROM {View("zielerreichung")}),
                   (SELECT COUNT(*) FROM {View("zielerreichung")} WHERE geheimhaltung = 'geheim'),
                   (SELECT COUNT(*) FROM {View("ladeprotokoll")}),
                   (SELECT COUNT(*) FROM {View("beobachtung")} WHERE wert IS NOT NULL)
            """)).Single();
}
