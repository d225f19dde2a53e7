using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DbUp;
using DbUp.Engine;
using DbUp.Support;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// The views of one dialect (sql/&lt;provider&gt;/views/*.sql, embedded as <c>views/&lt;provider&gt;/…</c>), written once
/// each and applied after the versioned migrations as one script: every view the set creates is dropped (in reverse
/// order), then the files run in name order, so a file may use the views of the files before it.
/// </summary>
/// <remarks>
/// The script is journalled by DbUp under a name made of a hash over the view files and the names of the versioned
/// migrations: a start that finds neither changed runs nothing (no DROP VIEW waiting behind a Power BI refresh on
/// every load), a changed view file or a new migration (which may have had to drop a view to alter its table) makes
/// the next start re-create the whole set.
/// </remarks>
public static partial class ReportingViews
{
    /// <summary>The DbUp script that (re-)creates the views of <paramref name="provider"/>.</summary>
    /// <param name="assembly">The provider's assembly, holding its migrations (<c>provider/…</c>) and views.</param>
    /// <param name="provider">The folder name under sql/: <c>sqlite</c>, <c>postgresql</c>, <c>sqlserver</c>.</param>
    /// <param name="batchSeparator">What separates two batches: <c>GO</c> for SQL Server, where CREATE VIEW must start one.</param>
    public static SqlScript Script(Assembly assembly, string provider, string? batchSeparator = null)
    {
        var files = Files(assembly, provider);
        var creates = files.SelectMany(f => CreatedView().Matches(f.Text).Select(m => m.Groups["name"].Value)).ToList();
        var drops = string.Concat(Enumerable.Reverse(creates).Select(v => $"DROP VIEW IF EXISTS {v};\n"));
        var separator = batchSeparator is null ? "\n" : $"\n{batchSeparator}\n";
        var text = string.Join(separator, [drops, .. files.Select(f => f.Text.TrimEnd())]) + "\n";

        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(provider + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", migrations) + "\n" + text));
        var name = "views/" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
        return new SqlScript(name, text, new SqlScriptOptions { ScriptType = ScriptType.RunOnce, RunGroupOrder = DbUpDefaults.DefaultRunGroupOrder + 1 });
    }

    /// <summary>The view files of <paramref name="provider"/> in the order they are applied.</summary>
    public static IReadOnlyList<(string Name, string Text)> Files(Assembly assembly, string provider)
    {
        var prefix = $"views/{provider}/";
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..], Read(assembly, n)))
            .ToList();
        return files.Count > 0
            ? files
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{assembly.GetName().Name} enthält keine Sichten unter {prefix}."));
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*CREATE\s+VIEW\s+(?<name>[\w.]+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CreatedView();
}
