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
        _ => "n/a",
    };
}
