using System.Globalization;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs.Summary;

/// <summary>
/// After a run: puts the nightly summary together, writes it into the reports folder (HTML and text) and, where an
/// SMTP relay is configured, mails it.
/// </summary>
public static class NightlySummaryPublisher
{
    private const string SnapshotFile = "nachtbericht-ampeln.json";

    /// <summary>
    /// Builds the summary of <paramref name="run"/> as of <paramref name="day"/>, comparing the statuses of
    /// <paramref name="latest"/> (the latest attainment, which the run shows too; at 10 M observations the read takes
    /// seconds) with the last summary in <paramref name="reports"/>.
    /// </summary>
    public static async Task<NightlySummary> BuildAsync(
        RunSummary run, WarehouseProvider warehouse, IReadOnlyList<AttainmentRow> latest, string? reports, DateOnly day, CancellationToken cancellationToken)
    {
        var rejected = new List<RejectedRowRecord>();
        foreach (var file in run.Files.Where(f => f.Status == FileLoadStatus.Loaded && f.Counts.Rejected > 0 && f.FileId is not null))
        {
            rejected.AddRange(await warehouse.RejectedRowsAsync(new RejectedRowQuery(FileId: file.FileId), cancellationToken));
        }

        var byReason = rejected.GroupBy(r => r.GrundCode, StringComparer.Ordinal)
            .Select(g => new ReasonCount(g.Key, "z. B. " + g.First().Datei + ", Zeile " + g.First().Zeile.ToString(CultureInfo.InvariantCulture) + ": " + g.First().Grund, g.Count()))
            .OrderByDescending(r => r.Rows).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var current = StatusSnapshot.Of(latest);
        var before = reports is null ? [] : StatusSnapshot.Read(Path.Combine(reports, SnapshotFile));
        return new NightlySummary(day, run.Files, byReason, run.LateDeliveries, StatusSnapshot.Compare(before, current))
        {
            Statuses = current,
            ConsistencyViolations = run.ConsistencyViolations,
            ConsistencyViolationCount = run.ConsistencyViolationCount,
        };
    }

    /// <summary>
    /// For the scheduled summary of the server mode, where the night's pipelines ran as separate jobs: summarises every
    /// load recorded since the previous summary (the load protocol, not one run's result) and publishes it.
    /// </summary>
    /// <returns>The HTML file written.</returns>
    public static async Task<string> PublishSinceLastAsync(PipelineRun run, WarehouseProvider warehouse, CancellationToken cancellationToken)
    {
        var now = run.Time.GetUtcNow();
        var reports = run.Options.Reports ?? throw new InvalidOperationException("Der Nachtbericht braucht einen Berichtsordner (Einstellung Reports).");
        Directory.CreateDirectory(reports);
        var mark = Path.Combine(reports, "nachtbericht-stand.txt");
        var since = File.Exists(mark) && DateTimeOffset.TryParse(await File.ReadAllTextAsync(mark, cancellationToken), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var last)
            ? last
            : now.AddDays(-1);
        var files = (await warehouse.RecentLoadsAsync(10_000, cancellationToken))
            .Where(l => l.GestartetUm > since)
            .OrderBy(l => l.DateiId)
            .Select(FromProtocol)
            .ToList();
        var deliveries = await run.RefreshStewardshipAsync(cancellationToken);
        var summary = await BuildAsync(new RunSummary(files, 0) { Deliveries = deliveries, ConsistencyViolations = run.ConsistencyViolations, ConsistencyViolationCount = run.ConsistencyViolationCount },
            warehouse, await warehouse.LatestAttainmentAsync(cancellationToken), reports, run.Today, cancellationToken);
        var page = await PublishAsync(summary, reports, run.Options.Smtp, cancellationToken);
        await File.WriteAllTextAsync(mark, now.ToString("O", CultureInfo.InvariantCulture), cancellationToken);
        return page;
    }

    private static FileLoadResult FromProtocol(LoadRecord load) => new(
        new ExtractFile(load.Quelle, load.Datei, "", 0),
        Enum.GetValues<FileLoadStatus>().FirstOrDefault(s => s.ToStoredName() == load.Status, FileLoadStatus.Failed),
        new Loading.RowCounts((int)load.ZeilenGelesen, (int)load.ZeilenGeladen, (int)load.ZeilenAbgewiesen, (int)load.ZeilenUebersprungen),
        load.Meldung)
    { FileId = load.DateiId };

    /// <summary>
    /// Writes the summary (and the statuses for the next one) into <paramref name="reports"/> and mails it when
    /// <paramref name="smtp"/> is set. Every summary gets files of its own: the first of a day is
    /// <c>nachtbericht_&lt;Datum&gt;.html</c> (and <c>.txt</c>), a later one that day (a manual <c>run</c> after the night)
    /// <c>nachtbericht_&lt;Datum&gt;_2.html</c> and so on, so the night's summary is never replaced.
    /// </summary>
    /// <returns>The HTML file written.</returns>
    public static async Task<string> PublishAsync(
        NightlySummary summary, string reports, SmtpSettings? smtp, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(reports);
        var (html, page) = ClaimPage(reports, "nachtbericht_" + summary.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await using (var writer = new StreamWriter(page))
        {
            await writer.WriteAsync(NightlySummaryText.Html(summary).AsMemory(), cancellationToken);
        }

        await File.WriteAllTextAsync(Path.ChangeExtension(html, ".txt"), NightlySummaryText.Text(summary), cancellationToken);
        StatusSnapshot.Write(Path.Combine(reports, SnapshotFile), summary.Statuses);
        if (smtp is not null)
        {
            await new SmtpSummarySender(smtp).SendAsync(summary, cancellationToken);
        }

        return html;
    }

    /// <summary>
    /// Creates the first free page of <paramref name="name"/> (<c>name.html</c>, <c>name_2.html</c>, …). Created, not
    /// checked and then written: two runs finishing at the same moment still get a page each.
    /// </summary>
    private static (string Path, FileStream Page) ClaimPage(string reports, string name)
    {
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(reports, n == 1 ? name + ".html" : string.Create(CultureInfo.InvariantCulture, $"{name}_{n}.html"));
            try
            {
                return (path, new FileStream(path, FileMode.CreateNew, FileAccess.Write));
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
    }
}
