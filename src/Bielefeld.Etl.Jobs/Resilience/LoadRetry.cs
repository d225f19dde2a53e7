using Bielefeld.Etl.Jobs.Files;
using Bielefeld.Etl.Warehouse;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Bielefeld.Etl.Jobs.Resilience;

/// <summary>
/// The retry around one file's load: transient faults (as the warehouse provider classifies them, and a file locked
/// by its writer) are tried again with exponential back-off and jitter, a bounded number of times, each retry logged;
/// anything else fails at once. Safe because a load is one transaction: a failed attempt leaves nothing behind.
/// </summary>
public sealed partial class LoadRetry
{
    private static readonly ResiliencePropertyKey<string> FileKey = new("bielefeld.file");
    private readonly ResiliencePipeline _pipeline;
    private readonly WarehouseProvider _warehouse;
    private readonly ILogger _logger;
    private int _retries;

    /// <summary>Builds the retry for <paramref name="warehouse"/>'s faults.</summary>
    public LoadRetry(WarehouseProvider warehouse, RetrySettings settings, ILogger logger, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxAttempts, 1);
        _warehouse = warehouse;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _retries);
                    args.Context.Properties.TryGetValue(FileKey, out var file);
                    var fault = args.Outcome.Exception;
                    var faultType = fault?.GetType().Name ?? "";
                    var reason = fault?.Message ?? "";
                    LogRetry(file ?? "?", args.AttemptNumber + 2, settings.MaxAttempts, args.RetryDelay.TotalSeconds, faultType, reason);
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>How many retries this instance has made so far.</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Whether <paramref name="exception"/> is worth another attempt.</summary>
    public bool IsTransient(Exception exception) =>
        exception is not OperationCanceledException && (_warehouse.IsTransient(exception) || FileLock.IsLocked(exception));

    /// <summary>Runs <paramref name="work"/> for <paramref name="file"/>, retrying transient faults.</summary>
    public async Task<T> ExecuteAsync<T>(string file, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(FileKey, file);
            return await _pipeline.ExecuteAsync(static async (ctx, w) => await w(ctx.CancellationToken), context, work);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // One line per retry, without the stack trace: the fault's type and message say what happened, and an unreachable
    // database would otherwise fill the night's log with the driver's frames once per attempt. Information, not a
    // warning: a retry that succeeds needs nobody; what the retries could not fix is reported as the error it is
    // (serve's log shows the retries, run's console only that error).
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "{File}: vorübergehender Fehler ({ExceptionType}: {Reason}); Versuch {Attempt} von {MaxAttempts} in {DelaySeconds:0.0} s")]
    private partial void LogRetry(string file, int attempt, int maxAttempts, double delaySeconds, string exceptionType, string reason);
}
