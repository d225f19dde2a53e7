using System.Diagnostics;

namespace Bielefeld.Etl.Bench.Measures;

/// <summary>Runs one measurement with a stopwatch and the working-set monitor.</summary>
internal static class Timed
{
    public static async Task<Measurement> RunAsync(string name, string? baseline, Func<Task<long>> work, string? note = null)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var monitor = WorkingSetMonitor.Start();
        var watch = Stopwatch.StartNew();
        var rows = await work();
        watch.Stop();
        var result = new Measurement(name, rows, watch.Elapsed.TotalSeconds, baseline) { PeakWorkingSetMb = monitor.PeakMb, Note = note };
        Console.Error.WriteLine($"  {name}: {rows:N0} rows in {watch.Elapsed.TotalSeconds:N2} s, peak working set {result.PeakWorkingSetMb:N0} MB");
        return result;
    }
}
