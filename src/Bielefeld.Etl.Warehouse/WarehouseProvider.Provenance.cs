using Dapper;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class WarehouseProvider
{
    /// <summary>
    /// Where every figure of <paramref name="indicator"/> comes from (<c>dwh.herkunft</c>): the plan sentence of its target,
    /// and per file its Datenstand, load time and the stewards' decisions, by area and month.
    /// </summary>
    public async Task<IReadOnlyList<ProvenanceRow>> ProvenanceAsync(string indicator, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Sorted here, not in a dialect.
        var rows = await connection.QueryAsync<StoredProvenance>(new CommandDefinition(
            Sql.Provenance,
            new { indicator }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.Typed(Values)).OrderBy(r => r.BereichCode, StringComparer.Ordinal).ThenBy(r => r.Monat).ThenBy(r => r.DateiId)];
    }

    /// <summary>
    /// A row of <c>dwh.herkunft</c> as the driver gives it, typed by the dialect's <see cref="StoredValues"/>; read once
    /// here for every dialect.
    /// </summary>
    private protected sealed class StoredProvenance
    {
        public string IndikatorCode { get; init; } = "";

        public object Monat { get; init; } = "";

        public string BereichCode { get; init; } = "";

        public string? ZielbereichCode { get; init; }

        public string? Vergleich { get; init; }

        public string? ZielwertText { get; init; }

        public string? StichtagHerkunft { get; init; }

        public string? BasisHerkunft { get; init; }

        public long? DateiId { get; init; }

        public string? Quelle { get; init; }

        public string? Datei { get; init; }

        public object? Datenstand { get; init; }

        public object? GeladenUm { get; init; }

        public long? Werte { get; init; }

        public long? Entscheidungen { get; init; }

        public string? EntscheidungenText { get; init; }

        public ProvenanceRow Typed(StoredValues values) => new()
        {
            IndikatorCode = IndikatorCode, Monat = values.ReadDay(Monat), BereichCode = BereichCode, ZielbereichCode = ZielbereichCode,
            Vergleich = Vergleich, ZielwertText = ZielwertText, StichtagHerkunft = StichtagHerkunft, BasisHerkunft = BasisHerkunft,
            DateiId = DateiId, Quelle = Quelle, Datei = Datei, Datenstand = values.ReadDayOrNull(Datenstand),
            GeladenUm = values.ReadInstantOrNull(GeladenUm), Werte = Werte, Entscheidungen = Entscheidungen,
            EntscheidungenText = EntscheidungenText,
        };
    }
}

/// <summary>One row of <c>dwh.herkunft</c>: a figure and one file it was computed from.</summary>
public sealed class ProvenanceRow
{
    /// <summary>The indicator.</summary>
    public string IndikatorCode { get; init; } = "";

    /// <summary>The month.</summary>
    public DateOnly Monat { get; init; }

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
    public DateOnly? Datenstand { get; init; }

    /// <summary>When the file's load finished.</summary>
    public DateTimeOffset? GeladenUm { get; init; }

    /// <summary>How many of the file's current values the figure uses.</summary>
    public long? Werte { get; init; }

    /// <summary>How many steward decisions the file's rejected rows have.</summary>
    public long? Entscheidungen { get; init; }

    /// <summary>The decisions as text.</summary>
    public string? EntscheidungenText { get; init; }
}
