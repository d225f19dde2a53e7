using System.Diagnostics;

namespace Bielefeld.Etl.Tests.Cli;

/// <summary>
/// Runs the real command-line program (bielefeld-etl.dll beside the tests) in a process of its own, in a temporary
/// working folder (removed afterwards) so that its default outputs (reports/, data/) never land in the repository.
/// The repository's definitions are configured through the environment; a test's own variables override them.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly TemporaryDirectory _workingDirectory;
    private readonly List<string> _output = [];

    // Completed (and replaced) with every line of output and when the process ends: a waiter awaits it, never polls.
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process, TemporaryDirectory workingDirectory) => (_process, _workingDirectory) = (process, workingDirectory);

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public static CliProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var workingDirectory = new TemporaryDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bielefeld-etl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Files copied into a test's inbox a moment ago would wait out run's stability window (docs/operations.md).
        start.Environment["BIELEFELD_ETL_FILES__STABLEFOR"] = "00:00:00";
        start.Environment["BIELEFELD_ETL_PIPELINES"] = RepositoryPaths.Pipelines;
        start.Environment["BIELEFELD_ETL_CATALOG"] = RepositoryPaths.Catalog2017;
        start.Environment["BIELEFELD_ETL_AREAS"] = RepositoryPaths.Areas;
        start.Environment["BIELEFELD_ETL_ATTAINMENT"] = Path.Combine(RepositoryPaths.Root, "config", "zielerreichung.yml");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var cli = new CliProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, workingDirectory);
        cli._process.OutputDataReceived += (_, e) => cli.Add(e.Data);
        cli._process.ErrorDataReceived += (_, e) => cli.Add(e.Data);
        cli._process.Exited += (_, _) => cli.Add(null);
        cli._process.Start();
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        return cli;
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var cli = Start(environment, args);
        var exit = await cli.WaitAsync(TimeSpan.FromMinutes(2));
        return (exit, string.Join('\n', cli.Output));
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the output handlers
        return _process.ExitCode;
    }

    /// <summary>Waits until a line of output satisfies <paramref name="condition"/>; false when the process ended first.</summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_output)
            {
                if (_output.Any(condition))
                {
                    return true;
                }

                changed = _changed.Task;
            }

            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                await changed.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Sends a signal (<c>TERM</c>, <c>INT</c>) as a service manager or Ctrl+C would: the program may react to it.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: no finally block, no rollback code of ours runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        _workingDirectory.Dispose();
    }

    private void Add(string? line)
    {
        lock (_output)
        {
            if (line is not null)
            {
                _output.Add(line);
            }

            _changed.TrySetResult();
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
