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
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>The statuses by indicator and area from <paramref name="path"/>; empty when there is none yet.</summary>
    /// <remarks>Read from the stream: at 10 M observations the file holds 166,680 statuses (7 MB), as text 14 MB more.</remarks>
    public static Dictionary<string, string> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
    }

    /// <summary>The latest status of every indicator and area, keyed "indicator|area"; of two rows of one key the later.</summary>
    public static Dictionary<string, string> Of(IEnumerable<AttainmentRow> latest)
    {
        // One entry per key as the rows come, not a group per key first (166,680 groups at 10 M observations).
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in latest)
        {
            statuses[Key(row.IndikatorCode, row.Bereich)] = row.Status.ToReportName();
        }

        return statuses;
    }

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>; nothing when there was no earlier summary.</summary>
    public static IReadOnlyList<StatusChange> Compare(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Count == 0
            ? []
            : after.Where(a => before.TryGetValue(a.Key, out var was) ? was != a.Value : true)
                .Select(a => (Parts: a.Key.Split('|', 2), Now: a.Value, Was: before.GetValueOrDefault(a.Key, "neu")))
                .Select(c => new StatusChange(c.Parts[0], c.Parts[1], c.Was, c.Now))
                .OrderBy(c => c.Indicator, StringComparer.Ordinal).ThenBy(c => c.Area, StringComparer.Ordinal)
                .ToList();

    /// <summary>Stores <paramref name="statuses"/> for the next summary, in key order.</summary>
    /// <remarks>Written into the file as they are serialised, with what <see cref="JsonSerializer"/> writes (indented, its
    /// default escaping): neither a sorted copy of the dictionary nor the text as one string.</remarks>
    public static void Write(string path, IReadOnlyDictionary<string, string> statuses)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, Indented);
        json.WriteStartObject();
        foreach (var key in statuses.Keys.Order(StringComparer.Ordinal))
        {
            json.WriteString(key, statuses[key]);
        }

        json.WriteEndObject();
    }

    private static string Key(string indicator, string area) => indicator + "|" + area;
}
