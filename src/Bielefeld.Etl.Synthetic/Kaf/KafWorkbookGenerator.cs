using System.Globalization;

namespace Bielefeld.Etl.Synthetic.Kaf;

/// <summary>
/// Synthetic KAF-Projektcontrolling workbooks (contract <c>kaf.md</c>) at scale. The contract fixes a workbook's size
/// (one project and year, each Kennzahl once), so KAF scales by workbooks: <c>KAF_&lt;project&gt;_&lt;yyyy&gt;.xlsx</c> for
/// the nine projects of pipelines/kaf.yml, 2017 first, then earlier years back to <see cref="OldestYear"/>; each with the Kennzahlen that feed the
/// project's indicators (3 or 4 rows), twelve months filled, the Summe formula, an empty row and two remarks.
/// Rows counts Kennzahl rows. Every <c>badEvery</c>-th Kennzahl row is broken in turn: a typed-over Summe that does not
/// add up (<c>SUMME_ABWEICHEND</c>), a month cell <c>n.v.</c> (not a number); the reader rejects exactly those.
/// Each workbook is small, so it is built in memory and written at once; memory stays flat over any number of them.
/// The writer fixes every time stamp in the archive, so the same seed writes the same bytes.
/// </summary>
public sealed class KafWorkbookGenerator : IExtractGenerator
{
    /// <summary>The oldest controlling year written; it bounds <see cref="MaxRows"/>.</summary>
    public const int OldestYear = 1000;

    /// <summary>Skipped rows per workbook: title block and header (6), the empty row, two remarks.</summary>
    public const int SkippedPerWorkbook = 9;

    private const string Placements = "Vermittlungen in sv-pflichtige Beschäftigung";
    private const string Coaching = "Teilnehmende in Coachingprozessen";
    private const string Subset = "darunter aus Stadtumbaugebieten";

    private static readonly (string Code, string Name, string? Own)[] Projects =
    [
        ("THEO", "Bildungslotsin Theodora", null),
        ("INTL", "Arbeit für Flüchtlinge (Integrationslotsen)", "Teilnehmende an Arbeits- und Beschäftigungsmöglichkeiten"),
        ("AGH-GED", "Kommunale Arbeitsgelegenheiten für Geduldete", "Teilnehmende an Arbeits- und Beschäftigungsmöglichkeiten"),
        ("FIM", "Flüchtlingsintegrationsmaßnahmen", "Teilnehmende an Arbeits- und Beschäftigungsmöglichkeiten"),
        ("PRAKT", "betriebliche Praktika", "Teilnehmende an Arbeits- und Beschäftigungsmöglichkeiten"),
        ("SPRACH", "kommunale Einstiegs- und Sondersprachkurse", "Teilnehmende an Sprachkursen"),
        ("BASIS", "Basissprachkurse des Landes", "Teilnehmende an Sprachkursen"),
        ("ERNAEHR", "Ernährungsbildung für Bielefelder Kinder", "Erreichte Kinder und Eltern"),
        ("COACH", "Coaching langzeitarbeitsloser Menschen", null),
    ];

    /// <summary>Creates a generator.</summary>
    /// <param name="rows">Kennzahl rows over all workbooks, at most <see cref="MaxRows"/>.</param>
    /// <param name="seed">The same seed writes the same bytes.</param>
    /// <param name="badEvery">Every this-many-th Kennzahl row is deliberately broken; 0 for none.</param>
    public KafWorkbookGenerator(long rows, int seed, int badEvery = BadRows.DefaultEvery)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxRows);
        ArgumentOutOfRangeException.ThrowIfNegative(badEvery);
        Rows = rows;
        Seed = seed;
        BadEvery = badEvery;
    }

    /// <summary>Kennzahl rows of all projects from 2017 back to <see cref="OldestYear"/>: one workbook per project and year.</summary>
    public static long MaxRows { get; } = (2017 - OldestYear + 1) * (long)Projects.Sum(p => Labels(p.Own).Count);

    /// <inheritdoc />
    public string Source => "kaf";

    /// <inheritdoc />
    public string Inbox => "kaf";

    /// <inheritdoc />
    public long Rows { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>Every this-many-th Kennzahl row is bad.</summary>
    public int BadEvery { get; }

    /// <inheritdoc />
    public IReadOnlyList<GeneratedFile> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(Seed);
        var files = new List<GeneratedFile>();
        long first = 0;
        for (var w = 0; first < Rows; w++)
        {
            var (code, name, own) = Projects[w % Projects.Length];
            var year = 2017 - (w / Projects.Length);
            var labels = Labels(own);
            var count = (int)Math.Min(labels.Count, Rows - first);
            var rows = new List<KafRow>(count);
            decimal?[]? parent = null;
            for (var k = 0; k < count; k++)
            {
                var months = new decimal?[12];
                for (var m = 0; m < 12; m++)
                {
                    months[m] = labels[k] == Subset && parent is not null ? random.Next((int)parent[m]!.Value + 1)
                        : labels[k] == Placements ? random.Next(9) : random.Next(41);
                }

                if (labels[k] != Subset)
                {
                    parent = months;
                }

                var row = new KafRow(labels[k], months);
                var index = first + k;
                if (BadRows.IsBad(index, BadEvery))
                {
                    row = (index + 1) / BadEvery % 2 == 1
                        ? row with { SumOverride = months.Sum() + 1 }
                        : row with { TextCells = new Dictionary<int, string> { [3] = "n.v." } };
                }

                rows.Add(row);
            }

            var workbook = new KafWorkbook(code, name, year, rows)
            {
                Remarks = [string.Create(CultureInfo.InvariantCulture, $"Stand: 31.12.{year:D4}"), "Bearbeitet von: Synthetik (bench generate)"],
                WithNotesSheet = false,
            };
            var path = Path.Combine(directory, KafWorkbookWriter.FileName(code, year));
            KafWorkbookWriter.Write(workbook, path);
            var bad = BadRows.Count(first, count, BadEvery);
            files.Add(new GeneratedFile(path, new FileInfo(path).Length, count,
                new ExpectedCounts(count + SkippedPerWorkbook, count - bad, bad, SkippedPerWorkbook)));
            first += count;
        }

        return files;
    }

    private static List<string> Labels(string? own) => own is null ? [Placements, Coaching, Subset] : [Placements, Coaching, Subset, own];
}
