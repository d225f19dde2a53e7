namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary><c>korrekturen.yml</c> beside the catalog: the reviewers' corrections, re-applied after every import.</summary>
public sealed class CorrectionsDocument
{
    /// <summary>The corrections in the order they are applied.</summary>
    public List<CatalogCorrection> Korrekturen { get; set; } = [];
}

/// <summary>
/// One reviewed change to what the importer reads from the plan text. It names the value the import gives
/// (<see cref="Alt"/>) so that a changed plan text makes the correction stale instead of silently overriding it.
/// </summary>
public sealed class CatalogCorrection
{
    /// <summary>A measure code (<c>REGE-3</c>) or an indicator code (<c>REGE-9.1</c>).</summary>
    public string Code { get; set; } = "";

    /// <summary>
    /// The key as it stands in the catalog file: for a measure e.g. <c>titel</c>, <c>aufwand.eur_pro_jahr</c>; for an
    /// indicator e.g. <c>art</c>, <c>eltern</c>; for its target <c>ziel.wert</c>, <c>ziel.vergleich</c>, ….
    /// </summary>
    public string Feld { get; set; } = "";

    /// <summary>For <c>ziel.*</c>: the area code of the target meant, where an indicator has several (else the first).</summary>
    public string? Bereich { get; set; }

    /// <summary>The value the import gives (empty for none).</summary>
    public string? Alt { get; set; }

    /// <summary>The value the catalog should hold (empty for none).</summary>
    public string? Neu { get; set; }

    /// <summary>Why: the reviewer's reason, kept for the next reviewer.</summary>
    public string Grund { get; set; } = "";

    /// <summary>Who decided it, and when.</summary>
    public string? Von { get; set; }
}
