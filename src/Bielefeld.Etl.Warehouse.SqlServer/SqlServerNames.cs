namespace Bielefeld.Etl.Warehouse.SqlServer;

/// <summary>Names the SQL Server provider uses that are not statements: bulk-copy targets and application locks.</summary>
internal static class SqlServerNames
{
    /// <summary>The sp_getapplock resource that serialises migrations of one database.</summary>
    public const string MigrationLock = "bielefeld-etl/migrate";

    /// <summary>The staging table SqlBulkCopy writes observations to.</summary>
    public const string StagingTable = "stg.observation";

    /// <summary>The fact SqlBulkCopy writes observations to when nothing of their source is current yet.</summary>
    public const string FactTable = "dwh.fact_beobachtung";

    /// <summary>The table SqlBulkCopy writes rejected rows to.</summary>
    public const string RejectedRowTable = "dwh.rejected_row";

    /// <summary>The table SqlBulkCopy writes attainment figures to (its columns: <see cref="SqlServerSql.AttainmentShape"/>).</summary>
    public const string AttainmentTable = "dwh.fact_zielerreichung";
}
