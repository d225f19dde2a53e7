using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// A warehouse database. The load algorithm is the same everywhere and lives here: claim the file by its
/// fingerprint, stream its observations through the provider's bulk path, record its rejected rows, merge in one
/// set-based step and record row conservation, all in one transaction. When nothing of the file's source is current in
/// the fact yet (a first load, a new source), no value can be superseded: the observations then go straight into the
/// fact and staging and merge are skipped. Providers supply the SQL.
/// </summary>
public abstract partial class WarehouseProvider(TimeProvider time)
{
    /// <summary>How many observations are staged per bulk call.</summary>
    protected const int BatchSize = 5_000;

    private const int ReadAheadRows = 512;
    private const int ReadAheadBatches = 8;

    /// <summary>The provider's configuration name (<c>sqlite</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The provider's dialect: every statement the engine issues, from the provider's one class of statements.</summary>
    protected abstract WarehouseStatements Sql { get; }

    /// <summary>How the dialect's columns take and give back days, instants, numbers and flags.</summary>
    protected virtual StoredValues Values => StoredValues.Native;

    /// <summary>A list of codes as the dialect's <c>@indicators</c> takes it; an array by default.</summary>
    protected virtual object CodeList(IReadOnlyCollection<string> codes) => codes.ToArray();

    /// <summary>The clock for load timestamps.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>Where the provider logs, the migrations included (<see cref="MigrationLog"/>); nowhere unless set.</summary>
    public ILogger Log { get; init; } = NullLogger.Instance;

    /// <summary>Creates or upgrades the schema with the provider's versioned migration scripts.</summary>
    public abstract void Migrate();

    /// <summary>Opens a connection.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether <paramref name="exception"/> is a fault of the moment that the same work may overcome when tried again
    /// (database busy or locked, connection lost, deadlock or serialisation failure), as opposed to a permanent fault
    /// (wrong SQL, constraint, missing table) that must fail fast. Each provider knows its driver's codes; the
    /// default knows none. Retrying is safe because a load is one transaction: a failed attempt leaves nothing.
    /// </summary>
    public virtual bool IsTransient(Exception exception) => false;

    /// <summary>Loads one file completely or not at all.</summary>
    /// <param name="file">The file and its fingerprint.</param>
    /// <param name="open">Opens the file with its reader; a file-level error refuses the file.</param>
    /// <param name="progress">Receives the number of rows read so far.</param>
    /// <param name="cancellationToken">Cancels the load; nothing of it remains.</param>
    public async Task<FileLoadResult> LoadAsync(
        ExtractFile file, Func<string, ExtractReading> open, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var started = Time.GetUtcNow();
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var fileId = await TryClaimAsync(connection, transaction, file, started, cancellationToken);
            if (fileId is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new FileLoadResult(file, FileLoadStatus.AlreadyLoaded, default, "Diese Datei (gleicher Inhalt) ist bereits geladen.");
            }

            using var reading = open(file.Path);
            // Source, series and mode are known before the first row; the months of a per-value file once all are read.
            var direct = await CanWriteDirectAsync(connection, transaction, reading.Scope, cancellationToken);
            await BeforeRowsAsync(connection, transaction, direct, cancellationToken);
            var (counts, cells) = await WriteRowsAsync(connection, transaction, fileId.Value, reading, direct, progress, cancellationToken);
            await AfterRowsAsync(connection, transaction, cancellationToken);
            var indicators = cells.Select(c => c.Indicator).ToHashSet(StringComparer.Ordinal);
            var months = cells.Select(c => c.Month).ToHashSet();
            if (!counts.IsConserved)
            {
                throw new InvalidOperationException($"Zeilenbilanz verletzt: {counts}.");
            }

            await RecordFileMonthsAsync(connection, transaction, fileId.Value, reading.Scope.Source, [.. months.Order()], cancellationToken);
            var normalisations = reading.Normalisations.Entries;
            await RecordNormalisationsAsync(connection, transaction, fileId.Value, normalisations, cancellationToken);

            var scope = reading.Scope;
            if (!direct)
            {
                indicators.UnionWith(await MergeAsync(connection, transaction, fileId.Value, scope, cancellationToken));
            }

            await RecordChangedCellsAsync(connection, transaction, fileId.Value, scope.Source, direct ? cells : null, cancellationToken);
            await CompleteAsync(connection, transaction, fileId.Value, scope, counts, Time.GetUtcNow(), cancellationToken);
            await RecordFollowUpAsync(connection, transaction, fileId.Value, indicators, counts.Rejected > 0, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new FileLoadResult(file, FileLoadStatus.Loaded, counts, null)
            {
                AffectedIndicators = indicators, FileId = fileId, Normalisations = normalisations,
            };
        }
        catch (ExtractFileException ex)
        {
            await RecordUnloadedAsync(file, FileLoadStatus.Refused, ex.Reason.Code, ex.Message, started, cancellationToken);
            return new FileLoadResult(file, FileLoadStatus.Refused, default, $"{ex.Reason.Code}: {ex.Message}");
        }
    }

    /// <summary>Records a file that was not loaded (refused or failed), in a transaction of its own.</summary>
    public abstract Task RecordUnloadedAsync(
        ExtractFile file, FileLoadStatus status, string reasonCode, string message, DateTimeOffset started, CancellationToken cancellationToken);

    /// <summary>Brings measures, indicators and targets in line with the catalog; a changed target keeps its earlier version in history.</summary>
    /// <returns>Whether any target version was added, so attainment must be recomputed.</returns>
    public abstract Task<bool> SyncCatalogAsync(PlanCatalog catalog, AreaCatalog areas, CancellationToken cancellationToken);

    /// <summary>
    /// The delivered months from <paramref name="firstMonth"/> to <paramref name="lastMonth"/> of one indicator, summed
    /// over series, per area: streamed (not buffered) and ordered by area, so that a caller holds one area at a time.
    /// </summary>
    protected abstract IAsyncEnumerable<(string Area, MonthlyActual Actual)> ReadMonthlyActualsAsync(
        DbConnection connection, DbTransaction transaction, string indicator, DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken);

    /// <summary>
    /// The delivered months of several indicators, as <see cref="ReadMonthlyActualsAsync"/> gives them for one, each
    /// indicator's ordered by area and month. By default one read per indicator; a provider whose reads cost a round
    /// trip each reads them all at once.
    /// </summary>
    protected virtual async IAsyncEnumerable<(string Indicator, string Area, MonthlyActual Actual)> ReadMonthlyActualsOfAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> indicators, DateOnly firstMonth, DateOnly lastMonth,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var indicator in indicators.Order(StringComparer.Ordinal))
        {
            await foreach (var (area, actual) in ReadMonthlyActualsAsync(connection, transaction, indicator, firstMonth, lastMonth, cancellationToken))
            {
                yield return (indicator, area, actual);
            }
        }
    }

    /// <summary>Per indicator of <paramref name="indicators"/> the areas that have any current value of it, whatever its month.</summary>
    protected abstract Task<ILookup<string, string>> ReadActualAreasAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> indicators, CancellationToken cancellationToken);

    /// <summary>
    /// Brings the stored attainment figures of <paramref name="indicator"/> in line with <paramref name="figures"/> (all of
    /// its figures as just computed): writes the figures that are new or differ from the stored ones (stamped
    /// <paramref name="computed"/>), deletes the stored ones no longer computed, and leaves the rest as they are.
    /// </summary>
    /// <returns>The number of figures written or deleted.</returns>
    protected abstract Task<int> WriteChangedAttainmentAsync(
        DbConnection connection, DbTransaction transaction, string indicator, IReadOnlyList<AttainmentFigure> figures, DateTime computed, CancellationToken cancellationToken);

    /// <summary>The latest entries of the load protocol, newest first.</summary>
    public abstract Task<IReadOnlyList<LoadRecord>> RecentLoadsAsync(int count, CancellationToken cancellationToken);

    /// <summary>
    /// Rejected rows with their raw values as read, for stewards (<c>dwh.abgewiesene_zeilen</c>; BI readers' view
    /// <c>rpt.abgewiesene_zeilen</c> masks them), newest load first, then by sheet, row and column.
    /// </summary>
    public abstract Task<IReadOnlyList<RejectedRowRecord>> RejectedRowsAsync(RejectedRowQuery query, CancellationToken cancellationToken);

    /// <summary>Per indicator and area, the attainment of the latest month that has an actual.</summary>
    public abstract Task<IReadOnlyList<AttainmentRow>> LatestAttainmentAsync(CancellationToken cancellationToken);

    /// <summary>Every month of every indicator's plan period in one area, in indicator and month order: the attainment overview.</summary>
    public abstract Task<IReadOnlyList<AttainmentRow>> AttainmentSeriesAsync(string areaCode, CancellationToken cancellationToken);

    /// <summary>Inserts the file's protocol row with its fingerprint; null when these bytes are already loaded.</summary>
    protected abstract Task<long?> TryClaimAsync(
        DbConnection connection, DbTransaction transaction, ExtractFile file, DateTimeOffset started, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lock of the file's scope (loads of the same series run one after the other from here on) and says
    /// whether no current value of the file's source is in the fact. Then nothing the file contains can supersede or be
    /// superseded (series belong to one source), and its observations may go straight into the fact.
    /// </summary>
    protected abstract Task<bool> CanWriteDirectAsync(
        DbConnection connection, DbTransaction transaction, DeliveryScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the bulk path for the file's observations: into staging, or with <paramref name="direct"/> straight into
    /// the fact (as current values of <paramref name="source"/>), inside the load's transaction.
    /// </summary>
    protected abstract ObservationWriter CreateObservationWriter(
        DbConnection connection, DbTransaction transaction, long fileId, string source, bool direct);

    /// <summary>
    /// Run after <see cref="CanWriteDirectAsync"/> and before the first row, in the load's transaction: a dialect prepares
    /// its bulk path for the kind of load (SQLite: a first load defers the fact's indexes, a staging one enlarges its
    /// cache). Nothing by default.
    /// </summary>
    protected virtual Task BeforeRowsAsync(DbConnection connection, DbTransaction transaction, bool direct, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Run after the last row, before any statement reads the fact again (SQLite: the indexes a first load deferred are
    /// built). Nothing by default.
    /// </summary>
    protected virtual Task AfterRowsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Writes a batch of rejected rows.</summary>
    protected abstract Task InsertRejectedRowsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, IReadOnlyList<RejectedRow> batch, CancellationToken cancellationToken);

    /// <summary>Supersedes what the file replaces within its scope and inserts what is new; returns the indicators whose current values changed.</summary>
    protected abstract Task<IReadOnlyCollection<string>> MergeAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Records the months the file's observations cover (<c>load_file_monat</c>), in the load's transaction: what the
    /// delivery calendar reads instead of scanning the fact (<see cref="MonthDeliveriesAsync"/>).
    /// </summary>
    protected abstract Task RecordFileMonthsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, string source, IReadOnlyList<DateOnly> months, CancellationToken cancellationToken);

    /// <summary>Records what the reader normalised (<c>load_normalisierung</c>), in the load's transaction.</summary>
    private Task RecordNormalisationsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, IReadOnlyList<NormalisationEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(new CommandDefinition(
                Sql.InsertNormalisation,
                entries.Select((e, i) => new { fileId, nr = i + 1, e.Code, e.Sheet, e.Row, e.Column, e.Raw, e.Message, e.Count }),
                transaction, cancellationToken: cancellationToken));

    /// <summary>Records row conservation and the end of the load.</summary>
    protected abstract Task CompleteAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, RowCounts counts, DateTimeOffset finished, CancellationToken cancellationToken);

    private async Task<(RowCounts Counts, HashSet<(string Indicator, DateOnly Month)> Cells)> WriteRowsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, ExtractReading reading, bool direct,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        int read = 0, loaded = 0, rejected = 0, skipped = 0;
        // The cells (indicator and month) the file delivers: a few hundred per file, whatever its size; what the load
        // records for the checks after it, and from which its indicators and months follow.
        var cells = new HashSet<(string Indicator, DateOnly Month)>();
        var rejects = new List<RejectedRow>();
        await using var writer = CreateObservationWriter(connection, transaction, fileId, reading.Scope.Source, direct);
        await foreach (var row in ReadAheadAsync(reading.Rows, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            read++;
            switch (row)
            {
                case SourceRow.Accepted accepted:
                    loaded++;
                    foreach (var observation in accepted.Observations)
                    {
                        cells.Add((observation.IndicatorCode, observation.Month));
                        await writer.WriteAsync(observation, cancellationToken);
                    }

                    break;
                case SourceRow.Rejected rejection:
                    rejected++;
                    rejects.AddRange(rejection.Problems);
                    break;
                default:
                    skipped++;
                    break;
            }

            if (rejects.Count >= BatchSize)
            {
                // One bulk operation at a time on a connection: the observations' stream pauses for the rejected rows.
                await writer.FlushAsync(cancellationToken);
                await InsertRejectedRowsAsync(connection, transaction, fileId, rejects, cancellationToken);
                rejects.Clear();
            }

            if (read % 1_000 == 0)
            {
                progress?.Report(read);
            }
        }

        foreach (var total in reading.Totals)
        {
            cells.Add((total.IndicatorCode, total.Month));
            await writer.WriteAsync(total, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
        await InsertRejectedRowsAsync(connection, transaction, fileId, rejects, cancellationToken);
        progress?.Report(read);
        return (new RowCounts(read, loaded, rejected, skipped), cells);
    }

    /// <summary>
    /// The rows, read on a thread of their own a few hundred rows ahead of the database writes: reading, mapping and
    /// validating overlap with the inserts. Bounded (at most <see cref="ReadAheadBatches"/> batches wait), so memory
    /// stays flat; an error while reading (a refused or unreadable file) is thrown here, as if read in place.
    /// </summary>
    private static async IAsyncEnumerable<SourceRow> ReadAheadAsync(
        IEnumerable<SourceRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<SourceRow[]>(new BoundedChannelOptions(ReadAheadBatches) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? failure = null;
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    var batch = new List<SourceRow>(ReadAheadRows);
                    foreach (var row in rows)
                    {
                        batch.Add(row);
                        if (batch.Count == ReadAheadRows)
                        {
                            await channel.Writer.WriteAsync([.. batch], stop.Token);
                            batch.Clear();
                        }
                    }

                    if (batch.Count > 0)
                    {
                        await channel.Writer.WriteAsync([.. batch], stop.Token);
                    }
                }
                catch (Exception ex)
                {
                    failure = ExceptionDispatchInfo.Capture(ex);
                }
                finally
                {
                    channel.Writer.Complete();
                }
            },
            CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    foreach (var row in batch)
                    {
                        yield return row;
                    }
                }
            }

            await producer;
            // Not cancelled by the consumer: whatever stopped the reading is the load's error.
            failure?.Throw();
        }
        finally
        {
            // The consumer stopped early (a database error, cancellation): stop reading before the file is closed.
            await stop.CancelAsync();
            await producer;
        }
    }

    /// <summary>
    /// A stream of observations into staging or the fact through the provider's bulk path, inside the load's
    /// transaction. It holds at most one batch: memory stays flat whatever the file's size.
    /// </summary>
    protected abstract class ObservationWriter : IAsyncDisposable
    {
        /// <summary>Writes one observation (buffered or streamed, as the provider's bulk path works).</summary>
        public abstract ValueTask WriteAsync(Observation observation, CancellationToken cancellationToken);

        /// <summary>Writes what is buffered and ends the bulk operation in progress, so the connection can run other statements.</summary>
        public abstract ValueTask FlushAsync(CancellationToken cancellationToken);

        /// <inheritdoc />
        public virtual ValueTask DisposeAsync()
        {
            GC.SuppressFinalize(this);
            return ValueTask.CompletedTask;
        }
    }
}
