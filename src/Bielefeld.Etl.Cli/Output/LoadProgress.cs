using System.Globalization;
using Bielefeld.Etl.Jobs;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Output;

/// <summary>Shows progress while files load: live bars on a terminal, <see cref="ProgressLines"/> where output is redirected.</summary>
public static class LoadProgress
{
    /// <summary>Runs <paramref name="work"/> with a progress display.</summary>
    public static async Task<T> TrackAsync<T>(Func<IProgress<RunProgress>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(new ProgressLines(Console.Out, TimeProvider.System));
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                return await work(new SynchronousProgress<RunProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.File, out var task))
                    {
                        task = tasks[p.File] = context.AddTask(Markup.Escape(p.File), maxValue: 1);
                        task.IsIndeterminate = true;
                    }

                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{p.Pipeline}: {p.File} ({p.RowsRead} Zeilen)"));
                    if (p.Done)
                    {
                        task.IsIndeterminate = false;
                        task.Value = 1;
                        task.StopTask();
                    }
                }));
            });
    }
}
