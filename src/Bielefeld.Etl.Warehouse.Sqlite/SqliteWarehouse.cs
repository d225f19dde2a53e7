using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Dapper;
using DbUp;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Warehouse.Sqlite;

/// <summary>
/// The embedded default warehouse: one SQLite file in WAL mode. Bulk path: prepared statements reused for a
/// whole batch inside the file's single transaction.
/// </summary>
public sealed partial class SqliteWarehouse : WarehouseProvider
{
    private const int SqliteConstraint = 19;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private readonly string _connectionString;

    /// <summary>Creates the provider for a connection string such as <c>Data Source=data/warehouse.db</c>.</summary>
    public SqliteWarehouse(string connectionString, TimeProvider time)
        : base(time)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 60 };
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    private static readonly WarehouseStatements Statements = new(typeof(SqliteSql));

    /// <inheritdoc />
    public override string Name => "sqlite";

    /// <inheritdoc />
    protected override WarehouseStatements Sql => Statements;

    /// <summary>The database file.</summary>
    public string DataSource { get; }

    /// <summary>Whether the database file exists; <see cref="Migrate"/> creates it (and its folder) when it does not.</summary>
    public bool Exists => File.Exists(DataSource);

    /// <inheritdoc />
    public override void Migrate()
    {
        if (Path.GetDirectoryName(Path.GetFullPath(DataSource)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        using (var connection = new SqliteConnection(_connectionString))
        {
            connection.Open();
            // WAL lets readers (Power BI, status) read while a load writes; it is a property of the file, set once.
            connection.Execute("PRAGMA journal_mode = WAL;");
        }

        var result = DeployChanges.To.SqliteDatabase(_connectionString)
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith("sqlite/", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .ResetConfiguredLoggers()
            .LogTo(new MigrationLog(Log))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} ist fehlgeschlagen: {result.Error.Message}", result.Error);
        }
    }

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    /// <remarks>SQLITE_BUSY and SQLITE_LOCKED (another connection holds the write lock longer than the busy timeout).</remarks>
    public override bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }
        || exception.InnerException is { } inner && IsTransient(inner);

    /// <inheritdoc />
    /// <remarks>SQLITE_READONLY and its extended codes: the database file (or its folder, for the WAL files) is not writable.</remarks>
    public override bool IsReadOnly(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteReadOnly }
        || exception.InnerException is { } inner && IsReadOnly(inner);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<LoadRecord>> RecentLoadsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LoadRecord>(new CommandDefinition(
            SqliteSql.RecentLoads,
            new { count }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RejectedRowRecord>> RejectedRowsAsync(RejectedRowQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // A column computed in a view has no declared type, so the rows are read by property, not by constructor.
        var rows = await connection.QueryAsync<RejectDbRow>(new CommandDefinition(
            SqliteSql.RejectedRows,
            query, cancellationToken: cancellationToken));
        return rows.Select(r => new RejectedRowRecord(
            r.DateiId, r.Datei, r.Quelle, r.Blatt, r.Zeile, r.Spalte, r.Rohwert, r.GrundCode, r.Grund, r.GeladenUm,
            r.AbweisungId, r.Bearbeitung, r.Entscheidung, r.Kommentar, r.EntschiedenVon, r.EntschiedenUm)).ToList();
    }

    /// <inheritdoc />
    /// <remarks>One pass over the view with a window, not a correlated subquery that evaluates the view once per row.</remarks>
    public override async Task<IReadOnlyList<AttainmentRow>> LatestAttainmentAsync(CancellationToken cancellationToken)
    {
        return await ReadAttainmentAsync(new CommandDefinition(
            SqliteSql.LatestAttainment,
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<AttainmentRow>> AttainmentSeriesAsync(string areaCode, CancellationToken cancellationToken)
    {
        return await ReadAttainmentAsync(new CommandDefinition(
            SqliteSql.AttainmentSeries,
            new { areaCode }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Reads attainment rows value by value. The view's figures are CASE expressions (suppression) and have no declared
    /// type, so SQLite reports a column whose first value is NULL as a BLOB and Dapper's constructor mapping refuses it.
    /// </summary>
    private async Task<IReadOnlyList<AttainmentRow>> ReadAttainmentAsync(CommandDefinition command)
    {
        await using var connection = await OpenAsync(command.CancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(command);
        var rows = new List<AttainmentRow>();
        while (await reader.ReadAsync(command.CancellationToken))
        {
            rows.Add(new AttainmentRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Number(reader, 4), Number(reader, 5), Number(reader, 6), Number(reader, 7), reader.GetString(8)));
        }

        return rows;

        static double? Number(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
    }

    /// <inheritdoc />
    public override async Task RecordUnloadedAsync(
        ExtractFile file, FileLoadStatus status, string reasonCode, string message, DateTimeOffset started, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // The same bytes refused for the same reason are recorded once, not every night again.
        await connection.ExecuteAsync(new CommandDefinition(
            SqliteSql.RecordUnloaded,
            new
            {
                file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, status = status.ToStoredName(), reasonCode, message,
                started = Timestamp(started), finished = Timestamp(Time.GetUtcNow()),
            },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    protected override async Task<long?> TryClaimAsync(
        DbConnection connection, DbTransaction transaction, ExtractFile file, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                SqliteSql.Claim,
                new { file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, started = Timestamp(started) },
                transaction, cancellationToken: cancellationToken));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>The claim's insert already holds SQLite's write lock: no other load runs until this one commits.</remarks>
    /// <remarks>
    /// A file that stages gets a 64 MB page cache on its connection until its merge ends: staging's key index and the
    /// merge's lookups into the fact's key index touch pages in key order, not file order, and with SQLite's default of
    /// 2 MB nearly every one missed it (1 M rows: re-delivery 167 s against 87 s for the first load; with the cache for
    /// the whole load 68 s against 105 s in one run). A first load keeps the default, like the bench's baseline.
    /// </remarks>
    protected override async Task<bool> CanWriteDirectAsync(
        DbConnection connection, DbTransaction transaction, DeliveryScope scope, CancellationToken cancellationToken)
    {
        var direct = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqliteSql.SourceHasCurrentValues,
            new { scope.Source }, transaction, cancellationToken: cancellationToken)) == 0;
        if (!direct)
        {
            await connection.ExecuteAsync(new CommandDefinition(SqliteSql.EnlargeCache, transaction: transaction, cancellationToken: cancellationToken));
        }

        return direct;
    }

    /// <inheritdoc />
    protected override ObservationWriter CreateObservationWriter(DbConnection connection, DbTransaction transaction, long fileId, string source, bool direct) =>
        new PreparedWriter(connection, transaction, fileId, direct ? source : null);

    /// <summary>One prepared insert for the whole file, into staging or with a source straight into the fact.</summary>
    private sealed class PreparedWriter : ObservationWriter
    {
        private readonly DbCommand _command;
        private readonly DbParameter[] _parameters;
        private readonly Dictionary<DateOnly, string> _dates = [];
        private bool _prepared;

        public PreparedWriter(DbConnection connection, DbTransaction transaction, long fileId, string? directSource)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = directSource is null
                ? SqliteSql.StageObservation
                : SqliteSql.InsertObservationIntoFact;
            _parameters = AddParameters(_command, "$datei", "$indikator", "$monat", "$bereich", "$serie", "$wert", "$zaehler", "$nenner", "$unterdrueckt", "$datenstand", "$quelle");
            _parameters[0].Value = fileId;
            _parameters[10].Value = (object?)directSource ?? DBNull.Value;
            if (directSource is null)
            {
                _command.Parameters.Remove(_parameters[10]);
            }
        }

        public override async ValueTask WriteAsync(Observation o, CancellationToken cancellationToken)
        {
            if (!_prepared)
            {
                await _command.PrepareAsync(cancellationToken);
                _prepared = true;
            }

            _parameters[1].Value = o.IndicatorCode;
            _parameters[2].Value = CachedDate(o.Month);
            _parameters[3].Value = o.AreaCode;
            _parameters[4].Value = o.SeriesKey;
            _parameters[5].Value = Number(o.Value);
            _parameters[6].Value = Number(o.Numerator);
            _parameters[7].Value = Number(o.Denominator);
            _parameters[8].Value = o.Suppressed ? 1 : 0;
            _parameters[9].Value = o.Vintage is { } vintage ? CachedDate(vintage) : DBNull.Value;
            // SQLite runs in process: the synchronous call saves the async state machine per row.
            _command.ExecuteNonQuery();
        }

        public override ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        /// <summary>A file names few months and Datenstände: each one's text is made once, not once per row.</summary>
        private string CachedDate(DateOnly date)
        {
            if (!_dates.TryGetValue(date, out var text))
            {
                _dates[date] = text = Date(date);
            }

            return text;
        }

        public override async ValueTask DisposeAsync()
        {
            await _command.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    /// <inheritdoc />
    protected override async Task InsertRejectedRowsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, IReadOnlyList<RejectedRow> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            SqliteSql.InsertRejectedRow;
        var parameters = AddParameters(command, "$datei", "$blatt", "$zeile", "$spalte", "$rohwert", "$code", "$grund");
        await command.PrepareAsync(cancellationToken);
        parameters[0].Value = fileId;
        foreach (var r in batch)
        {
            parameters[1].Value = (object?)r.Sheet ?? DBNull.Value;
            parameters[2].Value = r.Row;
            parameters[3].Value = (object?)r.Column ?? DBNull.Value;
            parameters[4].Value = (object?)r.RawValue ?? DBNull.Value;
            parameters[5].Value = r.Reason.Code;
            parameters[6].Value = r.Message;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyCollection<string>> MergeAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, CancellationToken cancellationToken)
    {
        var args = new { fileId, scope.Source, scope.SeriesKey, from = Date(scope.FirstMonth), to = Date(scope.LastMonth) };
        Task<int> Execute(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));

        // The cache enlarged for staging (CanWriteDirectAsync) is given back when the merge ends, so that a pooled
        // connection does not keep it. (A load that fails before its merge leaves one pooled connection at 64 MB.)
        try
        {
            if (scope.Mode == SupersedeMode.PerValue)
            {
                await Execute(SqliteSql.KeepLateValues);
                await Execute(SqliteSql.DropLateValues);
                await Execute(SqliteSql.SupersedeContained);
            }
            else
            {
                await Execute(SqliteSql.Supersede);
            }

            await Execute(SqliteSql.InsertNew);
            var changed = await connection.QueryAsync<string>(new CommandDefinition(SqliteSql.ChangedIndicators, args, transaction, cancellationToken: cancellationToken));
            await Execute(SqliteSql.ClearStaging);
            return changed.ToList();
        }
        finally
        {
            await connection.ExecuteAsync(SqliteSql.RestoreCache, transaction: transaction);
        }
    }

    /// <inheritdoc />
    protected override Task RecordFileMonthsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, string source, IReadOnlyList<DateOnly> months, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            SqliteSql.RecordFileMonth,
            months.Select(m => new { fileId, source, month = Date(m) }),
            transaction, cancellationToken: cancellationToken));

    /// <inheritdoc />
    protected override Task CompleteAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, RowCounts counts, DateTimeOffset finished, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            SqliteSql.Complete,
            new
            {
                fileId, scope.SeriesKey, from = Date(scope.FirstMonth), to = Date(scope.LastMonth),
                counts.Read, counts.Loaded, counts.Rejected, counts.Skipped, finished = Timestamp(finished),
            },
            transaction, cancellationToken: cancellationToken));

    /// <inheritdoc />
    protected override async IAsyncEnumerable<(string Area, MonthlyActual Actual)> ReadMonthlyActualsAsync(
        DbConnection connection, DbTransaction transaction, string indicator, DateOnly firstMonth, DateOnly lastMonth,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = connection.QueryUnbufferedAsync<(string Area, string Month, double? Value, double? Numerator, double? Denominator, long Suppressed)>(
            SqliteSql.MonthlyActuals,
            new { indicator, from = Date(firstMonth), to = Date(lastMonth) }, transaction);
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return (r.Area, new MonthlyActual(ParseDate(r.Month), Decimal(r.Value))
            {
                Numerator = Decimal(r.Numerator),
                Denominator = Decimal(r.Denominator),
                Suppressed = r.Suppressed != 0,
            });
        }
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<string>> ReadActualAreasAsync(
        DbConnection connection, DbTransaction transaction, string indicator, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            SqliteSql.ActualAreas,
            new { indicator }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <inheritdoc />
    protected override async Task ReplaceAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> indicators, IReadOnlyList<AttainmentFigure> figures, CancellationToken cancellationToken)
    {
        if (indicators.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqliteSql.DeleteAttainment, new { indicators }, transaction, cancellationToken: cancellationToken));
        }
        // One prepared insert for all figures (Dapper would bind every figure's parameters anew by reflection).
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            SqliteSql.InsertAttainment;
        var p = AddParameters(command, "$indikator", "$monat", "$bereich", "$ist", "$ziel", "$pfad", "$grad", "$status", "$prognose", "$unterdrueckt", "$berechnet",
            "$erreicht", "$basis", "$basis_monat", "$ziel_bereich");
        p[10].Value = Timestamp(Time.GetUtcNow());
        await command.PrepareAsync(cancellationToken);
        foreach (var f in figures)
        {
            p[0].Value = f.IndicatorCode;
            p[1].Value = Date(f.Month);
            p[2].Value = f.AreaCode;
            p[3].Value = Number(f.ActualToDate);
            p[4].Value = Number(f.TargetValue);
            p[5].Value = Number(f.TargetPath);
            p[6].Value = Number(f.Degree);
            p[7].Value = f.Status.ToReportName();
            p[8].Value = Number(f.Projection);
            p[9].Value = f.DependsOnSuppressed ? 1 : 0;
            p[11].Value = f.Met is { } met ? (met ? 1 : 0) : DBNull.Value;
            p[12].Value = Number(f.Baseline);
            p[13].Value = f.BaselineMonth is { } month ? Date(month) : DBNull.Value;
            p[14].Value = (object?)f.TargetAreaCode ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    private static DbParameter[] AddParameters(DbCommand command, params string[] names) =>
        names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static object Number(decimal? value) => value is { } v ? (double)v : DBNull.Value;

    private static decimal? Decimal(double? value) => value is { } v ? Math.Round((decimal)v, 10) : null;

    private sealed class RejectDbRow
    {
        public long DateiId { get; set; }

        public string Datei { get; set; } = "";

        public string Quelle { get; set; } = "";

        public string? Blatt { get; set; }

        public long Zeile { get; set; }

        public string? Spalte { get; set; }

        public string? Rohwert { get; set; }

        public string GrundCode { get; set; } = "";

        public string Grund { get; set; } = "";

        public string GeladenUm { get; set; } = "";

        public long AbweisungId { get; set; }

        public string Bearbeitung { get; set; } = "";

        public string? Entscheidung { get; set; }

        public string? Kommentar { get; set; }

        public string? EntschiedenVon { get; set; }

        public string? EntschiedenUm { get; set; }
    }
}
