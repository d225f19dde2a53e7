using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// The files behind the figures of one area as known at a moment (<c>report --as-of</c>): the rule of <c>dwh.herkunft</c>
/// applied to the values current at that moment instead of today's. A figure depends on its indicator's values in its
/// area (a set of areas: in its members) from the start of its target's period up to its month; a stock's or a published
/// rate's on its month alone. Per file: how many of those values, their latest Datenstand, when the file was loaded, and
/// the stewards' decisions on the file's rejected rows made by then.
/// </summary>
internal sealed class FigureFiles(string areaCode, IReadOnlyList<ObservationVersion> known, IReadOnlyList<StewardDecision> decisions)
{
    private readonly ILookup<string, ObservationVersion> _byIndicator = known.ToLookup(v => v.IndicatorCode, StringComparer.Ordinal);
    private readonly ILookup<(string Source, string File), StewardDecision> _decisions = decisions.ToLookup(d => (d.Source, d.FileName));
    private readonly List<ProvenanceRow> _rows = [];

    /// <summary>The rows so far, by indicator, month and file.</summary>
    public IReadOnlyList<ProvenanceRow> Rows =>
        [.. _rows.OrderBy(r => r.IndikatorCode, StringComparer.Ordinal).ThenBy(r => r.Monat).ThenBy(r => r.DateiId)];

    /// <summary>Adds the files of <paramref name="indicator"/>'s figure of <paramref name="month"/>, measured against <paramref name="version"/>.</summary>
    public void Add(Indicator indicator, DateOnly month, TargetVersion? version, Target? today)
    {
        var from = version?.FirstMonth ?? new DateOnly(month.Year, 1, 1);
        var monthAlone = indicator.Kind is IndicatorKind.Stock or IndicatorKind.PublishedRate;
        var semantics = today is null ? null : TargetSemantics.Of(indicator, today);
        foreach (var file in _byIndicator[indicator.Code]
            .Where(v => v.Month <= month && v.Month >= from && (!monthAlone || v.Month == month))
            .GroupBy(v => v.FileId))
        {
            var first = file.First();
            var decided = _decisions[(first.Source, first.FileName)].ToList();
            _rows.Add(new ProvenanceRow
            {
                IndikatorCode = indicator.Code,
                Monat = month,
                BereichCode = areaCode,
                ZielbereichCode = version?.AreaCode ?? areaCode,
                Vergleich = version?.Comparator,
                ZielwertText = version?.Wording,
                StichtagHerkunft = semantics?.DeadlineOrigin,
                BasisHerkunft = semantics?.BaselineOrigin,
                DateiId = file.Key,
                Quelle = first.Source,
                Datei = first.FileName,
                Datenstand = file.Max(v => v.Datenstand),
                GeladenUm = first.LoadedAt,
                Werte = file.Count(),
                Entscheidungen = decided.Count,
                EntscheidungenText = decided.Count == 0 ? null : string.Join("; ", decided.Select(d => d.Text)),
            });
        }
    }
}
