using System.Reflection;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Tests.Docs;

/// <summary>Stewards look every reason code up in docs/reason-codes.md; a code the product can emit must be there.</summary>
public sealed partial class ReasonCodeDocumentationSpecs
{
    private static IEnumerable<Assembly> ProductAssemblies() =>
        Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(f => Path.GetFileName(f).StartsWith("Bielefeld.Etl.", StringComparison.Ordinal) || Path.GetFileName(f) == "bielefeld-etl.dll")
            .Where(f => !Path.GetFileName(f).StartsWith("Bielefeld.Etl.Tests", StringComparison.Ordinal))
            .Select(f => Assembly.LoadFrom(f));

    /// <summary>Every public static ReasonCode property of the product, e.g. ReasonCode.NotANumber, FileReasons.SheetMissing, MeldebogenReasons.*.</summary>
    private static List<(string Owner, ReasonCode Reason)> ProductReasonCodes() =>
        ProductAssemblies().SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static)
                .Where(p => p.PropertyType == typeof(ReasonCode))
                .Select(p => ($"{t.Name}.{p.Name}", (ReasonCode)p.GetValue(null)!)))
            .ToList();

    private static HashSet<string> DocumentedCodes() =>
        TableCode().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "reason-codes.md")))
            .Select(m => m.Groups["code"].Value).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void The_product_has_reason_codes_to_check()
    {
        var codes = ProductReasonCodes();

        Assert.Contains(codes, c => c.Reason.Code == "WERT_KEINE_ZAHL");
        Assert.Contains(codes, c => c.Reason.Code == "BLATT_FEHLT");
        Assert.Contains(codes, c => c.Reason.Code == "INDIKATOR_UNBEKANNT");
    }

    [Fact]
    public void Every_reason_code_of_the_product_has_a_row_in_docs_reason_codes()
    {
        var documented = DocumentedCodes();

        var missing = ProductReasonCodes().Where(c => !documented.Contains(c.Reason.Code)).Select(c => $"{c.Reason.Code} ({c.Owner})").ToList();

        Assert.True(missing.Count == 0, "docs/reason-codes.md hat keine Zeile für: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_code_is_one_stable_upper_snake_word_and_means_one_thing()
    {
        var codes = ProductReasonCodes();

        Assert.All(codes, c => Assert.Matches("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$", c.Reason.Code));
        Assert.Empty(codes.GroupBy(c => c.Reason.Code).Where(g => g.Select(c => c.Reason.Description).Distinct().Count() > 1).Select(g => g.Key));
    }

    // A table row whose first cell is the code in backticks: | `WERT_KEINE_ZAHL` | ...
    [GeneratedRegex(@"^\|\s*`(?<code>[A-Z0-9_]+)`\s*\|", RegexOptions.Multiline)]
    private static partial Regex TableCode();
}
