using System.Reflection;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Warehouse.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bielefeld.Etl.Tests.Warehouse.SqlServer;

/// <summary>
/// No SQL Server runs here, so every T-SQL text the product ships is parsed with ScriptDom (SQL Server 2022 grammar) on
/// every run: the migration scripts and every statement the provider issues.
/// </summary>
public sealed partial class SqlServerScriptFacts
{
    private static string ScriptFolder => Path.Combine(RepositoryPaths.Root, "sql", "sqlserver");

    private static string ProviderFolder => Path.Combine(RepositoryPaths.Root, "src", "Bielefeld.Etl.Warehouse.SqlServer");

    /// <summary>The versioned migrations and the repeatable views (views/…), relative to sql/sqlserver.</summary>
    public static TheoryData<string> Scripts() =>
        [.. Directory.GetFiles(ScriptFolder, "*.sql", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ScriptFolder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> Statements() => [.. StatementFields().Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Migration_script_parses_as_TSql160(string script)
    {
        var errors = Parse(File.ReadAllText(Path.Combine(ScriptFolder, script)));

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Provider_statement_parses_as_TSql160(string name)
    {
        var sql = (string)StatementFields().Single(f => f.Name == name).GetValue(null)!;

        Assert.Empty(Parse(sql));
    }

    [Fact]
    public void There_are_migration_scripts_and_provider_statements_to_check()
    {
        Assert.True(Scripts().Count >= 20);
        Assert.True(Statements().Count >= 20);
    }

    [Fact]
    public void The_provider_issues_no_SQL_text_outside_SqlServerSql()
    {
        var offenders = Directory.GetFiles(ProviderFolder, "*.cs")
            .Where(f => Path.GetFileName(f) != "SqlServerSql.cs")
            .Where(f => SqlKeyword().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void A_broken_statement_is_caught()
    {
        Assert.NotEmpty(Parse("SELECT FROM WHERE dwh.load_file"));
    }

    private static IEnumerable<FieldInfo> StatementFields() =>
        typeof(SqlServerSql).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string));

    private static List<string> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    [GeneratedRegex("\"\\s*(SELECT|INSERT|UPDATE|DELETE|MERGE|EXEC|CREATE|DROP|ALTER)\\s", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex SqlKeyword();
}
