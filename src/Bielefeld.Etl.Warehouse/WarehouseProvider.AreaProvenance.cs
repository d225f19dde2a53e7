using Dapper;

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
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredProvenance>(new CommandDefinition(Sql.AreaProvenance, new { areaCode }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.Typed(Values)).OrderBy(r => r.IndikatorCode, StringComparer.Ordinal).ThenBy(r => r.Monat).ThenBy(r => r.DateiId)];
    }
}
