using System.Diagnostics;

namespace Bielefeld.Etl.Bench;

/// <summary>Samples the process's working set every 20 ms while a measurement runs and keeps the peak.</summary>
internal sealed class WorkingSetMonitor : IDisposable
{
    private readonly Timer _timer;
    private readonly Process _process = Process.GetCurrentProcess();
    private long _peak;
    private bool _disposed;

    private WorkingSetMonitor()
    {
        Sample(null);
        _timer = new Timer(Sample, null, 20, 20);
    }

    /// <summary>The peak working set so far, in MB.</summary>
    public double PeakMb
    {
        get
        {
            Sample(null);
            return Interlocked.Read(ref _peak) / (1024.0 * 1024.0);
        }
    }

    public static WorkingSetMonitor Start() => new();

    public void Dispose()
    {
        _timer.Dispose();
        lock (_process)
        {
            _disposed = true;
            _process.Dispose();
        }
    }

    private void Sample(object? state)
    {
        lock (_process)
        {
            if (_disposed)
            {
                return;
            }

            _process.Refresh();
            var current = _process.WorkingSet64;
            if (current > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, current);
            }
        }
    }
}
