namespace Bielefeld.Etl.Warehouse;

/// <summary>One row of the load protocol (<c>rpt.ladeprotokoll</c>), as <c>status</c> lists it.</summary>
public sealed record LoadRecord(
    long DateiId,
    string Datei,
    string Quelle,
    string Status,
    long ZeilenGelesen,
    long ZeilenGeladen,
    long ZeilenAbgewiesen,
    long ZeilenUebersprungen,
    DateTimeOffset GestartetUm,
    DateTimeOffset? BeendetUm,
    string? Meldung);
