using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Hosting;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Tests.Operations;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Plugins;
using Bielefeld.Etl.Warehouse.Sqlite;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Workspace;

/// <summary>
/// A real <c>serve</c> in this process on a free loopback port: SQLite warehouse in a temporary folder, Hangfire in
/// memory, a temporary inbox with copies of the KAF samples, already loaded once (and archived, as <c>serve</c> does).
/// The run's clock stands at the morning of 6 July 2017 (and moves on a little with every reading), the day after the
/// June workbooks were due, so the delivery calendar reads as it did then.
/// </summary>
public sealed partial class WorkspaceServer : IAsyncDisposable
{
    private readonly OperationsInbox _inbox = new();
    private readonly JobSuccesses _jobs = new();
    private WebApplication? _app;

    private WorkspaceServer()
    {
    }

    public string Url { get; private set; } = "";

    public string Inbox => _inbox.Root;

    public string KafInbox => _inbox.Kaf;

    public SqliteWarehouse Warehouse { get; private set; } = null!;

    public PipelineRun Run { get; private set; } = null!;

    public WebApplication App => _app!;

    public static async Task<WorkspaceServer> StartAsync(long uploadLimit = 50L << 20, IReadOnlyList<string>? allowedHosts = null)
    {
        var server = new WorkspaceServer();
        var ct = TestContext.Current.CancellationToken;
        var connection = $"Data Source={server._inbox.File("warehouse.db")}";
        var clock = new FakeTimeProvider(new DateTimeOffset(2017, 7, 6, 6, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(5) };
        server.Warehouse = new SqliteWarehouse(connection, clock);
        server.Run = PipelineRun.Prepare(server._inbox.Options(new WarehouseSettings("sqlite", connection), moveFiles: true), server.Warehouse, NullLogger.Instance, clock);
        await server.Run.InitialiseAsync(ct);
        await server.Run.RunAsync(["kaf"], null, ct);
        server.Url = $"http://127.0.0.1:{FreePort()}";

        server._app = EtlServer.Build(
            new ServerOptions { Urls = server.Url, UploadLimitBytes = uploadLimit, WorkerCount = 1, JobStorage = JobStorageOptions.Default with { QueuePollInterval = TimeSpan.FromSeconds(1) }, AllowedHosts = allowedHosts ?? [] },
            new InMemoryStorage(), server.Run, server.Warehouse, b => b.AddProvider(server._jobs));
        await server._app.StartAsync(ct);
        return server;
    }

    /// <summary>The FIM workbook with its sum fixed: the row rejected as SUMME_ABWEICHEND now loads (REGE-9.1 June 37 → 46).</summary>
    public static string WriteCorrectedFim(string folder)
    {
        var fim = KafSampleSet.For2017().Single(w => w.Workbook.ProjectCode == "FIM").Workbook;
        var path = Path.Combine(folder, "KAF_FIM_2017.xlsx");
        KafWorkbookWriter.Write(fim with { Rows = [.. fim.Rows.Select(r => r with { SumOverride = null })] }, path);
        return path;
    }

    public string File(string name) => _inbox.File(name);

    /// <summary>
    /// Completes when the job the job state log names <paramref name="job"/> (<c>PipelineJob.RunAsync(kaf)</c>) next
    /// succeeds: a spec asks before it triggers the job and awaits the server's own event instead of polling.
    /// </summary>
    public Task SucceededAsync(string job) => _jobs.Next(job);

    /// <summary>An HTTP client that keeps the antiforgery cookie and does not follow redirects.</summary>
    public HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(Url) };

    /// <summary>The antiforgery token of a page's forms (the cookie half stays in the client).</summary>
    public static async Task<string> TokenAsync(HttpClient http, string page)
    {
        var html = await http.GetStringAsync(page, TestContext.Current.CancellationToken);
        return WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        _inbox.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Reads the job state log's transitions (event 2010) and completes the waits for a job's success.</summary>
    private sealed class JobSuccesses : ILoggerProvider, ILogger
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited = new(StringComparer.Ordinal);

        public Task Next(string job) => _awaited.GetOrAdd(job, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 2010 && state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "NewState").Value is "Succeeded"
                && values.FirstOrDefault(v => v.Key == "Job").Value is string job
                && _awaited.TryRemove(job, out var succeeded))
            {
                succeeded.TrySetResult();
            }
        }

        public void Dispose()
        {
        }
    }

    [GeneratedRegex("name=\"__csrf\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
