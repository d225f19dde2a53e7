namespace Bielefeld.Etl.Sources.Meldebogen;

// The `meldebogen:` section of pipelines/meldebogen.yml.

/// <summary>How Meldebogen files are read and which indicators they may not report.</summary>
public sealed class MeldebogenOptions
{
    /// <summary>The sheet of an Excel Meldebogen that holds the reports; other sheets (Hinweise) are ignored.</summary>
    public string Sheet { get; set; } = MeldebogenColumns.SheetName;

    /// <summary>Other names of the sheet a delivery may use (<c>sheet_aliases</c>); read only when <see cref="Sheet"/> is missing, and noted.</summary>
    public List<string> SheetAliases { get; set; } = [];

    /// <summary>
    /// Indicators a system extract delivers (KAF, BA, REKOM, ...): left out of generated templates, and a manual report
    /// for them is rejected, because the two would add up as separate series and count twice.
    /// </summary>
    public List<string> Systemquellen { get; set; } = [];
}
