using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Hosting;
using Bielefeld.Etl.Hosting.Jobs;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>
/// The server's log is a record of the night an operator can filter by event id: each state a job enters, each file's
/// load and archiving, the attainment continuation, and the migrations of the start (docs/operations.md, "Log events").
/// </summary>
public sealed partial class JobLogSpecs : IDisposable
{
    private readonly OperationsInbox _inbox = new();
    private readonly List<string> _log = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _inbox.Dispose();
    }

    [Fact]
    public async Task A_pipeline_job_logs_each_state_it_enters_its_loads_its_continuation_and_the_migrations_with_event_ids()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = $"Data Source={_inbox.File("warehouse.db")}";
        var clock = new FakeTimeProvider(new DateTimeOffset(2017, 7, 6, 3, 30, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(5) };
        var warehouse = new SqliteWarehouse(connection, clock) { Log = OperationsInbox.Logger(_log) };
        var run = PipelineRun.Prepare(_inbox.Options(new WarehouseSettings("sqlite", connection), moveFiles: true), warehouse, OperationsInbox.Logger(_log), clock);
        await run.InitialiseAsync(ct);
        var logging = new ListLoggerProvider(_log, awaitedEventId: 2002);
        await using var app = EtlServer.Build(new ServerOptions { Urls = $"http://127.0.0.1:{FreePort()}", WorkerCount = 1 }, new InMemoryStorage(), run, warehouse,
            b => b.AddProvider(logging));
        await app.StartAsync(ct);

        var id = app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<PipelineJob>(job => job.RunAsync("kaf", null, CancellationToken.None));
        await logging.Logged.Task.WaitAsync(TimeSpan.FromMinutes(1), ct);

        await app.StopAsync(ct);
        var lines = Lines();
        Assert.Equal(["- → Enqueued", "Enqueued → Processing", "Processing → Succeeded"],
            lines.Select(l => Transition().Match(l)).Where(m => m.Success && m.Groups["id"].Value == id).Select(m => m.Groups["states"].Value));
        Assert.Contains(lines, l => Transition().Match(l) is { Success: true } m && m.Groups["job"].Value == "AttainmentJob.RecomputeAsync(kaf)" && m.Groups["states"].Value == "Processing → Succeeded");
        Assert.Equal(5, lines.Count(l => l.StartsWith("1001 ", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("2001 Pipeline kaf: ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("2002 Zielerreichung nach kaf: ", StringComparison.Ordinal));
        // Every versioned script and the repeatable views (views/<hash>).
        Assert.Equal(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "sql", "sqlite"), "*.sql").Length + 1,
            lines.Count(l => l.StartsWith("3002 Migration: Executing", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_pipeline_job_that_finds_its_pipeline_locked_is_skipped_with_event_2022_and_loads_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = $"Data Source={_inbox.File("warehouse.db")}";
        var clock = new FakeTimeProvider(new DateTimeOffset(2017, 7, 6, 3, 30, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(5) };
        var warehouse = new SqliteWarehouse(connection, clock);
        var run = PipelineRun.Prepare(_inbox.Options(new WarehouseSettings("sqlite", connection), moveFiles: true), warehouse, OperationsInbox.Logger(_log), clock);
        await run.InitialiseAsync(ct);
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
        var storage = new InMemoryStorage();
        // Another execution holds kaf's lock; the in-memory storage has no orphaned locks, so the job does not wait for one.
        using var other = storage.GetConnection();
        using var held = other.AcquireDistributedLock("bielefeld-etl:pipeline:kaf", TimeSpan.FromSeconds(1));
        var logging = new ListLoggerProvider(_log, awaitedEventId: 2022);
        await using var app = EtlServer.Build(new ServerOptions { Urls = $"http://127.0.0.1:{FreePort()}", WorkerCount = 1 }, storage, run, warehouse,
            b => b.AddProvider(logging));
        await app.StartAsync(ct);

        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<PipelineJob>(job => job.RunAsync("kaf", null, CancellationToken.None));
        // A real server's worker: the lock's 5 s timeout passes on the real clock (Hangfire's, not ours); the spec awaits the event.
        await logging.Logged.Task.WaitAsync(TimeSpan.FromMinutes(1), ct);

        await app.StopAsync(ct);
        var lines = Lines();
        Assert.Single(lines, l => l == "2022 Pipeline kaf übersprungen: eine andere Ausführung hält ihre Sperre und arbeitet noch.");
        Assert.DoesNotContain(lines, l => l.StartsWith("1001 ", StringComparison.Ordinal) || l.StartsWith("2020 ", StringComparison.Ordinal));
        Assert.Equal(5, Directory.GetFiles(_inbox.Kaf).Length);
    }

    private List<string> Lines()
    {
        lock (_log)
        {
            return [.. _log];
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("^2010 Job (?<id>\\S+) (?<job>\\S+): (?<states>\\S+ → \\S+)$")]
    private static partial Regex Transition();

    /// <summary>Collects every line into the list and completes <see cref="Logged"/> once the awaited event is written.</summary>
    private sealed class ListLoggerProvider(List<string> lines, int awaitedEventId) : ILoggerProvider, ILogger
    {
        private readonly OperationsInbox.ListLogger _lines = new(lines);

        public TaskCompletionSource Logged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            _lines.Log(logLevel, eventId, state, exception, formatter);
            if (eventId.Id == awaitedEventId)
            {
                Logged.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }
}
