namespace Bielefeld.Etl.Attainment;

/// <summary>The traffic light of an indicator in a month.</summary>
public enum AttainmentStatus
{
    /// <summary>On or above the path.</summary>
    Green,

    /// <summary>Somewhat behind the path.</summary>
    Amber,

    /// <summary>Clearly behind the path.</summary>
    Red,

    /// <summary>Nothing delivered for that month (not the same as 0).</summary>
    NoData,

    /// <summary>No measurable target: actuals are shown, but there is nothing to attain.</summary>
    NotApplicable,

    /// <summary>A milestone whose deadline has passed without it being done.</summary>
    Overdue,

    /// <summary>
    /// Withheld by the small-count privacy rule (<c>geheim</c>): only the reporting views report it, the calculator
    /// never computes it, because its thresholds would bound a hidden actual.
    /// </summary>
    Confidential,
}

/// <summary>The names the reporting views use for a status.</summary>
public static class AttainmentStatusNames
{
    /// <summary>The lowercase German token shown in <c>rpt.zielerreichung.status</c>.</summary>
    public static string ToReportName(this AttainmentStatus status) => status switch
    {
        AttainmentStatus.Green => "gruen",
        AttainmentStatus.Amber => "gelb",
        AttainmentStatus.Red => "rot",
        AttainmentStatus.NoData => "keine_daten",
        AttainmentStatus.Overdue => "ueberfaellig",
        AttainmentStatus.NotApplicable => "n/a",
        AttainmentStatus.Confidential => "geheim",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Diesen Status gibt es nicht."),
    };

    /// <summary>
    /// The status a reporting view names with <paramref name="reportName"/>, exactly as <see cref="ToReportName"/>
    /// writes it; any other word is a view out of step with the code and refused, not guessed.
    /// </summary>
    public static AttainmentStatus FromReportName(string reportName) => reportName switch
    {
        "gruen" => AttainmentStatus.Green,
        "gelb" => AttainmentStatus.Amber,
        "rot" => AttainmentStatus.Red,
        "keine_daten" => AttainmentStatus.NoData,
        "ueberfaellig" => AttainmentStatus.Overdue,
        "n/a" => AttainmentStatus.NotApplicable,
        "geheim" => AttainmentStatus.Confidential,
        _ => throw new FormatException(
            $"Den Status '{reportName}' kennt die Zielerreichung nicht (gruen, gelb, rot, keine_daten, ueberfaellig, n/a, geheim)."),
    };
}
