using Bielefeld.Etl.Jobs.Resilience;
using Bielefeld.Etl.Warehouse.Sqlite;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>Transient faults are retried a bounded number of times with each retry logged; permanent ones fail at once.</summary>
public sealed class LoadRetrySpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();
    private readonly List<string> _log = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private LoadRetry Retry(int attempts = 4) => new(
        new SqliteWarehouse($"Data Source={_dir.File("w.db")}", TimeProvider.System),
        new RetrySettings { MaxAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50) },
        OperationsInbox.Logger(_log),
        TimeProvider.System);

    [Fact]
    public async Task A_busy_SQLite_database_is_retried_until_it_is_free_and_each_retry_is_logged()
    {
        var retry = Retry();
        var calls = 0;

        var result = await retry.ExecuteAsync("KAF_FIM_2017.xlsx", _ =>
        {
            calls++;
            return calls < 3 ? throw new SqliteException("database is locked", 5) : Task.FromResult(42);
        }, TestContext.Current.CancellationToken);

        Assert.Equal(42, result);
        Assert.Equal(3, calls);
        Assert.Equal(2, retry.Retries);
        Assert.Equal(2, _log.Count(l => l.StartsWith("1101 KAF_FIM_2017.xlsx: vorübergehender Fehler (SqliteException", StringComparison.Ordinal)));
        Assert.Contains(_log, l => l.Contains("Versuch 2 von 4", StringComparison.Ordinal));
        Assert.Contains(_log, l => l.Contains("Versuch 3 von 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_fault_is_passed_on()
    {
        var retry = Retry(attempts: 3);
        var calls = 0;

        var ex = await Assert.ThrowsAsync<SqliteException>(() => retry.ExecuteAsync<int>("x", _ =>
        {
            calls++;
            throw new SqliteException("database table is locked", 6);
        }, TestContext.Current.CancellationToken));

        Assert.Equal(6, ex.SqliteErrorCode);
        Assert.Equal(3, calls);
        Assert.Equal(2, retry.Retries);
    }

    [Fact]
    public async Task A_permanent_fault_fails_at_once_without_a_retry()
    {
        var retry = Retry();
        var calls = 0;

        await Assert.ThrowsAsync<SqliteException>(() => retry.ExecuteAsync<int>("x", _ =>
        {
            calls++;
            throw new SqliteException("no such table: load_file", 1);
        }, TestContext.Current.CancellationToken));

        Assert.Equal(1, calls);
        Assert.Empty(_log);
    }

    [Fact]
    public async Task A_file_held_open_exclusively_by_its_writer_counts_as_locked_and_is_retried()
    {
        var path = _dir.File("KAF_NEU_2017.xlsx");
        await using var writer = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        var retry = Retry(attempts: 2);

        var ex = await Assert.ThrowsAsync<IOException>(() => retry.ExecuteAsync("KAF_NEU_2017.xlsx", _ =>
        {
            using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return Task.FromResult(0);
        }, TestContext.Current.CancellationToken));

        Assert.True(Bielefeld.Etl.Jobs.Files.FileLock.IsLocked(ex));
        Assert.Equal(1, retry.Retries);
    }
}
