using System.Globalization;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// DbUp's log, written to the provider's <see cref="WarehouseProvider.Log"/> (the run's logger) with event ids of its
/// own: which scripts a start executed shows up in the same log as the loads. DbUp's messages are composite formats
/// (<c>Executing Database Server script '{0}'</c>); they are formatted here and logged as one message.
/// </summary>
public sealed partial class MigrationLog(ILogger logger) : IUpgradeLog
{
    /// <inheritdoc />
    public void LogTrace(string format, params object[] args) => Write(LogLevel.Debug, null, format, args);

    /// <inheritdoc />
    public void LogDebug(string format, params object[] args) => Write(LogLevel.Debug, null, format, args);

    /// <inheritdoc />
    public void LogInformation(string format, params object[] args) => Write(LogLevel.Information, null, format, args);

    /// <inheritdoc />
    public void LogWarning(string format, params object[] args) => Write(LogLevel.Warning, null, format, args);

    /// <inheritdoc />
    public void LogError(string format, params object[] args) => Write(LogLevel.Error, null, format, args);

    /// <inheritdoc />
    public void LogError(Exception ex, string format, params object[] args) => Write(LogLevel.Error, ex, format, args);

    private void Write(LogLevel level, Exception? exception, string format, object[] args)
    {
        if (logger.IsEnabled(level))
        {
            Action<ILogger, Exception?, string> log = level switch
            {
                LogLevel.Debug => LogMigrationDetail,
                LogLevel.Information => LogMigrationStep,
                LogLevel.Warning => LogMigrationWarning,
                _ => LogMigrationFailed,
            };
            log(logger, exception, args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Migration: {Detail}")]
    private static partial void LogMigrationDetail(ILogger logger, Exception? exception, string detail);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Migration: {Step}")]
    private static partial void LogMigrationStep(ILogger logger, Exception? exception, string step);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Migration: {Warning}")]
    private static partial void LogMigrationWarning(ILogger logger, Exception? exception, string warning);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Migration fehlgeschlagen: {Error}")]
    private static partial void LogMigrationFailed(ILogger logger, Exception? exception, string error);
}
