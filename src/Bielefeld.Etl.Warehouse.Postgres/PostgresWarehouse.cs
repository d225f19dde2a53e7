using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;
using DbUp;
using Npgsql;

namespace Bielefeld.Etl.Warehouse.Postgres;

/// <summary>
/// The PostgreSQL warehouse: tables in schema <c>dwh</c>, staging in <c>stg</c>, the Power BI contract in <c>rpt</c>.
/// Bulk path: binary COPY into staging inside the file's transaction, then one set-based merge.
/// </summary>
public sealed partial class PostgresWarehouse : WarehouseProvider
{
    private readonly string _connectionString;
    private readonly string? _password;
    private readonly string? _host;
    private readonly string? _database;

    /// <summary>Creates the provider for a connection string such as <c>Host=db;Database=bielefeld;Username=etl_loader</c>.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be read; the message names its keys, not their values.</exception>
    public PostgresWarehouse(string connectionString, TimeProvider time)
        : base(time)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The driver's message may quote the offending value, which may be the password.
            throw new ArgumentException(
                $"Die PostgreSQL-Verbindungszeichenfolge ist ungültig (Schlüssel: {ConnectionStrings.KeysOnly(connectionString)}).", nameof(connectionString));
        }

        builder.ApplicationName ??= "bielefeld-etl";
        _connectionString = builder.ConnectionString;
        _password = builder.Password;
        _host = builder.Host;
        _database = builder.Database;
    }

    /// <inheritdoc />
    public override string Name => "postgresql";

    /// <inheritdoc />
    protected override string ProvenanceView => "dwh.herkunft";

    /// <inheritdoc />
    public override void Migrate()
    {
        using var lockConnection = new NpgsqlConnection(_connectionString);
        OpenOrExplain(lockConnection, c => { c.Open(); return Task.CompletedTask; }).GetAwaiter().GetResult();

        // Two servers starting together: the second waits here until the first has finished, then finds nothing to do.
        lockConnection.Execute(PostgresSql.TakeMigrationLock, new { key = PostgresSql.MigrationLockKey });
        try
        {
            // DbUp keeps its journal in dwh, so dwh must exist before the first script runs.
            lockConnection.Execute(PostgresSql.CreateJournalSchema);
            var result = DeployChanges.To.PostgresqlDatabase(_connectionString)
                .JournalToPostgresqlTable("dwh", "schemaversions")
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith("postgresql/", StringComparison.Ordinal))
                .WithScript(ReportingViews.Script(Assembly.GetExecutingAssembly(), "postgresql"))
                .WithTransactionPerScript()
                .WithVariablesDisabled()
                .ResetConfiguredLoggers()
                .LogTo(new MigrationLog(Log))
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Migration {result.ErrorScript?.Name} ist fehlgeschlagen: {ConnectionStrings.Redact(result.Error.Message, _password)}", result.Error);
            }
        }
        finally
        {
            lockConnection.Execute(PostgresSql.ReleaseMigrationLock, new { key = PostgresSql.MigrationLockKey });
        }
    }

    /// <inheritdoc />
    /// <exception cref="WarehouseConnectionException">The server cannot be reached or refuses the login.</exception>
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await OpenOrExplain(connection, c => c.OpenAsync(cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<LoadRecord>> RecentLoadsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LoadRow>(new CommandDefinition(PostgresSql.RecentLoads, new { count }, cancellationToken: cancellationToken));
        return rows.Select(r => new LoadRecord(
            r.DateiId, r.Datei, r.Quelle, r.Status, r.ZeilenGelesen, r.ZeilenGeladen, r.ZeilenAbgewiesen, r.ZeilenUebersprungen,
            Timestamp(r.GestartetUm), r.BeendetUm is { } b ? Timestamp(b) : null, r.Meldung)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RejectedRowRecord>> RejectedRowsAsync(RejectedRowQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RejectDbRow>(new CommandDefinition(PostgresSql.RejectedRows, query, cancellationToken: cancellationToken));
        return rows.Select(r => new RejectedRowRecord(
            r.DateiId, r.Datei, r.Quelle, r.Blatt, r.Zeile, r.Spalte, r.Rohwert, r.GrundCode, r.Grund, Timestamp(r.GeladenUm),
            r.AbweisungId, r.Bearbeitung, r.Entscheidung, r.Kommentar, r.EntschiedenVon, r.EntschiedenUm is { } e ? Timestamp(e) : null)).ToList();
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<AttainmentRow>> LatestAttainmentAsync(CancellationToken cancellationToken) =>
        ReadAttainmentAsync(PostgresSql.LatestAttainment, null, cancellationToken);

    /// <inheritdoc />
    public override Task<IReadOnlyList<AttainmentRow>> AttainmentSeriesAsync(string areaCode, CancellationToken cancellationToken) =>
        ReadAttainmentAsync(PostgresSql.AttainmentSeries, new { areaCode }, cancellationToken);

    /// <summary>
    /// Reads rpt.zielerreichung without JIT compilation: the view's small-count subqueries make the planner's cost
    /// estimate huge (millions for 200 k figures), so PostgreSQL JIT-compiles the plan with full optimisation, which
    /// took 4.8 of 12 s at 1 M observations (docs/performance.md); the plan itself runs in one pass.
    /// </summary>
    private async Task<IReadOnlyList<AttainmentRow>> ReadAttainmentAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.NoJit, transaction: transaction, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<AttainmentDbRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rows.Select(r => new AttainmentRow(
            r.IndikatorCode, r.MassnahmeCode, Date(r.Monat), r.Bereich, r.Istwert, r.Zielwert, r.Zielpfad, r.Zielerreichungsgrad, r.Status))
            .ToList();
    }

    /// <inheritdoc />
    public override async Task RecordUnloadedAsync(
        ExtractFile file, FileLoadStatus status, string reasonCode, string message, DateTimeOffset started, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            PostgresSql.RecordUnloaded,
            new
            {
                file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, status = status.ToStoredName(), reasonCode,
                message = ConnectionStrings.Redact(message, _password), started = started.UtcDateTime, finished = Time.GetUtcNow().UtcDateTime,
            },
            cancellationToken: cancellationToken));
    }

    private async Task OpenOrExplain(NpgsqlConnection connection, Func<NpgsqlConnection, Task> open)
    {
        try
        {
            await open(connection);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : ex.Message;
            throw new WarehouseConnectionException(Name, _host, _database, ConnectionStrings.Redact(reason, _password), ex);
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    private static string Timestamp(DateTime at) =>
        DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private sealed record RejectDbRow(
        long DateiId, string Datei, string Quelle, string? Blatt, long Zeile, string? Spalte, string? Rohwert, string GrundCode, string Grund, DateTime GeladenUm,
        long AbweisungId, string Bearbeitung, string? Entscheidung, string? Kommentar, string? EntschiedenVon, DateTime? EntschiedenUm);

    private sealed record LoadRow(
        long DateiId, string Datei, string Quelle, string Status, int ZeilenGelesen, int ZeilenGeladen, int ZeilenAbgewiesen,
        int ZeilenUebersprungen, DateTime GestartetUm, DateTime? BeendetUm, string? Meldung);

    private sealed record AttainmentDbRow(
        string IndikatorCode, string MassnahmeCode, DateOnly Monat, string Bereich, double? Istwert, double? Zielwert,
        double? Zielpfad, double? Zielerreichungsgrad, string Status);
}
