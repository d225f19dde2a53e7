namespace Bielefeld.Etl.Warehouse;

/// <summary>One row of <c>rpt.zielerreichung</c>.</summary>
public sealed record AttainmentRow(
    string IndikatorCode,
    string MassnahmeCode,
    string Monat,
    string Bereich,
    double? Istwert,
    double? Zielwert,
    double? Zielpfad,
    double? Zielerreichungsgrad,
    string Status);
