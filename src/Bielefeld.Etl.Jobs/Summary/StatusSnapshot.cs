using System.Text.Json;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs.Summary;

/// <summary>
/// The statuses the last summary reported, kept as a small JSON file beside the summaries, so that the next summary
/// can say what changed. A missing file means "first summary": nothing is reported as changed.
/// </summary>
public static class StatusSnapshot
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The statuses by indicator and area from <paramref name="path"/>; empty when there is none yet.</summary>
    public static Dictionary<string, string> Read(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];

    /// <summary>The latest status of every indicator and area, keyed "indicator|area".</summary>
    public static Dictionary<string, string> Of(IEnumerable<AttainmentRow> latest) =>
        latest.GroupBy(r => Key(r.IndikatorCode, r.Bereich), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Status.ToReportName(), StringComparer.Ordinal);

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>; nothing when there was no earlier summary.</summary>
    public static IReadOnlyList<StatusChange> Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Count == 0
            ? []
            : after.Where(a => before.TryGetValue(a.Key, out var was) ? was != a.Value : true)
                .Select(a => (Parts: a.Key.Split('|', 2), Now: a.Value, Was: before.GetValueOrDefault(a.Key, "neu")))
                .Select(c => new StatusChange(c.Parts[0], c.Parts[1], c.Was, c.Now))
                .OrderBy(c => c.Indicator, StringComparer.Ordinal).ThenBy(c => c.Area, StringComparer.Ordinal)
                .ToList();

    /// <summary>Stores <paramref name="statuses"/> for the next summary.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, string> statuses) =>
        File.WriteAllText(path, JsonSerializer.Serialize(statuses.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(), Indented));

    private static string Key(string indicator, string area) => indicator + "|" + area;
}
