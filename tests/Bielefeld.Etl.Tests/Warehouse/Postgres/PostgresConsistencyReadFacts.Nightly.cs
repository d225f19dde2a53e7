using System.Diagnostics;
using System.Text;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

// A run works in proportion to what it changed, not to the warehouse's size (docs/performance.md, "The nightly run with
// nothing new"): a night with nothing new reads nothing of the fact and rewrites no figure, and the check after a load
// reads only the months that load changed.
public sealed partial class PostgresConsistencyReadFacts
{
    [Fact]
    public async Task A_run_with_nothing_new_reads_nothing_of_the_fact_and_rewrites_no_attainment_figure()
    {
        var ct = TestContext.Current.CancellationToken;
        WriteMeldebogen("Meldebogen_Jobcenter-6_2017.csv", Months(2016, 1, 15, part: 15, whole: 12));
        var run = Prepare();
        await run.InitialiseAsync(ct);
        var first = await run.RunAsync(["meldebogen"], null, ct);

        var (again, statements) = await StatementsAsync(() => run.RunAsync(["meldebogen"], null, ct));

        Assert.Equal(FileLoadStatus.AlreadyLoaded, Assert.Single(again.Files).Status);
        Assert.NotEmpty(statements);
        Assert.DoesNotContain(statements, s => s.Contains("fact_beobachtung", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.StartsWith("UPDATE dwh.fact_zielerreichung", StringComparison.Ordinal));
        // Nor the catalog (its fingerprint is unchanged), nor the kept latest attainment; the stored findings only as an
        // excerpt (each indicator's first and their number), never all of them.
        Assert.DoesNotContain(statements, s => s.Contains("INSERT INTO dwh.dim_", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains("zielerreichung_letzte", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s == PostgresSql.ConsistencyFindings);
        Assert.Single(statements, s => s == PostgresSql.ConsistencyFindingsExcerpt);
        // The same 15 findings as the check of every month after the load, from what it stored.
        Assert.Equal(15, first.ConsistencyViolations.Count);
        Assert.Equal(first.ConsistencyViolations, again.ConsistencyViolations);
    }

    [Fact]
    public async Task The_check_after_a_load_of_one_month_reads_that_month_only()
    {
        var ct = TestContext.Current.CancellationToken;
        // Fifteen months: a check of every month reads them in two windows (twelve delivered months at most per read).
        WriteMeldebogen("Meldebogen_Jobcenter-6_2017.csv", Months(2016, 1, 15, part: 15, whole: 12));
        var run = Prepare();
        await run.InitialiseAsync(ct);
        await run.RunAsync(["meldebogen"], null, ct);
        WriteMeldebogen("Meldebogen_Jobcenter-6_2017-04.csv", Months(2017, 4, 1, part: 10, whole: 12));

        var (corrected, statements) = await StatementsAsync(() => run.RunAsync(["meldebogen"], null, ct));

        Assert.Single(statements, s => s.StartsWith(MonthlyActualsRead, StringComparison.Ordinal) && s.Contains("ANY(@indicators)", StringComparison.Ordinal));
        // April 2017 is consistent now; the other fifteen months keep their findings.
        Assert.Equal(15, corrected.ConsistencyViolations.Count);
        Assert.DoesNotContain(corrected.ConsistencyViolations, v => v.Month == new DateOnly(2017, 4, 1));
    }

    private static string[] Months(int year, int month, int count, int part, int whole) =>
        [.. Enumerable.Range(0, count).Select(i => new DateOnly(year, month, 1).AddMonths(i)).SelectMany(m => new[]
        {
            $"Jobcenter-6.2;;;{m:yyyy-MM};;{whole};;;;;Jobakademie Ü25;Jobcenter",
            $"Jobcenter-6.3;;;{m:yyyy-MM};;{part};;;;;darunter zusätzliche;Jobcenter",
        })];

    private void WriteMeldebogen(string name, string[] rows)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Folder("inbox"), "meldebogen")).FullName;
        File.WriteAllText(Path.Combine(folder, name), string.Join("\r\n",
            ["Indikator;Bezeichnung;Einheit;Periode;Bereich;Wert;Zaehler;Nenner;Erledigt_am;Bewertung;Kommentar;Gemeldet_von", .. rows]) + "\r\n", new UTF8Encoding(true));
    }

    private PipelineRun Prepare()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2017, 5, 20, 2, 0, 0, TimeSpan.Zero));
        return PipelineRun.Prepare(
            new EtlOptions(_dir.Folder("inbox"), RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings("postgresql", _database)),
            new PostgresWarehouse(_database, clock), NullLogger.Instance, clock);
    }

    /// <summary>What <paramref name="work"/> returns, and the text of every statement it sends to this class's database.</summary>
    private async Task<(T Result, List<string> Statements)> StatementsAsync<T>(Func<Task<T>> work)
    {
        var database = new NpgsqlConnectionStringBuilder(_database).Database;
        var statements = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                var text = (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement"))?.ToString() ?? "";
                if ((a.GetTagItem("db.namespace") ?? a.GetTagItem("db.name"))?.ToString() == database)
                {
                    lock (statements)
                    {
                        statements.Add(text);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var result = await work();
        return (result, statements);
    }
}
