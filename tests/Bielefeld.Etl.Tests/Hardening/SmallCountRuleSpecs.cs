using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// What a small count is (more than 0 and fewer than 3 persons) is written once per dialect, in the view
/// <c>geheimhaltung_schwelle</c> (docs/data-dictionary.md, "Small counts"); the views that test a count join it and
/// compare with its columns. A view stating the bounds itself again is how the rule drifted before (migration 0007
/// dropped it from one redefinition of <c>rpt.zielerreichung</c>), so the view files are scanned for a restatement.
/// </summary>
public sealed partial class SmallCountRuleSpecs
{
    private const string Home = "geheimhaltung_schwelle.sql";

    public static TheoryData<string> Dialects() => [.. DialectFolders()];

    [Fact]
    public void The_three_dialects_are_scanned()
    {
        Assert.Equal(["postgresql", "sqlite", "sqlserver"], DialectFolders());
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public void Only_the_rules_home_states_the_small_count_bounds_and_the_views_testing_counts_join_it(string dialect)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "sql", dialect, "views"), "*.sql")
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Text: File.ReadAllText(f)))
            .ToList();

        var home = Assert.Single(files, f => f.Name.EndsWith(Home, StringComparison.Ordinal));
        Assert.Contains("SELECT 0 AS niemand, 3 AS gezeigt_ab;", home.Text, StringComparison.Ordinal);
        var others = files.Where(f => f != home).ToList();
        Assert.Empty(others.SelectMany(f => Restatements(f.Text).Select(line => $"{f.Name}: {line}")));
        Assert.Equal(
            ["geheimhaltung_regel", "rpt_beobachtung_historie", "rpt_zielerreichung"],
            others.Where(f => f.Text.Contains("geheimhaltung_schwelle s", StringComparison.Ordinal))
                .Select(f => ViewOfFile().Match(f.Name).Groups["view"].Value)
                .Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("AND l.istwert > 0 AND l.istwert < 3 THEN 1")] // rpt_zielerreichung before the rule had its home
    [InlineData("WHERE x <= 2")]
    [InlineData("WHERE x >= 3")]
    [InlineData("WHERE 3 > x")]
    [InlineData("WHERE x = 1 OR x = 2")]
    [InlineData("WHERE x IN (1, 2)")]
    [InlineData("WHERE x BETWEEN 1 AND 2")]
    public void A_restated_bound_is_found(string sql)
    {
        Assert.NotEmpty(Restatements(sql));
    }

    [Theory]
    [InlineData("AND l.istwert > s.niemand AND l.istwert < s.gezeigt_ab THEN 1")]
    [InlineData("WHEN length(a.rohwert) <= 10 AND trim(a.rohwert, '0123456789') = '' THEN NULL")]
    [InlineData("CASE WHEN geheim = 1 THEN 'geheim' END")]
    [InlineData("-- hidden while the hidden sum is < 3")]
    public void Other_comparisons_and_comments_are_no_restatement(string sql)
    {
        Assert.Empty(Restatements(sql));
    }

    /// <summary>Every dialect with views, so that a new provider's folder is held to the rule without a new entry here.</summary>
    private static List<string> DialectFolders() =>
        [.. Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "sql"))
            .Where(d => Directory.Exists(Path.Combine(d, "views")))
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal)];

    /// <summary>The lines of <paramref name="sql"/> (comments removed) that compare with a bound of a small count.</summary>
    private static IEnumerable<string> Restatements(string sql) =>
        sql.Split('\n')
            .Select(line => line.Split("--")[0])
            .Where(code => Bound().IsMatch(code))
            .Select(code => code.Trim());

    // x < 3, x <= 2, x >= 3, x = 2 and the reverse (3 > x); IN (1, 2); BETWEEN 1 AND 2. Not 10, 2.5 or '2'.
    [GeneratedRegex(@"(?:[<>]=?|=)\s*[23](?![\w.'])|(?<![\w.'])[23]\s*(?:[<>]=?|=)|\bIN\s*\(\s*1\s*,\s*2\s*\)|\bBETWEEN\s+[01]\s+AND\s+[23]\b", RegexOptions.IgnoreCase)]
    private static partial Regex Bound();

    [GeneratedRegex(@"^\d+_(?:dwh_)?(?<view>\w+)\.sql$")]
    private static partial Regex ViewOfFile();
}
