namespace Bielefeld.Etl.Warehouse;

public abstract partial class WarehouseProvider
{
    /// <summary>
    /// The files behind every figure of <paramref name="areaCode"/> that has any (<c>dwh.herkunft</c>): per indicator,
    /// month and file its Datenstand, load time and the stewards' decisions; what the report's provenance section names
    /// for each indicator's latest figure. Sorted by indicator, month and file.
    /// </summary>
    public async Task<IReadOnlyList<ProvenanceRow>> AreaProvenanceAsync(string areaCode, CancellationToken cancellationToken)
    {
        var rows = await QueryProvenanceAsync("bereich_code = @areaCode AND datei_id IS NOT NULL", new { areaCode }, cancellationToken);
        return [.. rows.OrderBy(r => r.IndikatorCode, StringComparer.Ordinal).ThenBy(r => r.Monat, StringComparer.Ordinal).ThenBy(r => r.DateiId)];
    }
}
