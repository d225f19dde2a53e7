using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Hosting.Jobs;
using Cronos;
using Hangfire;
using Hangfire.Storage;

namespace Bielefeld.Etl.Hosting.Scheduling;

/// <summary>
/// The recurring jobs built from <c>pipelines/*.yml</c>: one per pipeline with a schedule, in Europe/Berlin. The
/// schedule is brought in line at every start: a pipeline removed from the folder (or its schedule removed)
/// disappears from the job storage.
/// </summary>
public static class PipelineSchedule
{
    /// <summary>The recurring job id of a pipeline is this prefix and its name.</summary>
    public const string JobPrefix = "pipeline:";

    /// <summary>The time zone every schedule is read in.</summary>
    public static TimeZoneInfo Berlin => BerlinTime.Zone;

    /// <summary>
    /// Checks every schedule before anything is registered: a valid cron expression (five fields, or six with
    /// seconds) that never fires between 02:00 and 03:00, the hour that daylight saving time skips in March and
    /// repeats in October (a job there would run not at all or twice on those nights).
    /// </summary>
    /// <exception cref="PipelineDefinitionException">A schedule is malformed or falls into that hour.</exception>
    public static void Validate(IEnumerable<PipelineDefinition> pipelines)
    {
        foreach (var pipeline in pipelines.Where(p => p.Schedule is not null))
        {
            var cron = Parse(pipeline);

            // Wall-clock times the expression matches, read in a zone without DST over a leap year: every
            // combination of month, day, weekday and time it can produce appears.
            var from = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var hit = cron.GetOccurrences(from, from.AddYears(1), TimeZoneInfo.Utc).Cast<DateTime?>().FirstOrDefault(t => t!.Value.Hour == 2);
            if (hit is { } at)
            {
                throw new PipelineDefinitionException(
                    $"{pipeline.FilePath}: der Zeitplan '{pipeline.Schedule}' läuft um {at:HH:mm} Uhr. Zwischen 02:00 und 03:00 (Europe/Berlin) "
                    + "fällt die Stunde bei der Umstellung auf Sommerzeit aus und wiederholt sich bei der Umstellung auf Winterzeit; bitte eine andere Uhrzeit wählen.");
            }
        }
    }

    /// <summary>Registers (or updates) every pipeline's recurring job and removes the ones of pipelines that are gone.</summary>
    /// <returns>The recurring job ids now registered.</returns>
    public static IReadOnlyList<string> Apply(IRecurringJobManager manager, JobStorage storage, IReadOnlyCollection<PipelineDefinition> pipelines)
    {
        Validate(pipelines);
        var ids = new List<string>();
        foreach (var pipeline in pipelines.Where(p => p.Schedule is not null))
        {
            var name = pipeline.Name;
            var id = JobPrefix + name;
            manager.AddOrUpdate<PipelineJob>(id, job => job.RunAsync(name, null, CancellationToken.None), pipeline.Schedule!,
                new RecurringJobOptions { TimeZone = Berlin });
            ids.Add(id);
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id)
                     .Where(id => id.StartsWith(JobPrefix, StringComparison.Ordinal) && !ids.Contains(id, StringComparer.Ordinal)))
        {
            manager.RemoveIfExists(stale);
        }

        return ids;
    }

    private static CronExpression Parse(PipelineDefinition pipeline)
    {
        var text = pipeline.Schedule!.Trim();
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException ex)
        {
            throw new PipelineDefinitionException($"{pipeline.FilePath}: der Zeitplan '{pipeline.Schedule}' ist kein gültiger Cron-Ausdruck ({ex.Message}).");
        }
    }
}
