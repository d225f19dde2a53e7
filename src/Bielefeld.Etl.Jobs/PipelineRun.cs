using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Jobs.Files;
using Bielefeld.Etl.Jobs.Resilience;
using Bielefeld.Etl.Jobs.Reports;
using Bielefeld.Etl.Sources;
using Bielefeld.Etl.Warehouse;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Jobs;

/// <summary>
/// One run of one or more pipelines: every file in their inbox folders is loaded (or skipped as already loaded),
/// then attainment is recomputed for the indicators whose values changed.
/// </summary>
public sealed partial class PipelineRun
{
    private readonly EtlOptions _options;
    private readonly WarehouseProvider _warehouse;
    private readonly PlanCatalog _catalog;
    private readonly AreaCatalog _areas;
    private readonly IReadOnlyList<(PipelineDefinition Definition, IExtractReader Reader)> _pipelines;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LoadRetry _retry;
    private readonly FileDisposition _disposition;

    private PipelineRun(EtlOptions options, WarehouseProvider warehouse, PlanCatalog catalog, AreaCatalog areas,
        IReadOnlyList<(PipelineDefinition, IExtractReader)> pipelines, ILogger logger, TimeProvider time)
    {
        _areas = areas;
        _time = time;
        _options = options;
        _warehouse = warehouse;
        _catalog = catalog;
        _pipelines = pipelines;
        _logger = logger;
        _retry = new LoadRetry(warehouse, options.Retry, logger, time);
        _disposition = new FileDisposition(options.Files, time);
    }

    /// <summary>How many times this run's work was retried after a transient fault.</summary>
    public int Retries => _retry.Retries;

    /// <summary>The pipelines this run knows, in name order.</summary>
    public IEnumerable<PipelineDefinition> Pipelines => _pipelines.Select(p => p.Definition);

    /// <summary>The pipeline files that could not be read, in name order; their pipelines are not among <see cref="Pipelines"/>.</summary>
    public IReadOnlyList<BrokenPipeline> Broken { get; private init; } = [];

    /// <summary>The options the run was prepared with.</summary>
    public EtlOptions Options => _options;

    /// <summary>The plan catalog the run maps to.</summary>
    public PlanCatalog Catalog => _catalog;

    /// <summary>The plan catalog plus the context series the pipelines declare (<see cref="ContextCatalog"/>): what the warehouse's dimensions and attainment cover.</summary>
    public PlanCatalog WarehouseCatalog { get; private init; } = null!;

    /// <summary>The area hierarchy plus the areas outside Bielefeld that pipelines declare (a comparison Gemeinde): the warehouse's area dimension.</summary>
    public AreaCatalog WarehouseAreas { get; private init; } = null!;

    /// <summary>The area hierarchy.</summary>
    public AreaCatalog Areas => _areas;

    /// <summary>The rules across indicators the figures must keep (<c>konsistenz.yml</c> beside the catalog).</summary>
    public IReadOnlyList<Consistency.ConsistencyRule> ConsistencyRules { get; private init; } = [];

    /// <summary>
    /// The violations the last <see cref="RefreshStewardshipAsync"/> found: each indicator's first
    /// (<see cref="Summary.NightlySummaryText.LinesPerList"/>), all when there are no more; <see cref="ConsistencyViolationCount"/> counts all.
    /// </summary>
    public IReadOnlyList<Consistency.ConsistencyViolation> ConsistencyViolations { get; private set; } = [];

    /// <summary>How many violations the last <see cref="RefreshStewardshipAsync"/> found.</summary>
    public int ConsistencyViolationCount { get; private set; }

    /// <summary>Thresholds and target paths for the attainment computation.</summary>
    public AttainmentSettings Attainment { get; private init; } = AttainmentSettings.Default;

    /// <summary>
    /// Reads the catalog and every pipeline definition and checks them against each other, before any file is read.
    /// A pipeline file that is malformed or refers to something unknown is set aside in <see cref="Broken"/>.
    /// </summary>
    /// <exception cref="CatalogException">The catalog is inconsistent.</exception>
    /// <exception cref="PipelineDefinitionException">The pipeline folder is missing, or two files define the same pipeline.</exception>
    public static PipelineRun Prepare(EtlOptions options, WarehouseProvider warehouse, ILogger logger, TimeProvider time)
    {
        var catalog = Definitions.Catalog.CatalogFiles.Read(options.Catalog);
        var areas = Definitions.Catalog.AreaFiles.Read(options.Areas).WithAreaSets(catalog);
        var attainment = Definitions.Catalog.AttainmentFiles.Read(options.AttainmentFile, catalog);
        var context = new SourceContext(catalog, areas);
        var pipelines = new List<(PipelineDefinition, IExtractReader)>();
        var broken = new List<BrokenPipeline>();
        foreach (var path in PipelineFiles.List(options.Pipelines))
        {
            try
            {
                var definition = PipelineFiles.Read(path);
                pipelines.Add((definition, SourceReaders.Create(definition, context)));
            }
            catch (PipelineDefinitionException ex)
            {
                // One broken file stops only the runs that need its pipeline; which those are, the caller decides.
                broken.Add(new BrokenPipeline(Path.GetFileNameWithoutExtension(path), ex.Message));
            }
        }

        PipelineFiles.RefuseDuplicates(pipelines.Select(p => p.Item1));
        return new PipelineRun(options, warehouse, catalog, areas, pipelines, logger, time)
        {
            Broken = broken,
            Attainment = attainment,
            ConsistencyRules = Definitions.Catalog.ConsistencyFiles.Read(options.Catalog, catalog),
            // Context series that pipelines declare (residents by age band) join the warehouse's catalog as informational
            // indicators of the pseudo-measure Kontext; the plan itself (Catalog) stays as the catalog files say.
            WarehouseCatalog = ContextCatalog.Extend(catalog, pipelines.Select(p => p.Item2)),
            WarehouseAreas = ContextCatalog.ExtendAreas(areas, pipelines.Select(p => p.Item2)),
        };
    }

    /// <summary>
    /// Creates or upgrades the warehouse and brings its catalog dimensions in line with the catalog files; a changed
    /// catalog (a new or revised Zielwert) recomputes attainment for every indicator.
    /// </summary>
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        _warehouse.Migrate();
        if (await _warehouse.SyncCatalogAsync(WarehouseCatalog, WarehouseAreas, cancellationToken))
        {
            await _warehouse.RecomputeAttainmentAsync(WarehouseCatalog, null, Attainment, cancellationToken);
        }
    }

    /// <summary>
    /// Runs the named pipelines (all when <paramref name="names"/> is empty): loads, then attainment (for what this
    /// run changed and what earlier runs left pending), then the delivery calendar. A file's outcome is its
    /// transaction's: what fails after the commit is a warning of the run (<see cref="RunSummary.Warnings"/>), and
    /// the next run does it.
    /// </summary>
    /// <exception cref="PipelineDefinitionException">A name is not a known pipeline.</exception>
    /// <exception cref="WarehouseConnectionException">The warehouse cannot be reached or accepts no writes.</exception>
    public async Task<RunSummary> RunAsync(IReadOnlyCollection<string> names, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var loads = await LoadAsync(names, progress, cancellationToken);
        var warnings = loads.Warnings.ToList();
        var figures = await AfterCommitAsync(
            () => RecomputeAsync(loads.AffectedIndicators, cancellationToken), 0, warnings,
            "Zielerreichung nicht neu berechnet; der nächste Lauf holt es nach");
        var deliveries = await AfterCommitAsync(
            () => RefreshStewardshipAsync(cancellationToken), [], warnings,
            "Lieferkalender und Statushinweise nicht aktualisiert; der nächste Lauf holt es nach");
        LogRunFinished(loads.Files.Count, loads.AffectedIndicators.Count, figures);
        return loads with { AttainmentFigures = figures, Deliveries = deliveries, Warnings = warnings, ConsistencyViolations = ConsistencyViolations, ConsistencyViolationCount = ConsistencyViolationCount };
    }

    /// <summary>Work after the loads' commits: its failure is a warning, never the loads' outcome.</summary>
    private async Task<T> AfterCommitAsync<T>(Func<Task<T>> work, T fallback, List<string> warnings, string consequence)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var warning = $"{consequence} ({ex.GetType().Name}: {ex.Message})";
            LogAfterCommitFailed(ex, warning);
            warnings.Add(warning);
            return fallback;
        }
    }

    /// <summary>
    /// Loads the files of the named pipelines (all when <paramref name="names"/> is empty) without recomputing
    /// attainment: the scheduler runs <see cref="RecomputeAsync"/> as a continuation of a successful load. All pipelines
    /// are the readable ones: reporting the <see cref="Broken"/> ones is the caller's.
    /// </summary>
    /// <exception cref="PipelineDefinitionException">A name is not a known pipeline, or its file is broken.</exception>
    /// <exception cref="InboxUnavailableException">The inbox root is missing or cannot be read.</exception>
    /// <exception cref="WarehouseConnectionException">The warehouse cannot be reached or accepts no writes.</exception>
    public async Task<RunSummary> LoadAsync(IReadOnlyCollection<string> names, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadPipelinesAsync(names, progress, cancellationToken);
        }
        catch (Exception ex) when (_warehouse.IsReadOnly(ex))
        {
            // Nothing can be loaded, nor recorded in the warehouse: the files stay in the inbox, and the log and the
            // command's message say why (the warehouse is the operator's to fix, not the files').
            var message = $"Das Warehouse ({_warehouse.Name}) ist schreibgeschützt und nimmt nichts an: {ex.Message.ReplaceLineEndings(" ")} Nichts wurde geladen; die Dateien bleiben im Eingang.";
            LogWarehouseReadOnly(ex, message);
            throw new WarehouseConnectionException(message, ex);
        }
    }

    private async Task<RunSummary> LoadPipelinesAsync(IReadOnlyCollection<string> names, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        if (names.Count > 0 && Broken.FirstOrDefault(b => names.Contains(b.Name)) is { } broken)
        {
            throw new PipelineDefinitionException(broken.Message);
        }

        var unknown = names.Where(n => _pipelines.All(p => p.Definition.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new PipelineDefinitionException(
                $"Unbekannte Pipeline: {string.Join(", ", unknown)} (bekannt: {string.Join(", ", _pipelines.Select(p => p.Definition.Name))}).");
        }

        InboxRoot.RefuseUnavailable(_options.Inbox);
        await _retry.ExecuteAsync("(Initialisierung)", async ct => { await InitialiseAsync(ct); return true; }, cancellationToken);
        var warnings = new List<string>();
        await WritePendingStewardReportsAsync(warnings, cancellationToken);
        var results = new List<FileLoadResult>();
        var deferred = new List<DeferredFile>();
        foreach (var (definition, reader) in _pipelines.Where(p => names.Count == 0 || names.Contains(p.Definition.Name)))
        {
            var folder = Path.Combine(_options.Inbox, definition.Inbox);
            var listing = InboxFile.Scan(folder, definition.Files);
            foreach (var entry in listing.Refused)
            {
                results.Add(await RecordRefusedEntryAsync(definition, entry, cancellationToken));
            }

            foreach (var path in listing.Files)
            {
                switch (await LoadFileAsync(definition, reader, path, progress, cancellationToken))
                {
                    case FileLoadResult result:
                        results.Add(result);
                        if (result.Warning is { } warning)
                        {
                            warnings.Add(warning);
                        }

                        break;
                    case DeferredFile later:
                        deferred.Add(later);
                        break;
                }
            }
        }

        return new RunSummary(results, 0) { Deferred = deferred, Warnings = warnings };
    }

    /// <summary>
    /// Recomputes attainment for <paramref name="indicators"/> and for those that earlier loads left pending (their
    /// recomputation failed or never ran); returns the number of figures written.
    /// </summary>
    public Task<int> RecomputeAsync(IReadOnlyCollection<string> indicators, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync("(Zielerreichung)", async ct =>
        {
            var all = indicators.Union(await _warehouse.PendingAttainmentAsync(ct), StringComparer.Ordinal).ToList();
            return all.Count == 0 ? 0 : await _warehouse.RecomputeAttainmentAsync(WarehouseCatalog, all, Attainment, ct);
        }, cancellationToken);

    private async Task<object?> LoadFileAsync(
        PipelineDefinition definition, IExtractReader reader, string path, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var rows = new SynchronousProgress<int>(read => progress?.Report(new RunProgress(definition.Name, name, read, false)));
        var started = _time.GetUtcNow();
        ExtractFile? file = null;
        FileLoadResult result;
        try
        {
            result = await _retry.ExecuteAsync(name, async ct =>
            {
                if (FileReadiness.NotReadyReason(path, _options.Files.StableFor, _time.GetUtcNow()) is { } notReady)
                {
                    throw new FileNotReadyException(notReady);
                }

                var before = FileReadiness.Snapshot.Of(path);
                var fingerprinted = await InboxFile.FingerprintAsync(definition.Name, path, ct);
                file = fingerprinted;
                if (FileReadiness.ChangedSince(path, before) is { } changed)
                {
                    throw new FileNotReadyException(changed);
                }

                // Opened only once the fingerprint is claimed (bytes already loaded are never copied): the reader
                // reads a private copy whose hash is checked against the fingerprint.
                return await _warehouse.LoadAsync(fingerprinted, _ => OpenSnapshot(definition, reader, fingerprinted), rows, ct);
            }, cancellationToken);
        }
        catch (FileNotReadyException ex)
        {
            LogFileDeferred(name, ex.Message);
            return new DeferredFile(definition.Name, path, ex.Message);
        }
        catch (Exception ex) when (file is null && ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Another server took it (and archived it) between listing and reading.
            return null;
        }
        catch (Exception ex) when (file is null && FileLock.IsLocked(ex))
        {
            LogFileDeferred(name, "gesperrt (wird noch geschrieben)");
            return new DeferredFile(definition.Name, path, "gesperrt (wird noch geschrieben)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !_warehouse.IsReadOnly(ex))
        {
            LogFileFailed(ex, name);
            var message = $"{ex.GetType().Name}: {ex.Message}";
            file ??= new ExtractFile(definition.Name, path, "", 0);
            result = new FileLoadResult(file, FileLoadStatus.Failed, default, message);
            if (file.Sha256.Length > 0)
            {
                await RecordFailureAsync(file, message, started, cancellationToken);

                // A fault of the moment that outlasted the retries is the infrastructure's, not the file's: it stays
                // in the inbox. A permanent fault that recurs run after run sends the file to quarantine.
                if (!_retry.IsTransient(ex) && _disposition.RecordFailure(file, message) >= _options.Files.QuarantineAfter
                    && _disposition.Quarantine(file, message) is { } quarantined)
                {
                    LogFileQuarantined(name, quarantined, message);
                }
            }
        }

        // After the commit: the load stands whatever happens to its report (a warning, and the next run writes it).
        if (result is { Status: FileLoadStatus.Loaded, FileId: { } loadedId, Counts.Rejected: > 0 } && _options.Reports is not null)
        {
            var (report, warning) = await WriteStewardReportAsync(loadedId, result.File.Name, cancellationToken);
            result = result with { StewardReport = report, Warning = warning };
        }

        LogFileLoaded(name, result.Status, result.Counts.Read, result.Counts.Loaded, result.Counts.Rejected, result.Counts.Skipped);
        if (result.Status == FileLoadStatus.Refused)
        {
            LogFileRefused(name, result.Message ?? "");
        }

        Settle(result);
        progress?.Report(new RunProgress(definition.Name, name, result.Counts.Read, true));
        return result;
    }

    private async Task RecordFailureAsync(ExtractFile file, string message, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.ExecuteAsync(file.Name, async ct =>
            {
                await _warehouse.RecordUnloadedAsync(file, FileLoadStatus.Failed, Loading.FileReasons.Failed.Code, message, started, ct);
                return true;
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The warehouse itself is gone: the log and the run's result still say what happened.
            LogFailureNotRecorded(ex, file.Name);
        }
    }

    private void Settle(FileLoadResult result)
    {
        switch (result.Status)
        {
            case FileLoadStatus.Loaded or FileLoadStatus.AlreadyLoaded when _disposition.Archive(result.File) is { } archived:
                LogFileArchived(result.File.Name, archived);
                break;
            case FileLoadStatus.Refused when _disposition.Quarantine(result.File, result.Message ?? "abgewiesen") is { } quarantined:
                // The same bytes would be refused again every night: the steward must fix and re-deliver the file.
                LogFileQuarantined(result.File.Name, quarantined, result.Message ?? "");
                break;
        }
    }

    /// <summary>An inbox entry refused unopened (a link, a pipe, an empty file): recorded with status abgewiesen and its reason.</summary>
    private async Task<FileLoadResult> RecordRefusedEntryAsync(PipelineDefinition definition, RefusedInboxEntry entry, CancellationToken cancellationToken)
    {
        var file = InboxFile.Unopened(definition.Name, entry);
        LogEntryRefused(file.Name, entry.Reason.Code, entry.Message);
        await _warehouse.RecordUnloadedAsync(file, FileLoadStatus.Refused, entry.Reason.Code, entry.Message, _time.GetUtcNow(), cancellationToken);
        return new FileLoadResult(file, FileLoadStatus.Refused, default, $"{entry.Reason.Code}: {entry.Message}");
    }

    /// <summary>
    /// The reader over a private copy of the fingerprinted bytes (<see cref="InboxSnapshot"/>), its rows checked
    /// against the pipeline's <c>abweisung_max_anteil</c>; the copy goes when the reading is disposed.
    /// </summary>
    private static Loading.ExtractReading OpenSnapshot(PipelineDefinition definition, IExtractReader reader, ExtractFile file)
    {
        var snapshot = InboxSnapshot.Take(file);
        try
        {
            return RejectShareLimit.Apply(reader.Open(snapshot.Path), definition.MaxRejectedShare, file.Name, snapshot);
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    /// <summary>Steward reports that earlier runs could not write (an unwritable folder, a crash after the commit).</summary>
    private async Task WritePendingStewardReportsAsync(List<string> warnings, CancellationToken cancellationToken)
    {
        if (_options.Reports is null)
        {
            return;
        }

        var pending = await AfterCommitAsync(
            () => _warehouse.PendingStewardReportsAsync(cancellationToken), [], warnings,
            "Ausstehende Berichte der abgewiesenen Zeilen nicht gelesen; der nächste Lauf versucht es wieder");
        foreach (var report in pending)
        {
            if ((await WriteStewardReportAsync(report.FileId, report.Name, cancellationToken)).Warning is { } warning)
            {
                warnings.Add(warning);
            }
        }
    }

    /// <summary>
    /// The steward report of a load with rejected rows, as CSV and HTML, in the reports folder; marked written in the
    /// warehouse. A failure is returned as a warning: the report stays pending for the next run.
    /// </summary>
    private async Task<(string? Report, string? Warning)> WriteStewardReportAsync(long fileId, string fileName, CancellationToken cancellationToken)
    {
        var folder = _options.Reports!;
        try
        {
            var rows = await _warehouse.RejectedRowsAsync(new RejectedRowQuery(FileId: fileId, Limit: int.MaxValue, OpenOnly: true), cancellationToken);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, StewardReport.BaseName(fileId, fileName));
            StewardReport.WriteCsv(rows, path + ".csv");
            StewardReport.WriteHtml(rows, fileName, _time.GetUtcNow(), path + ".html");
            await _warehouse.StewardReportWrittenAsync(fileId, cancellationToken);
            LogStewardReport(fileName, rows.Count, path + ".csv");
            return (path + ".csv", null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var warning = $"{fileName}: geladen, aber der Bericht der abgewiesenen Zeilen wurde nicht geschrieben ({ex.GetType().Name}: {ex.Message}); der nächste Lauf schreibt ihn.";
            LogAfterCommitFailed(ex, warning);
            return (null, warning);
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "{File}: im Eingang abgewiesen ({Reason}), nicht geöffnet: {Detail}")]
    private partial void LogEntryRefused(string file, string reason, string detail);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "{File}: abgewiesen, nichts davon geladen: {Reason}")]
    private partial void LogFileRefused(string file, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{File}: {Rows} abgewiesene Zeilen im Bericht {Report}")]
    private partial void LogStewardReport(string file, int rows, string report);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{File}: {Status}, gelesen {Read}, geladen {Loaded}, abgewiesen {Rejected}, übersprungen {Skipped}")]
    private partial void LogFileLoaded(string file, FileLoadStatus status, int read, int loaded, int rejected, int skipped);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "{File}: Laden fehlgeschlagen, nichts davon wurde übernommen")]
    private partial void LogFileFailed(Exception exception, string file);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Lauf beendet: {Files} Dateien, {Indicators} Indikatoren neu berechnet ({Figures} Monatswerte)")]
    private partial void LogRunFinished(int files, int indicators, int figures);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "{File}: noch nicht übernommen, {Reason}; der nächste Lauf versucht es wieder")]
    private partial void LogFileDeferred(string file, string reason);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "{File}: archiviert nach {Target}")]
    private partial void LogFileArchived(string file, string target);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "{File}: in Quarantäne verschoben nach {Target}; Grund: {Reason}")]
    private partial void LogFileQuarantined(string file, string target, string reason);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Error, Message = "{File}: der Fehlschlag konnte nicht im Warehouse vermerkt werden")]
    private partial void LogFailureNotRecorded(Exception exception, string file);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Warning, Message = "Nach dem Laden: {Warning}")]
    private partial void LogAfterCommitFailed(Exception exception, string warning);

    [LoggerMessage(EventId = 1016, Level = LogLevel.Critical, Message = "{Message}")]
    private partial void LogWarehouseReadOnly(Exception exception, string message);
}
