namespace Bielefeld.Etl.Bench;

/// <summary>One measured figure: rows per second of something, optionally against the baseline it is compared with.</summary>
/// <param name="Name">Stable name (CI tracks it over time), e.g. <c>postgres.end-to-end</c>.</param>
/// <param name="Rows">Rows the measurement processed (or, when extrapolated, the sample).</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="Baseline">The name of the measurement this one is compared with, if any.</param>
public sealed record Measurement(string Name, long Rows, double Seconds, string? Baseline = null)
{
    /// <summary>Rows per second.</summary>
    public double RowsPerSecond => Seconds > 0 ? Rows / Seconds : 0;

    /// <summary>Peak working set of the process while this measurement ran, in MB.</summary>
    public double PeakWorkingSetMb { get; init; }

    /// <summary>What a reader of the table must know (sample size, extrapolation, why skipped).</summary>
    public string? Note { get; init; }
}

/// <summary>A goal of the issue and whether this run reached it.</summary>
/// <param name="Name">What is compared.</param>
/// <param name="Target">The goal as text, e.g. <c>≥ 0.7</c>.</param>
/// <param name="Actual">The measured figure.</param>
/// <param name="Met">Whether the goal is reached.</param>
public sealed record Goal(string Name, string Target, double Actual, bool Met)
{
    /// <summary>The names of the measurements the goal is computed from.</summary>
    public IReadOnlyList<string> Measurements { get; init; } = [];
}

/// <summary>Measurements a run did not take, and why (a server not reachable, a switch like <c>--no-postgres</c>).</summary>
/// <param name="Measurements">Which, as a name pattern, e.g. <c>postgres.*</c>.</param>
/// <param name="Reason">Why, in German for the operator.</param>
public sealed record Skipped(string Measurements, string Reason);
