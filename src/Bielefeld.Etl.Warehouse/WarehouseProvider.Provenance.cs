using Dapper;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class WarehouseProvider
{
    /// <summary>The provider's name of the provenance view (<c>dwh_herkunft</c> on SQLite, <c>dwh.herkunft</c> on servers).</summary>
    protected abstract string ProvenanceView { get; }

    // Dates as text in every dialect, so one statement serves all providers; sorted by the caller, not in a dialect.
    private async Task<IEnumerable<ProvenanceRow>> QueryProvenanceAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.QueryAsync<ProvenanceRow>(new CommandDefinition(
            $"""
            SELECT indikator_code AS IndikatorCode, CAST(monat AS varchar(10)) AS Monat, bereich_code AS BereichCode, zielbereich_code AS ZielbereichCode,
                   vergleich AS Vergleich, zielwert_text AS ZielwertText, stichtag_herkunft AS StichtagHerkunft, basis_herkunft AS BasisHerkunft,
                   datei_id AS DateiId, quelle AS Quelle, datei AS Datei, CAST(datenstand AS varchar(10)) AS Datenstand, CAST(geladen_um AS varchar(40)) AS GeladenUm,
                   werte AS Werte, entscheidungen AS Entscheidungen, entscheidungen_text AS EntscheidungenText
            FROM {ProvenanceView} WHERE {where}
            """,
            parameters, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Where every figure of <paramref name="indicator"/> comes from (<c>dwh.herkunft</c>): the plan sentence of its target,
    /// and per file its Datenstand, load time and the stewards' decisions, by area and month.
    /// </summary>
    public async Task<IReadOnlyList<ProvenanceRow>> ProvenanceAsync(string indicator, CancellationToken cancellationToken)
    {
        var rows = await QueryProvenanceAsync("indikator_code = @indicator", new { indicator }, cancellationToken);
        return [.. rows.OrderBy(r => r.BereichCode, StringComparer.Ordinal).ThenBy(r => r.Monat, StringComparer.Ordinal).ThenBy(r => r.DateiId)];
    }
}

/// <summary>One row of <c>dwh.herkunft</c>: a figure and one file it was computed from.</summary>
public sealed class ProvenanceRow
{
    /// <summary>The indicator.</summary>
    public string IndikatorCode { get; init; } = "";

    /// <summary>The month (ISO date).</summary>
    public string Monat { get; init; } = "";

    /// <summary>The area.</summary>
    public string BereichCode { get; init; } = "";

    /// <summary>The area whose target it is measured against.</summary>
    public string? ZielbereichCode { get; init; }

    /// <summary>The comparator.</summary>
    public string? Vergleich { get; init; }

    /// <summary>The plan sentence the target came from.</summary>
    public string? ZielwertText { get; init; }

    /// <summary>plan or angenommen.</summary>
    public string? StichtagHerkunft { get; init; }

    /// <summary>plan or angenommen.</summary>
    public string? BasisHerkunft { get; init; }

    /// <summary>The file, if any value was delivered.</summary>
    public long? DateiId { get; init; }

    /// <summary>The file's source.</summary>
    public string? Quelle { get; init; }

    /// <summary>The file name.</summary>
    public string? Datei { get; init; }

    /// <summary>The latest Datenstand of the file's values in the figure.</summary>
    public string? Datenstand { get; init; }

    /// <summary>When the file's load finished.</summary>
    public string? GeladenUm { get; init; }

    /// <summary>How many of the file's current values the figure uses.</summary>
    public long? Werte { get; init; }

    /// <summary>How many steward decisions the file's rejected rows have.</summary>
    public long? Entscheidungen { get; init; }

    /// <summary>The decisions as text.</summary>
    public string? EntscheidungenText { get; init; }
}
