using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Files;
using Bielefeld.Etl.Jobs.Resilience;
using Bielefeld.Etl.Warehouse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>A temporary inbox with copies of the KAF samples, and the options a run over it needs.</summary>
public sealed class OperationsInbox : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public OperationsInbox(bool withSamples = true)
    {
        Root = _dir.Folder("inbox");
        Kaf = Directory.CreateDirectory(Path.Combine(Root, "kaf")).FullName;
        if (withSamples)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, "kaf")))
            {
                System.IO.File.Copy(file, Path.Combine(Kaf, Path.GetFileName(file)));
                // Copies carry the time of copying; the samples are old deliveries.
                System.IO.File.SetLastWriteTimeUtc(Path.Combine(Kaf, Path.GetFileName(file)), new DateTime(2017, 7, 5, 8, 0, 0, DateTimeKind.Utc));
            }
        }
    }

    public string Root { get; }

    public string Kaf { get; }

    public string Archive => Path.Combine(Root, "_archiv");

    public string Quarantine => Path.Combine(Root, "_quarantaene");

    public string File(string name) => _dir.File(name);

    public EtlOptions Options(WarehouseSettings warehouse, bool moveFiles, TimeSpan stableFor = default, RetrySettings? retry = null) =>
        new(Root, RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, warehouse)
        {
            Files = new FileHandling
            {
                Archive = moveFiles ? Archive : null,
                Quarantine = moveFiles ? Quarantine : null,
                StableFor = stableFor,
                QuarantineAfter = 2,
            },
            Retry = retry ?? new RetrySettings { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };

    public static ILogger Logger(List<string>? lines = null) => lines is null ? NullLogger.Instance : new ListLogger(lines);

    public void Dispose() => _dir.Dispose();

    /// <summary>Collects formatted log lines with their event ids.</summary>
    public sealed class ListLogger(List<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add($"{eventId.Id} {formatter(state, exception)}");
            }
        }
    }
}
