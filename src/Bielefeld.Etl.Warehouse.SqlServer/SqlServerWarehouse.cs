using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;
using DbUp;
using Microsoft.Data.SqlClient;

namespace Bielefeld.Etl.Warehouse.SqlServer;

/// <summary>
/// The production warehouse on SQL Server: tables in schema <c>dwh</c>, staging in <c>stg</c>, the Power BI contract
/// in <c>rpt</c>. Bulk path: SqlBulkCopy into staging inside the file's transaction, then one set-based merge.
/// </summary>
public sealed partial class SqlServerWarehouse : WarehouseProvider
{
    private const int MigrationLockTimeoutMs = 10 * 60 * 1000;
    private readonly string _connectionString;
    private readonly string? _password;
    private readonly string? _host;
    private readonly string? _database;

    /// <summary>Creates the provider for a connection string such as <c>Server=db;Database=bielefeld;Integrated Security=true;Encrypt=true</c>.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be read; the message names its keys, not their values.</exception>
    public SqlServerWarehouse(string connectionString, TimeProvider time)
        : base(time)
    {
        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException(
                $"Die SQL-Server-Verbindungszeichenfolge ist ungültig (Schlüssel: {ConnectionStrings.KeysOnly(connectionString)}).", nameof(connectionString));
        }

        if (string.IsNullOrEmpty(builder.ApplicationName) || builder.ApplicationName == "Framework Microsoft SqlClient Data Provider")
        {
            builder.ApplicationName = "bielefeld-etl";
        }

        _connectionString = builder.ConnectionString;
        _password = builder.Password;
        _host = builder.DataSource;
        _database = builder.InitialCatalog;
    }

    /// <inheritdoc />
    public override string Name => "sqlserver";

    /// <inheritdoc />
    protected override string ProvenanceView => "dwh.herkunft";

    /// <inheritdoc />
    public override void Migrate()
    {
        using var lockConnection = new SqlConnection(_connectionString);
        OpenOrExplain(lockConnection, c => { c.Open(); return Task.CompletedTask; }).GetAwaiter().GetResult();

        // Two servers starting together: the second waits here until the first has finished, then finds nothing to do.
        var lockArgs = new { resource = SqlServerNames.MigrationLock, timeoutMs = MigrationLockTimeoutMs };
        lockConnection.Execute(SqlServerSql.TakeMigrationLock, lockArgs, commandTimeout: MigrationLockTimeoutMs / 1000 + 30);
        try
        {
            lockConnection.Execute(SqlServerSql.CreateJournalSchema);
            var result = DeployChanges.To.SqlDatabase(_connectionString)
                .JournalToSqlTable("dwh", "SchemaVersions")
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith("sqlserver/", StringComparison.Ordinal))
                .WithScript(ReportingViews.Script(Assembly.GetExecutingAssembly(), "sqlserver", "GO"))
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
            lockConnection.Execute(SqlServerSql.ReleaseMigrationLock, new { resource = SqlServerNames.MigrationLock });
        }
    }

    /// <inheritdoc />
    /// <exception cref="WarehouseConnectionException">The server cannot be reached or refuses the login.</exception>
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(_connectionString);
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
        var rows = await connection.QueryAsync<LoadRow>(new CommandDefinition(SqlServerSql.RecentLoads, new { count }, cancellationToken: cancellationToken));
        return rows.Select(r => new LoadRecord(
            r.DateiId, r.Datei, r.Quelle, r.Status, r.ZeilenGelesen, r.ZeilenGeladen, r.ZeilenAbgewiesen, r.ZeilenUebersprungen,
            Timestamp(r.GestartetUm), r.BeendetUm is { } b ? Timestamp(b) : null, r.Meldung)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RejectedRowRecord>> RejectedRowsAsync(RejectedRowQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RejectDbRow>(new CommandDefinition(SqlServerSql.RejectedRows, query, cancellationToken: cancellationToken));
        return rows.Select(r => new RejectedRowRecord(
            r.DateiId, r.Datei, r.Quelle, r.Blatt, r.Zeile, r.Spalte, r.Rohwert, r.GrundCode, r.Grund, Timestamp(r.GeladenUm),
            r.AbweisungId, r.Bearbeitung, r.Entscheidung, r.Kommentar, r.EntschiedenVon, r.EntschiedenUm is { } e ? Timestamp(e) : null)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<AttainmentRow>> LatestAttainmentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AttainmentDbRow>(new CommandDefinition(SqlServerSql.LatestAttainment, cancellationToken: cancellationToken));
        return rows.Select(r => new AttainmentRow(
            r.IndikatorCode, r.MassnahmeCode, Date(DateOnly.FromDateTime(r.Monat)), r.Bereich, r.Istwert, r.Zielwert, r.Zielpfad, r.Zielerreichungsgrad, r.Status))
            .ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<AttainmentRow>> AttainmentSeriesAsync(string areaCode, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AttainmentDbRow>(new CommandDefinition(SqlServerSql.AttainmentSeries, new { areaCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new AttainmentRow(
            r.IndikatorCode, r.MassnahmeCode, Date(DateOnly.FromDateTime(r.Monat)), r.Bereich, r.Istwert, r.Zielwert, r.Zielpfad, r.Zielerreichungsgrad, r.Status))
            .ToList();
    }

    /// <inheritdoc />
    public override async Task RecordUnloadedAsync(
        ExtractFile file, FileLoadStatus status, string reasonCode, string message, DateTimeOffset started, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqlServerSql.RecordUnloaded,
            new
            {
                file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, status = status.ToStoredName(), reasonCode,
                message = ConnectionStrings.Redact(message, _password), started = started.UtcDateTime, finished = Time.GetUtcNow().UtcDateTime,
            },
            cancellationToken: cancellationToken));
    }

    private async Task OpenOrExplain(SqlConnection connection, Func<SqlConnection, Task> open)
    {
        try
        {
            await open(connection);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex is SqlException sql ? $"{sql.Number} {sql.Message}" : ex.Message;
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
        string IndikatorCode, string MassnahmeCode, DateTime Monat, string Bereich, double? Istwert, double? Zielwert,
        double? Zielpfad, double? Zielerreichungsgrad, string Status);
}
