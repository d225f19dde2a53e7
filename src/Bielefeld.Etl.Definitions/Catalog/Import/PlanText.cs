namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>The plan document as text, cut into its parts but not yet interpreted.</summary>
/// <param name="Year">The plan year ("für das Jahr 2017").</param>
/// <param name="Title">The document's title.</param>
/// <param name="Contents">The measures the table of contents lists, in its order.</param>
/// <param name="Measures">The measures of the body, in plan order.</param>
public sealed record PlanText(int Year, string Title, IReadOnlyList<ContentsEntry> Contents, IReadOnlyList<MeasureText> Measures);

/// <summary>A measure line of the table of contents.</summary>
/// <param name="Code">The measure code.</param>
/// <param name="Title">The title as the contents give it.</param>
public sealed record ContentsEntry(string Code, string Title);

/// <summary>A measure of the body with where it stands in the plan's structure and its raw table cells.</summary>
/// <param name="Code">The measure code, e.g. <c>REGE-9</c>.</param>
/// <param name="Title">The title as the body gives it.</param>
public sealed record MeasureText(string Code, string Title)
{
    /// <summary>The Handlungsfeld heading above the measure.</summary>
    public string? PolicyArea { get; init; }

    /// <summary>The Zielgruppe heading (or "Strukturen und konzeptionelle Entwicklungen") above the measure.</summary>
    public string? TargetGroup { get; init; }

    /// <summary>The Schwerpunktthema, its continuation lines joined.</summary>
    public string? FocalTheme { get; init; }

    /// <summary>
    /// The text between the measure line and its table ("Ausgangslage / Problemanalyse"), paragraphs joined with a
    /// line break; it names the Quartier a measure is about where its targets only say "im Quartier" (540-11).
    /// </summary>
    public string ProblemAnalysis { get; init; } = "";

    /// <summary>The Leitsätze, one entry per principle.</summary>
    public IReadOnlyList<string> Principles { get; init; } = [];

    /// <summary>
    /// The raw table cells (HTML fragments as the export has them). A cell continued after a page break carries
    /// <see cref="CellText.PageBreak"/> where the continuation starts.
    /// </summary>
    public IReadOnlyDictionary<PlanRow, string> Cells { get; init; } = new Dictionary<PlanRow, string>();

    /// <summary>The raw text of a cell, or an empty string where the plan leaves it out.</summary>
    public string Cell(PlanRow row) => Cells.GetValueOrDefault(row, "");
}
