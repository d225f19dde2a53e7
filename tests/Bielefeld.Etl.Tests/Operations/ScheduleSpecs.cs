using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Hosting.Scheduling;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>Recurring jobs from pipelines/*.yml: Europe/Berlin, nothing in the hour DST skips or repeats, removed pipelines gone.</summary>
public sealed class ScheduleSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private PipelineDefinition Pipeline(string name, string? schedule)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Pipelines, "kaf.yml"))
            .Replace("name: kaf", $"name: {name}", StringComparison.Ordinal)
            .Replace("schedule: \"30 5 * * *\"", schedule is null ? "" : $"schedule: \"{schedule}\"", StringComparison.Ordinal);
        var path = _dir.File(name + ".yml");
        File.WriteAllText(path, text);
        return PipelineFiles.Read(path);
    }

    [Theory]
    [InlineData("30 2 * * *", "02:30")]
    [InlineData("0 1-3 * * *", "02:00")]
    [InlineData("*/20 * * * *", "02:00")]
    [InlineData("0 0 2 * * *", "02:00")]
    [InlineData("15 2 * 3 0", "02:15")]
    public void A_schedule_in_the_hour_that_daylight_saving_skips_or_repeats_is_refused_at_start_up(string cron, string time)
    {
        var ex = Assert.Throws<PipelineDefinitionException>(() => PipelineSchedule.Validate([Pipeline("nachts", cron)]));

        Assert.Contains($"der Zeitplan '{cron}' läuft um {time} Uhr", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Zwischen 02:00 und 03:00 (Europe/Berlin)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30 5 * * *")]
    [InlineData("0 1,3 * * *")]
    [InlineData("59 1 * * 1-5")]
    [InlineData("0 30 6 * * *")]
    public void Schedules_outside_that_hour_are_accepted(string cron) => PipelineSchedule.Validate([Pipeline("frueh", cron)]);

    [Fact]
    public void A_malformed_cron_expression_is_refused_with_the_pipeline_file_named()
    {
        var pipeline = Pipeline("kaputt", "30 25 * * *");

        var ex = Assert.Throws<PipelineDefinitionException>(() => PipelineSchedule.Validate([pipeline]));

        Assert.StartsWith(pipeline.FilePath + ": der Zeitplan '30 25 * * *' ist kein gültiger Cron-Ausdruck", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_scheduled_pipeline_gets_one_recurring_job_in_Europe_Berlin_and_a_removed_pipeline_disappears()
    {
        using var storage = new InMemoryStorage();
        var manager = new RecurringJobManager(storage);

        PipelineSchedule.Apply(manager, storage, [Pipeline("kaf", "30 5 * * *"), Pipeline("rekom", "0 6 * * 1"), Pipeline("manuell", null)]);
        var first = RecurringJobs(storage);
        var ids = PipelineSchedule.Apply(manager, storage, [Pipeline("kaf", "45 4 * * *")]);
        var second = RecurringJobs(storage);

        Assert.Equal([("pipeline:kaf", "30 5 * * *", "Europe/Berlin"), ("pipeline:rekom", "0 6 * * 1", "Europe/Berlin")], first);
        Assert.Equal(["pipeline:kaf"], ids);
        Assert.Equal([("pipeline:kaf", "45 4 * * *", "Europe/Berlin")], second);
    }

    [Fact]
    public void The_shipped_pipelines_have_valid_schedules_outside_the_changeover_hour() =>
        PipelineSchedule.Validate(PipelineFiles.ReadAll(RepositoryPaths.Pipelines));

    private static List<(string Id, string Cron, string TimeZone)> RecurringJobs(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Select(j => (j.Id, j.Cron, j.TimeZoneId)).OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
    }
}
