using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bielefeld.Etl.Tests.Warehouse.SqlServer;

/// <summary>
/// The columns of the SQL Server views and their logical types, read from the DacFx model. DacFx knows a view's columns
/// but types only a table's, so a view column's type is derived the way SQL Server derives it: a column passes its
/// source's type on, CAST gives its target, CASE and COALESCE the highest-ranked type of their branches (SQL Server's
/// data type precedence), aggregates their argument's, COUNT an integer. An expression it does not know fails loudly
/// rather than guessing.
/// </summary>
internal sealed class SqlServerViewColumns
{
    private readonly Dictionary<string, List<(string Name, string? Type)>> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SelectStatement> _viewQueries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(string Name, string? Type)>> _views = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the tables' column types and the views' columns from <paramref name="model"/>.</summary>
    public SqlServerViewColumns(TSqlModel model, IReadOnlyDictionary<string, string> viewScripts)
    {
        foreach (var table in model.GetObjects(DacQueryScopes.UserDefined, Table.TypeClass))
        {
            _tables[Key(table.Name)] = [.. table.GetReferenced(Table.Columns).Select(c => (
                c.Name.Parts[^1],
                (string?)Logical(c.GetReferenced(Column.DataType).Single().Name.Parts[^1])))];
        }

        foreach (var (name, script) in viewScripts)
        {
            var view = SqlServerSchemaModel.Parse(script, name).Batches.Single().Statements.OfType<CreateViewStatement>().Single();
            _viewQueries[name] = view.SelectStatement;
        }

        ModelColumns = model.GetObjects(DacQueryScopes.UserDefined, View.TypeClass)
            .ToDictionary(v => Key(v.Name), v => (IReadOnlyList<string>)[.. v.GetReferenced(View.Columns).Select(c => c.Name.Parts[^1])], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Each view's columns as DacFx lists them, by [schema].[name].</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ModelColumns { get; }

    /// <summary>A view's columns with their logical types (null: only NULL, no type).</summary>
    public IReadOnlyList<(string Name, string? Type)> Of(string view)
    {
        if (!_views.TryGetValue(view, out var columns))
        {
            var select = _viewQueries[view];
            var ctes = new Dictionary<string, List<(string Name, string? Type)>>(StringComparer.OrdinalIgnoreCase);
            foreach (var cte in select.WithCtesAndXmlNamespaces?.CommonTableExpressions ?? [])
            {
                var query = Columns(cte.QueryExpression, new Scope(null, ctes));
                ctes[cte.ExpressionName.Value] = cte.Columns.Count == 0 ? query : [.. cte.Columns.Select((c, i) => (c.Value, query[i].Type))];
            }

            columns = Columns(select.QueryExpression, new Scope(null, ctes));
            if (columns.Exists(c => c.Name.Length == 0))
            {
                throw new NotSupportedException($"{view} has a column without a name.");
            }

            _views[view] = columns;
        }

        return columns;
    }

    /// <summary>The logical type of a SQL Server type name: text, integer, decimal, date, timestamp, boolean.</summary>
    public static string Logical(string sqlType) => sqlType.ToLowerInvariant() switch
    {
        "nvarchar" or "varchar" or "nchar" or "char" or "ntext" or "text" or "sysname" => "text",
        "int" or "bigint" or "smallint" or "tinyint" => "integer",
        "decimal" or "numeric" or "float" or "real" or "money" or "smallmoney" => "decimal",
        "date" => "date",
        "datetime2" or "datetime" or "smalldatetime" or "datetimeoffset" => "timestamp",
        "bit" => "boolean",
        _ => throw new NotSupportedException($"SQL Server type {sqlType} has no logical type yet."),
    };

    private List<(string Name, string? Type)> Columns(QueryExpression query, Scope scope)
    {
        switch (query)
        {
            case QueryParenthesisExpression parenthesis:
                return Columns(parenthesis.QueryExpression, scope);
            case BinaryQueryExpression union:
                var first = Columns(union.FirstQueryExpression, scope);
                var second = Columns(union.SecondQueryExpression, scope);
                return [.. first.Select((c, i) => (c.Name, Highest(c.Type, second[i].Type)))];
            case QuerySpecification specification:
                var inner = new Scope(scope, scope.Ctes);
                foreach (var source in specification.FromClause?.TableReferences ?? [])
                {
                    AddSources(source, inner);
                }

                var columns = new List<(string Name, string? Type)>();
                foreach (var element in specification.SelectElements)
                {
                    switch (element)
                    {
                        case SelectStarExpression star:
                            columns.AddRange(star.Qualifier is null
                                ? inner.Sources.SelectMany(s => s.Columns)
                                : inner.Source(star.Qualifier.Identifiers[^1].Value)!.Value.Columns);
                            break;
                        case SelectScalarExpression scalar:
                            var name = scalar.ColumnName?.Value
                                ?? (scalar.Expression as ColumnReferenceExpression)?.MultiPartIdentifier.Identifiers[^1].Value
                                ?? ""; // a scalar subquery's column: read by position
                            columns.Add((name, TypeOf(scalar.Expression, inner)));
                            break;
                        default:
                            throw new NotSupportedException($"Select element {element.GetType().Name}");
                    }
                }

                return columns;
            default:
                throw new NotSupportedException($"Query {query.GetType().Name}");
        }
    }

    private void AddSources(TableReference reference, Scope scope)
    {
        switch (reference)
        {
            case NamedTableReference named:
                var baseName = named.SchemaObject.BaseIdentifier.Value;
                var columns = named.SchemaObject.SchemaIdentifier is null && scope.Ctes.TryGetValue(baseName, out var cte)
                    ? cte
                    : Named(named.SchemaObject);
                scope.Sources.Add((named.Alias?.Value ?? baseName, columns));
                break;
            case QueryDerivedTable derived:
                scope.Sources.Add((derived.Alias.Value, Columns(derived.QueryExpression, scope)));
                break;
            case QualifiedJoin join:
                AddSources(join.FirstTableReference, scope);
                AddSources(join.SecondTableReference, scope);
                break;
            case UnqualifiedJoin join:
                AddSources(join.FirstTableReference, scope);
                AddSources(join.SecondTableReference, scope);
                break;
            case JoinParenthesisTableReference parenthesis:
                AddSources(parenthesis.Join, scope);
                break;
            default:
                throw new NotSupportedException($"Table reference {reference.GetType().Name}");
        }
    }

    private List<(string Name, string? Type)> Named(SchemaObjectName name)
    {
        var key = $"[{name.SchemaIdentifier?.Value ?? "dbo"}].[{name.BaseIdentifier.Value}]".ToLowerInvariant();
        return _tables.TryGetValue(key, out var table) ? table : [.. Of(key)];
    }

    private string? TypeOf(ScalarExpression expression, Scope scope) => expression switch
    {
        ColumnReferenceExpression column => scope.Column(column.MultiPartIdentifier.Identifiers.Select(i => i.Value).ToList()),
        CastCall cast => Logical(TypeName(cast.DataType)),
        ConvertCall convert => Logical(TypeName(convert.DataType)),
        TryCastCall cast => Logical(TypeName(cast.DataType)),
        ParenthesisExpression parenthesis => TypeOf(parenthesis.Expression, scope),
        UnaryExpression unary => TypeOf(unary.Expression, scope),
        BinaryExpression binary => Highest(TypeOf(binary.FirstExpression, scope), TypeOf(binary.SecondExpression, scope)),
        SearchedCaseExpression searched => Highest([.. searched.WhenClauses.Select(w => TypeOf(w.ThenExpression, scope)), searched.ElseExpression is { } e ? TypeOf(e, scope) : null]),
        SimpleCaseExpression simple => Highest([.. simple.WhenClauses.Select(w => TypeOf(w.ThenExpression, scope)), simple.ElseExpression is { } e ? TypeOf(e, scope) : null]),
        CoalesceExpression coalesce => Highest([.. coalesce.Expressions.Select(e => TypeOf(e, scope))]),
        NullIfExpression nullIf => TypeOf(nullIf.FirstExpression, scope),
        IIfCall iif => Highest(TypeOf(iif.ThenExpression, scope), TypeOf(iif.ElseExpression, scope)),
        IntegerLiteral => "integer",
        NumericLiteral or RealLiteral or MoneyLiteral => "decimal",
        StringLiteral => "text",
        NullLiteral => null,
        ScalarSubquery subquery => Columns(subquery.QueryExpression, scope)[0].Type,
        FunctionCall call => FunctionType(call, scope),
        _ => throw new NotSupportedException($"Expression {expression.GetType().Name}: {Text(expression)}"),
    };

    private string? FunctionType(FunctionCall call, Scope scope) => call.FunctionName.Value.ToUpperInvariant() switch
    {
        "COUNT" or "COUNT_BIG" or "ROW_NUMBER" or "RANK" or "DENSE_RANK" or "NTILE" or "LEN" or "DATALENGTH" or "DATEDIFF"
            or "YEAR" or "MONTH" or "DAY" or "DATEPART" or "CHARINDEX" => "integer",
        "SUM" or "MAX" or "MIN" or "AVG" or "ABS" or "ROUND" or "FLOOR" or "CEILING" or "LAG" or "LEAD" or "FIRST_VALUE" or "LAST_VALUE"
            => TypeOf(call.Parameters[0], scope),
        "CONCAT" or "CONCAT_WS" or "STRING_AGG" or "FORMAT" or "LEFT" or "RIGHT" or "SUBSTRING" or "REPLACE" or "UPPER" or "LOWER"
            or "LTRIM" or "RTRIM" or "TRIM" or "REPLICATE" or "STR" or "TRANSLATE" or "STUFF" or "DATENAME" => "text",
        "DATEFROMPARTS" or "EOMONTH" => "date",
        "DATEADD" => TypeOf(call.Parameters[2], scope),
        "GETDATE" or "GETUTCDATE" or "SYSDATETIME" or "SYSUTCDATETIME" or "DATETIME2FROMPARTS" => "timestamp",
        "ISNULL" => TypeOf(call.Parameters[0], scope) ?? TypeOf(call.Parameters[1], scope),
        var other => throw new NotSupportedException($"Function {other}: {Text(call)}"),
    };

    /// <summary>SQL Server's data type precedence, read on the logical types: the result of CASE, COALESCE, UNION, +.</summary>
    private static string? Highest(params string?[] types) =>
        types.Where(t => t is not null).OrderByDescending(t => Array.IndexOf(Precedence, t)).FirstOrDefault();

    private static readonly string[] Precedence = ["text", "boolean", "integer", "decimal", "date", "timestamp"];

    private static string TypeName(DataTypeReference type) => type.Name.BaseIdentifier.Value;

    private static string Key(ObjectIdentifier name) => $"[{name.Parts[0]}].[{name.Parts[^1]}]".ToLowerInvariant();

    private static string Text(TSqlFragment fragment) =>
        string.Concat(fragment.ScriptTokenStream.Skip(fragment.FirstTokenIndex).Take(fragment.LastTokenIndex - fragment.FirstTokenIndex + 1).Select(t => t.Text));

    /// <summary>The sources of one SELECT (alias and columns), inside the SELECTs around it (for correlated subqueries).</summary>
    private sealed class Scope(Scope? outer, Dictionary<string, List<(string Name, string? Type)>> ctes)
    {
        public Dictionary<string, List<(string Name, string? Type)>> Ctes { get; } = ctes;

        public List<(string Alias, List<(string Name, string? Type)> Columns)> Sources { get; } = [];

        public (string Alias, List<(string Name, string? Type)> Columns)? Source(string alias) =>
            Sources.Where(s => string.Equals(s.Alias, alias, StringComparison.OrdinalIgnoreCase)).Select(s => ((string, List<(string, string?)>)?)s).FirstOrDefault()
            ?? outer?.Source(alias);

        public string? Column(List<string> parts)
        {
            var name = parts[^1];
            var candidates = parts.Count > 1
                ? Source(parts[^2]) is { } source ? [source] : []
                : Sources.Where(s => s.Columns.Exists(c => Is(c.Name, name))).ToList();
            if (candidates.Count == 0)
            {
                return outer is not null ? outer.Column(parts) : throw new InvalidOperationException($"Column {string.Join('.', parts)} is not in scope.");
            }

            return candidates[0].Columns.First(c => Is(c.Name, name)).Type;
        }

        private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
