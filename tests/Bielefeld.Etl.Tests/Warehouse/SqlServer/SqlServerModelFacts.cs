using System.Reflection;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Warehouse.SqlServer;

namespace Bielefeld.Etl.Tests.Warehouse.SqlServer;

/// <summary>
/// No SQL Server runs here, so beyond parsing (<see cref="SqlServerScriptFacts"/>) the SQL Server warehouse is checked
/// against a DacFx model (SQL Server 2022): the schema the migrations leave, the repeatable views, the migrations' data
/// statements and every statement the provider issues must name tables and columns that exist (SQL71501, SQL71502).
/// </summary>
public sealed partial class SqlServerModelFacts
{
    private static readonly Lazy<SqlServerSchemaModel> Schema =
        new(() => SqlServerSchemaModel.FromScripts(Path.Combine(RepositoryPaths.Root, "sql", "sqlserver")));

    // One model with every statement as a procedure, validated once: a validation takes seconds, not one per statement.
    private static readonly Lazy<IReadOnlyList<string>> Findings =
        new(() => Schema.Value.Validate(ProviderStatements().Concat(Schema.Value.MigrationStatements)));

    public static TheoryData<string> Statements() => [.. ProviderStatements().Select(s => s.Name)];

    [Fact]
    public void The_schema_after_all_migrations_and_views_validates_without_findings()
    {
        var schemaFindings = Findings.Value.Where(f => !f.Contains("[validation].", StringComparison.Ordinal)).ToList();

        AssertNone(schemaFindings);
        Assert.Equal(17, Schema.Value.Views.Count);
    }

    [Fact]
    public void The_data_statements_of_the_migrations_resolve_against_the_schema()
    {
        // The calendar (0002), the months of earlier loads (0009), the first assessment of the suppression (0013: two INSERT,
        // one DELETE), the shown cells' verdicts removed and the assessment state (0018), the months and files of the
        // current values and the hints due once (0019), each indicator's recomputation time from its figures (0024).
        Assert.Equal(10, Schema.Value.MigrationStatements.Count);
        AssertNone(Schema.Value.MigrationStatements.SelectMany(s => FindingsOf(s.Name)).ToList());
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Provider_statement_resolves_against_the_schema(string name)
    {
        AssertNone(FindingsOf(name));
    }

    [Fact]
    public void A_statement_naming_a_missing_column_fails_with_SQL71501()
    {
        var findings = Schema.Value.Validate([("Broken", "SELECT datei_id, dateiname FROM dwh.load_file WHERE quelle = @Source;")]);

        var finding = Assert.Single(findings);
        Assert.Contains("SQL71501", finding, StringComparison.Ordinal);
        Assert.Contains("[validation].[Broken] has an unresolved reference to object [dwh].[load_file].[dateiname]", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_statement_naming_a_missing_table_fails_with_SQL71502()
    {
        var findings = Schema.Value.Validate([("Broken", "DELETE FROM dwh.fact_beobachtungen WHERE datei_id = @fileId;")]);

        Assert.Contains(findings, f => f.Contains("SQL71502", StringComparison.Ordinal) && f.Contains("[dwh].[fact_beobachtungen]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_column_of_a_temp_table_the_statement_creates_is_caught()
    {
        var findings = Schema.Value.Validate([("Temp", """
            CREATE TABLE #codes (indikator_code nvarchar(100) NOT NULL PRIMARY KEY);
            INSERT INTO #codes (indikator_code) SELECT value FROM OPENJSON(@indicators);
            DELETE z FROM dwh.fact_zielerreichung z JOIN #codes c ON c.indikator = z.indikator_code;
            """)]);

        var finding = Assert.Single(findings);
        Assert.Contains("SQL71501", finding, StringComparison.Ordinal);
        Assert.Contains("[indikator]", finding, StringComparison.Ordinal);
    }

    /// <summary>Fails with DacFx's whole messages (an assertion on the list would cut them off).</summary>
    private static void AssertNone(List<string> findings)
    {
        if (findings.Count > 0)
        {
            Assert.Fail(string.Join("\n", findings));
        }
    }

    private static List<string> FindingsOf(string statement) =>
        Findings.Value.Where(f => f.Contains($"[validation].[{statement}]", StringComparison.Ordinal)).ToList();

    /// <summary>Every literal string of the provider's assembly that is a T-SQL statement (SqlServerNames holds names, not statements).</summary>
    private static IEnumerable<(string Name, string Sql)> ProviderStatements() =>
        typeof(SqlServerSql).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: f.DeclaringType == typeof(SqlServerSql) ? f.Name : $"{f.DeclaringType!.Name}.{f.Name}", Sql: (string)f.GetRawConstantValue()!))
            .Where(s => StatementStart().IsMatch(s.Sql))
            .OrderBy(s => s.Name, StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*(SELECT|INSERT|UPDATE|DELETE|MERGE|WITH|DECLARE|EXEC|IF|CREATE|DROP|ALTER|TRUNCATE|SET)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementStart();
}
