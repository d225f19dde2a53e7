using Bielefeld.Etl.Attainment;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// One row of <c>rpt.zielerreichung</c>, typed as the domain knows it whatever the provider stores: the month as a day,
/// the figures as decimals, the status as the enum. Each provider converts at its read, nowhere else.
/// </summary>
public sealed record AttainmentRow(
    string IndikatorCode,
    string MassnahmeCode,
    DateOnly Monat,
    string Bereich,
    decimal? Istwert,
    decimal? Zielwert,
    decimal? Zielpfad,
    decimal? Zielerreichungsgrad,
    AttainmentStatus Status);
