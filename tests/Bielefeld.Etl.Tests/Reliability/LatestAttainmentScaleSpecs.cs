using System.Diagnostics;
using System.Globalization;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Operations;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Reliability;

/// <summary>
/// The latest attainment (what <c>run</c> prints and the nightly summary compares) is read in one pass over
/// rpt.zielerreichung: at 66 k attainment figures, where the correlated subquery it replaced ran into the 30 s command
/// timeout and ended <c>run</c> with exit code 255 after its loads had committed.
/// </summary>
public sealed class LatestAttainmentScaleSpecs(PostgresServer server) : IAsyncLifetime
{
    private const int ExtraQuarters = 40;
    private string? _database;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database);
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_latest_attainment_of_every_indicator_and_area_is_read_in_one_pass_at_66_thousand_figures()
    {
        _database = await server.CreateDatabaseAsync(nameof(LatestAttainmentScaleSpecs));
        using var inbox = new OperationsInbox(withSamples: false);
        var warehouse = new PostgresWarehouse(_database, TimeProvider.System);
        var run = PipelineRun.Prepare(inbox.Options(new WarehouseSettings("postgresql", _database), moveFiles: false), warehouse, OperationsInbox.Logger(), TimeProvider.System);
        await run.InitialiseAsync(Token);
        int indicators, areas;
        await using (var connection = new NpgsqlConnection(_database))
        {
            // Every indicator in every area (the catalog's 25 and 40 more Quartiere), twelve months of 2017; an actual of
            // 10 (no small count to hide) in every month, except December in every other area.
            await connection.ExecuteAsync(
                """
                INSERT INTO dwh.dim_bereich (bereich_code, name, ebene, eltern_bereich_code)
                SELECT 'quartier:test-' || n, 'Testquartier ' || n, 'quartier',
                       (SELECT bereich_code FROM dwh.dim_bereich WHERE ebene = 'stadtbezirk' ORDER BY bereich_code LIMIT 1)
                FROM generate_series(1, @extra) n;
                DELETE FROM dwh.fact_zielerreichung;
                INSERT INTO dwh.fact_zielerreichung (indikator_code, monat, bereich_code, istwert, zielwert, zielpfad, grad, status, berechnet_um)
                SELECT i.indikator_code, make_date(2017, m, 1), b.bereich_code,
                       CASE WHEN m = 12 AND b.nr % 2 = 0 THEN NULL ELSE 10 END, 120, 10 * m, 1, 'gruen', now()
                FROM dwh.dim_indikator i
                CROSS JOIN (SELECT bereich_code, ROW_NUMBER() OVER (ORDER BY bereich_code) AS nr FROM dwh.dim_bereich) b
                CROSS JOIN generate_series(1, 12) m;
                ANALYZE dwh.fact_zielerreichung;
                """, new { extra = ExtraQuarters });
            indicators = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM dwh.dim_indikator");
            areas = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM dwh.dim_bereich");
            Assert.Equal(indicators * areas * 12L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.fact_zielerreichung"));
        }

        List<(string, string, string)> expected;
        await using (var connection = new NpgsqlConnection(_database))
        {
            // The plain definition, for comparison: per indicator and area the latest month whose actual the view shows.
            expected = [.. await connection.QueryAsync<(string, string, string)>(
                """
                SELECT z.indikator_code, z.bereich, to_char(z.monat, 'YYYY-MM-DD') FROM rpt.zielerreichung z
                JOIN (SELECT indikator_code, bereich_code, MAX(monat) AS monat FROM rpt.zielerreichung WHERE istwert IS NOT NULL
                      GROUP BY indikator_code, bereich_code) l ON l.indikator_code = z.indikator_code AND l.bereich_code = z.bereich_code AND l.monat = z.monat
                ORDER BY 1, 2, 3
                """)];
        }

        var clock = Stopwatch.StartNew();
        var latest = await warehouse.LatestAttainmentAsync(Token);
        clock.Stop();

        Assert.True(indicators * areas * 12 > 60_000, $"{indicators * areas * 12} Zielerreichungswerte");
        Assert.True(expected.Count > 5_000, $"{expected.Count} Indikatoren × Bereiche");
        Assert.Equal(expected.Order().ToList(), latest.Select(r => (r.IndikatorCode, r.Bereich, r.Monat.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Order().ToList());
        Assert.Contains(latest, r => r.Monat == new DateOnly(2017, 11, 1));
        Assert.Contains(latest, r => r.Monat == new DateOnly(2017, 12, 1));
        // Far below the command timeout (30 s) even on a shared machine; the correlated subquery took longer than that.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }
}
