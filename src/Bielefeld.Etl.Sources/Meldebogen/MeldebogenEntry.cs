namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>
/// One row of a Meldebogen as written to a file: the pre-filled columns of a template, and (for samples and tests)
/// what a steward typed. Values are text as typed; numbers in German format and dates as TT.MM.JJJJ are written as
/// number and date cells to Excel.
/// </summary>
public sealed record MeldebogenEntry(string Indikator, string Bezeichnung, string Einheit, string Periode, string? Bereich)
{
    /// <summary>Wert.</summary>
    public string? Wert { get; init; }

    /// <summary>Zaehler.</summary>
    public string? Zaehler { get; init; }

    /// <summary>Nenner.</summary>
    public string? Nenner { get; init; }

    /// <summary>Erledigt_am.</summary>
    public string? ErledigtAm { get; init; }

    /// <summary>Bewertung.</summary>
    public string? Bewertung { get; init; }

    /// <summary>Kommentar.</summary>
    public string? Kommentar { get; init; }

    /// <summary>Gemeldet_von.</summary>
    public string? GemeldetVon { get; init; }

    /// <summary>The cells in header order (<see cref="MeldebogenColumns.Header"/>).</summary>
    public IReadOnlyList<string?> Cells() =>
        [Indikator, Bezeichnung, Einheit, Periode, Bereich, Wert, Zaehler, Nenner, ErledigtAm, Bewertung, Kommentar, GemeldetVon];
}
