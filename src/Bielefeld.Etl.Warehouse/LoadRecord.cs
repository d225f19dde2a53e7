namespace Bielefeld.Etl.Warehouse;

/// <summary>One row of the load protocol (<c>rpt.ladeprotokoll</c>), as <c>status</c> lists it.</summary>
public sealed record LoadRecord(
    long DateiId,
    string Datei,
    string Quelle,
    string Status,
    int ZeilenGelesen,
    int ZeilenGeladen,
    int ZeilenAbgewiesen,
    int ZeilenUebersprungen,
    string GestartetUm,
    string? BeendetUm,
    string? Meldung);
