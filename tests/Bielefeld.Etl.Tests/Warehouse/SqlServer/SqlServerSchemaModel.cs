using System.Text.RegularExpressions;
using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bielefeld.Etl.Tests.Warehouse.SqlServer;

/// <summary>
/// The SQL Server warehouse as DacFx sees it, without a server: the versioned migrations of sql/sqlserver replayed into
/// their end state (a DacFx model holds objects, not a history, so CREATE TABLE then ALTER TABLE … ADD becomes one table,
/// a dropped index or view disappears), then the repeatable views of sql/sqlserver/views. Statements (the provider's,
/// the migrations' data statements) are added as procedures of schema <c>validation</c>, one per statement, so that
/// DacFx resolves every table and column they name.
/// </summary>
internal sealed partial class SqlServerSchemaModel
{
    private readonly List<string> _objects = [];
    private readonly Dictionary<string, CreateTableStatement> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _indexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _views = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, string Sql)> _statements = [];
    private readonly List<string> _triggers = [];

    private SqlServerSchemaModel()
    {
    }

    /// <summary>The data statements the migrations run (INSERT, UPDATE, DELETE), named file#position.</summary>
    public IReadOnlyList<(string Name, string Sql)> MigrationStatements => _statements;

    /// <summary>The view definitions the model holds, by name ([schema].[name] lower case), in the order they were added.</summary>
    public IReadOnlyDictionary<string, string> Views => _views;

    /// <summary>Replays every migration of <paramref name="folder"/> (sql/sqlserver) and adds its views/ folder.</summary>
    public static SqlServerSchemaModel FromScripts(string folder)
    {
        var schema = new SqlServerSchemaModel();
        foreach (var file in Directory.GetFiles(folder, "*.sql").Order(StringComparer.Ordinal))
        {
            schema.Replay(Path.GetFileName(file), File.ReadAllText(file));
        }

        if (schema._views.Count > 0)
        {
            throw new InvalidOperationException("Views left by the versioned migrations: " + string.Join(", ", schema._views.Keys));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(folder, "views"), "*.sql").Order(StringComparer.Ordinal))
        {
            schema.Replay("views/" + Path.GetFileName(file), File.ReadAllText(file));
        }

        return schema;
    }

    /// <summary>
    /// A DacFx model of the schema plus one procedure per statement (named <c>[validation].[name]</c>), validated.
    /// Returns DacFx's messages, errors and warnings, apart from references to system objects (see <see cref="IsSystemReference"/>).
    /// </summary>
    public IReadOnlyList<string> Validate(IEnumerable<(string Name, string Sql)> statements)
    {
        using var model = Model();
        model.AddObjects("CREATE SCHEMA validation;");
        foreach (var (name, sql) in statements)
        {
            foreach (var script in StatementProcedure.Scripts(name, sql))
            {
                model.AddObjects(script);
            }
        }

        return model.Validate()
            .Where(m => !IsSystemReference(m.Message))
            .Select(m => $"{m.MessageType} {m.Prefix}{m.Number}: {m.Message}")
            .Distinct()
            .ToList();
    }

    /// <summary>The views' columns with their logical types, read from the model of the schema.</summary>
    public SqlServerViewColumns ViewColumns()
    {
        using var model = Model();
        return new SqlServerViewColumns(model, _views);
    }

    private TSqlModel Model()
    {
        var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions());
        foreach (var script in _objects.Concat(_tables.Values.Select(Script)).Concat(_indexes.Values).Concat(_views.Values).Concat(_triggers))
        {
            model.AddObjects(script);
        }

        return model;
    }

    /// <summary>
    /// The model has no master database, so sys.* catalog views and the system procedures (sp_getapplock, …) are
    /// unresolved (SQL71502); those, and only those, are not the warehouse's to check.
    /// </summary>
    private static bool IsSystemReference(string message)
    {
        var at = message.IndexOf("unresolved reference to", StringComparison.Ordinal);
        var objects = at < 0 ? [] : ObjectName().Matches(message[at..]).ToList();
        return objects.Count > 0 && objects.All(o =>
            o.Groups["schema"].Value is "sys" or "INFORMATION_SCHEMA" || o.Groups["name"].Value.StartsWith("sp_", StringComparison.Ordinal));
    }

    private void Replay(string file, string sql)
    {
        var script = Parse(sql, file);
        var position = 0;
        foreach (var statement in script.Batches.SelectMany(b => b.Statements))
        {
            Replay(file, ++position, statement, sql);
        }
    }

    private void Replay(string file, int position, TSqlStatement statement, string sql)
    {
        var text = sql.Substring(statement.StartOffset, statement.FragmentLength);
        switch (statement)
        {
            case CreateSchemaStatement or CreateRoleStatement or GrantStatement or DenyStatement:
                _objects.Add(text);
                break;
            case IfStatement { ThenStatement: var then, ElseStatement: null }:
                // IF SCHEMA_ID(…) IS NULL EXEC (N'CREATE SCHEMA …'), IF DATABASE_PRINCIPAL_ID(…) IS NULL CREATE ROLE …:
                // the model is built from nothing, so the guarded statement is what the script means.
                ReplayGuarded(file, position, then, sql);
                break;
            case CreateTableStatement create:
                _tables[Name(create.SchemaObjectName)] = create;
                break;
            case AlterTableAddTableElementStatement add:
                var table = _tables[Name(add.SchemaObjectName)];
                foreach (var column in add.Definition.ColumnDefinitions)
                {
                    table.Definition.ColumnDefinitions.Add(column);
                }

                foreach (var constraint in add.Definition.TableConstraints)
                {
                    table.Definition.TableConstraints.Add(constraint);
                }

                break;
            case AlterTableDropTableElementStatement dropElement:
                DropConstraints(_tables[Name(dropElement.SchemaObjectName)], dropElement, file);
                break;
            case CreateTriggerStatement:
                _triggers.Add(text);
                break;
            case CreateIndexStatement index:
                _indexes[Name(index.OnName) + "." + index.Name.Value] = text;
                break;
            case DropIndexStatement drop:
                foreach (var clause in drop.DropIndexClauses.OfType<DropIndexClause>())
                {
                    Remove(_indexes, Name(clause.Object) + "." + clause.Index.Value, file);
                }

                break;
            case CreateViewStatement or CreateOrAlterViewStatement:
                var view = (ViewStatementBody)statement;
                _views[Name(view.SchemaObjectName)] = CreateOrAlter().Replace(text, "CREATE VIEW", 1);
                break;
            case DropViewStatement dropView:
                foreach (var name in dropView.Objects)
                {
                    Remove(_views, Name(name), file);
                }

                break;
            case InsertStatement or UpdateStatement or DeleteStatement or MergeStatement:
                _statements.Add(($"{Path.GetFileNameWithoutExtension(file)}_{position}", text));
                break;
            default:
                throw new NotSupportedException($"{file}: statement {position} ({statement.GetType().Name}) is not replayed into the model; teach {nameof(SqlServerSchemaModel)} what it does.");
        }
    }

    /// <summary>ALTER TABLE … DROP CONSTRAINT: the named constraints leave the table, whether declared on a column or on the table.</summary>
    private static void DropConstraints(CreateTableStatement table, AlterTableDropTableElementStatement drop, string file)
    {
        foreach (var element in drop.AlterTableDropTableElements)
        {
            if (element.TableElementType != TableElementType.Constraint)
            {
                throw new NotSupportedException($"{file}: dropping a {element.TableElementType} is not replayed into the model.");
            }

            var name = element.Name.Value;
            bool Named(ConstraintDefinition c) => string.Equals(c.ConstraintIdentifier?.Value, name, StringComparison.OrdinalIgnoreCase);
            var removed = 0;
            foreach (var column in table.Definition.ColumnDefinitions)
            {
                foreach (var constraint in column.Constraints.Where(Named).ToList())
                {
                    removed += column.Constraints.Remove(constraint) ? 1 : 0;
                }
            }

            foreach (var constraint in table.Definition.TableConstraints.Where(Named).ToList())
            {
                removed += table.Definition.TableConstraints.Remove(constraint) ? 1 : 0;
            }

            if (removed == 0)
            {
                throw new InvalidOperationException($"{file} drops constraint {name}, which no earlier script created.");
            }
        }
    }

    private void ReplayGuarded(string file, int position, TSqlStatement then, string sql)
    {
        if (then is ExecuteStatement { ExecuteSpecification.ExecutableEntity: ExecutableStringList list }
            && list.Strings is [StringLiteral literal])
        {
            Replay(file, literal.Value);
            return;
        }

        Replay(file, position, then, sql);
    }

    private static void Remove(Dictionary<string, string> objects, string name, string file)
    {
        if (!objects.Remove(name))
        {
            throw new InvalidOperationException($"{file} drops {name}, which no earlier script created.");
        }
    }

    private static string Script(CreateTableStatement table)
    {
        new Sql160ScriptGenerator().GenerateScript(table, out var script);
        return script;
    }

    private static string Name(SchemaObjectName name) =>
        $"[{name.SchemaIdentifier?.Value ?? "dbo"}].[{name.BaseIdentifier.Value}]".ToLowerInvariant();

    /// <summary>Parses T-SQL as SQL Server 2022 does; a parse error is a defect of the script, reported with its place.</summary>
    public static TSqlScript Parse(string sql, string source)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        return errors.Count == 0
            ? (TSqlScript)fragment
            : throw new InvalidOperationException($"{source}: " + string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [GeneratedRegex(@"^CREATE\s+OR\s+ALTER\s+VIEW", RegexOptions.IgnoreCase)]
    private static partial Regex CreateOrAlter();

    [GeneratedRegex(@"\[(?<schema>[^\]]+)\]\.\[(?<name>[^\]]+)\]")]
    private static partial Regex ObjectName();
}
