using System.Data.Common;
using System.Globalization;
using System.Reflection;
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
            .WithScript(ReportingViews.Script(Assembly.GetExecutingAssembly(), "sqlite"))
            .WithTransactionPerScript()
            .ResetConfiguredLoggers()
            .LogTo(new MigrationLog(Log))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} ist fehlgeschlagen: {result.Error.Message}", result.Error);
        }

        StoreLatestAttainmentAfterAsync(result, CancellationToken.None).GetAwaiter().GetResult();
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
}
