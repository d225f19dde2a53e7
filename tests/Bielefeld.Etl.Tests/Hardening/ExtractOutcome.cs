using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// What reading a hostile file came to: either a file-level refusal with a reason, or every row accounted for, each
/// rejected row with a reason. Any other exception escapes and fails the test that reads.
/// </summary>
public sealed record ExtractOutcome(ReasonCode? Refusal, string? Message, int Rows, int Rejected)
{
    public static ExtractOutcome Read(IExtractReader reader, string path)
    {
        try
        {
            using var reading = reader.Open(path);
            int rows = 0, rejected = 0;
            foreach (var row in reading.Rows)
            {
                rows++;
                if (row is SourceRow.Rejected rejection)
                {
                    rejected++;
                    Assert.NotEmpty(rejection.Problems);
                    Assert.All(rejection.Problems, p =>
                    {
                        Assert.False(string.IsNullOrWhiteSpace(p.Reason.Code));
                        Assert.False(string.IsNullOrWhiteSpace(p.Message));
                    });
                }
            }

            _ = reading.Totals.Count();
            return new ExtractOutcome(null, null, rows, rejected);
        }
        catch (ExtractFileException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Reason.Code));
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            return new ExtractOutcome(ex.Reason, ex.Message, 0, 0);
        }
    }

    /// <summary>
    /// <paramref name="action"/> allocated less than <paramref name="megabytes"/> on this thread (an upper bound of the
    /// managed memory it can have held, unaffected by tests running in parallel), and the process's peak working set
    /// grew by less than that too (a coarse check that also sees native memory; the peak only ever rises).
    /// </summary>
    public static T WithinMemory<T>(long megabytes, Func<T> action)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var peakBefore = process.PeakWorkingSet64;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        process.Refresh();
        var grown = process.PeakWorkingSet64 - peakBefore;
        Assert.True(allocated < megabytes << 20, $"allocated {allocated >> 20} MiB (bound {megabytes} MiB)");
        Assert.True(grown < megabytes << 20, $"peak working set grew by {grown >> 20} MiB (bound {megabytes} MiB)");
        return result;
    }
}
