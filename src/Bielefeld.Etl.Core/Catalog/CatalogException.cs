namespace Bielefeld.Etl.Catalog;

/// <summary>The catalog is inconsistent; every problem found is listed, not just the first (one problem: one line, for the night's log).</summary>
public sealed class CatalogException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public CatalogException(IReadOnlyList<string> problems)
        : base(problems.Count == 1
            ? "Der Plankatalog ist fehlerhaft: " + problems[0]
            : "Der Plankatalog ist fehlerhaft:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    /// <summary>Every problem, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
