using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>What one pipeline job did; Hangfire stores it as the job's result and the dashboard shows it.</summary>
public sealed record PipelineJobReport(
    string Pipeline,
    int Geladen,
    int BereitsGeladen,
    int Abgewiesen,
    int Fehlgeschlagen,
    int Wiederholungen,
    IReadOnlyList<PipelineJobReport.Datei> Dateien,
    IReadOnlyList<string> Zurueckgestellt)
{
    /// <summary>Builds the report from a run's summary.</summary>
    public static PipelineJobReport From(string pipeline, RunSummary summary, int retries) => new(
        pipeline,
        summary.Files.Count(f => f.Status == FileLoadStatus.Loaded),
        summary.Files.Count(f => f.Status == FileLoadStatus.AlreadyLoaded),
        summary.Files.Count(f => f.Status == FileLoadStatus.Refused),
        summary.Files.Count(f => f.Status == FileLoadStatus.Failed),
        retries,
        summary.Files.Select(f => new Datei(f.File.Name, f.Status.ToStoredName(), f.Counts.Read, f.Counts.Loaded, f.Counts.Rejected, f.Counts.Skipped, f.Message)).ToList(),
        summary.Deferred.Select(d => $"{Path.GetFileName(d.Path)}: {d.Reason}").ToList());

    /// <summary>One file of the run with its row conservation.</summary>
    public sealed record Datei(string Name, string Status, int Gelesen, int GeladenZeilen, int AbgewieseneZeilen, int Uebersprungen, string? Meldung);
}
