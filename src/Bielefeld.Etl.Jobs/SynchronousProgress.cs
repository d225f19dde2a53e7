namespace Bielefeld.Etl.Jobs;

/// <summary>
/// Reports progress on the reporting thread, in order. <see cref="Progress{T}"/> posts to the thread pool, so its
/// reports can arrive after the work has finished and out of order.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => report(value);
}
