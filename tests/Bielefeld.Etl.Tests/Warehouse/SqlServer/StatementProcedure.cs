using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bielefeld.Etl.Tests.Warehouse.SqlServer;

/// <summary>
/// One statement the product issues, as DacFx can check it: the body of a procedure <c>[validation].[name]</c> whose
/// parameters are the @variables the statement uses without declaring them (Dapper's parameters), typed sql_variant
/// (nvarchar(max) where T-SQL wants a string, as OPENJSON does), since DacFx checks names, not the values bound at run time.
/// </summary>
/// <remarks>
/// A temp table the statement creates (<c>CREATE TABLE #x (…)</c>) is, for DacFx, a table it does not check: it resolves
/// any column of it. So each such table becomes a real table of the model (<c>[validation].[name#x]</c>) with the
/// statement's columns, and the statement names that one: a wrong column of a temp table fails like any other. A temp
/// table made by SELECT … INTO #x has no declared columns and stays unchecked.
/// </remarks>
internal static partial class StatementProcedure
{
    /// <summary>The scripts to add to the model: the statement's temp tables, then its procedure.</summary>
    public static IReadOnlyList<string> Scripts(string name, string sql)
    {
        var script = SqlServerSchemaModel.Parse(sql, name);
        var usage = new Usage();
        script.Accept(usage);

        var scripts = new List<string>();
        var body = sql;
        foreach (var temp in usage.TempTables.OrderByDescending(t => t.StartOffset))
        {
            var tempName = temp.SchemaObjectName.BaseIdentifier.Value;
            scripts.Add(TempTableName(tempName).Replace(sql.Substring(temp.StartOffset, temp.FragmentLength), ModelTable(name, tempName), 1));
            body = body.Remove(temp.StartOffset, temp.FragmentLength).Insert(temp.StartOffset, "-- " + tempName + ": a table of the model\n");
        }

        body = usage.TempTables.Aggregate(body, (text, temp) =>
            TempTableName(temp.SchemaObjectName.BaseIdentifier.Value).Replace(text, ModelTable(name, temp.SchemaObjectName.BaseIdentifier.Value)));

        var parameters = usage.Parameters
            .Select(p => $"{p} {(usage.Strings.Contains(p) ? "nvarchar(max)" : "sql_variant")}");
        scripts.Add($"CREATE PROCEDURE [validation].[{name}] {string.Join(", ", parameters)}\nAS\nBEGIN\n{body}\nEND");
        return scripts;
    }

    private static Regex TempTableName(string temp) => new(Regex.Escape(temp) + @"(?![\w#@$])", RegexOptions.IgnoreCase);

    private static string ModelTable(string statement, string temp) => $"[validation].[{statement}{temp}]";

    /// <summary>The undeclared @variables of a statement, those it passes where T-SQL needs a string, and its temp tables.</summary>
    private sealed class Usage : TSqlFragmentVisitor
    {
        private readonly HashSet<string> _declared = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _referenced = [];

        public List<CreateTableStatement> TempTables { get; } = [];

        public HashSet<string> Strings { get; } = new(StringComparer.OrdinalIgnoreCase);

        public IEnumerable<string> Parameters => _referenced.Distinct(StringComparer.OrdinalIgnoreCase).Where(v => !_declared.Contains(v));

        public override void Visit(VariableReference node) => _referenced.Add(node.Name);

        public override void Visit(DeclareVariableElement node) => _declared.Add(node.VariableName.Value);

        public override void Visit(DeclareTableVariableBody node) => _declared.Add(node.VariableName.Value);

        public override void Visit(OpenJsonTableReference node)
        {
            if (node.Variable is VariableReference variable)
            {
                Strings.Add(variable.Name);
            }
        }

        public override void Visit(CreateTableStatement node)
        {
            if (node.SchemaObjectName.BaseIdentifier.Value.StartsWith('#'))
            {
                TempTables.Add(node);
            }
        }
    }
}
