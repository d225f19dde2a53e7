using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Warehouse.Sqlite;

/// <summary>
/// The embedded default warehouse: one SQLite file in WAL mode, on the engine of every warehouse
/// (<see cref="StatementWarehouse"/>). Bulk path: prepared statements reused for a whole batch inside the file's single
/// transaction. Days, instants and figures are stored as text and REAL (<see cref="SqliteValues"/>).
/// </summary>
public sealed partial class SqliteWarehouse : StatementWarehouse
{
    private const int SqliteConstraint = 19;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private static readonly WarehouseStatements Statements = new(typeof(SqliteSql));
    private readonly string _connectionString;

    /// <summary>Creates the provider for a connection string such as <c>Data Source=data/warehouse.db</c>.</summary>
    public SqliteWarehouse(string connectionString, TimeProvider time)
        : base(time, "sqlite", Statements)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, DefaultTimeout = 60 };
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        Database = DataSource;
    }

    /// <inheritdoc />
    protected override StoredValues Values => SqliteValues.Instance;

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

        base.Migrate();
    }

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    /// <inheritdoc />
    protected override string OpenFailureReason(Exception exception) => exception.Message;

    /// <inheritdoc />
    /// <remarks>None: one process migrates a SQLite file (the server at its start, or <c>init</c>).</remarks>
    protected override void TakeMigrationLock(DbConnection connection)
    {
    }

    /// <inheritdoc />
    protected override void ReleaseMigrationLock(DbConnection connection)
    {
    }

    /// <inheritdoc />
    /// <remarks>WAL lets readers (Power BI, status) read while a load writes; it is a property of the file, set once.</remarks>
    protected override UpgradeEngineBuilder MigrationTarget(DbConnection connection)
    {
        connection.Execute(SqliteSql.JournalModeWal);
        return DeployChanges.To.SqliteDatabase(_connectionString);
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
    /// <remarks>SQLite's claim cannot skip a duplicate fingerprint: it fails on the unique index instead.</remarks>
    protected override bool IsDuplicateKey(Exception exception) => exception is SqliteException { SqliteErrorCode: SqliteConstraint };

    private static DbParameter[] AddParameters(DbCommand command, params string[] names) =>
        names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
}
