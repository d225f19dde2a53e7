using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>
/// Cuts the text export of the plan document into its table of contents and its measures: the headings above each
/// measure (Handlungsfeld, Zielgruppe, Schwerpunktthema, Leitsatz), the measure line "Maßnahme: Titel (CODE)" and the
/// measure's table rows. Interprets nothing; see <see cref="CatalogImporter"/> for that.
/// </summary>
/// <remarks>
/// A table row is a line "Label&lt;TAB&gt;cell". Lines inside a table that start no new row continue the previous
/// cell: a line starting with a TAB (the cell continued after a page break), a line whose part before the TAB is the
/// rest of a split label ("Beteiligte, Organisation, Verantwortliche"), or a plain line. After the Aufwand row, a plain
/// line ends the table (annexes such as the "Sensibilisierung 2017" list of 540-10 are not table rows).
/// </remarks>
public static partial class PlanDocumentParser
{
    private const string StructuresHeading = "Strukturen und konzeptionelle Entwicklungen";
    private const string SplitLabel = "Beteiligte, Organisation, Verantwortliche";

    private static readonly (string Label, PlanRow Row)[] RowLabels =
    [
        ("Zielsetzung", PlanRow.Zielsetzung),
        ("Maßnahme(n) zur Zielerreichung", PlanRow.Massnahmen),
        ("Umsetzungsschritte Beteiligte, Organisation, Verantwortliche", PlanRow.Umsetzungsschritte),
        ("Umsetzungsschritte", PlanRow.Umsetzungsschritte),
        ("Indikator", PlanRow.Indikator),
        ("Zielwert", PlanRow.Zielwert),
        ("Datenquellen", PlanRow.Datenquellen),
        ("Aufwand", PlanRow.Aufwand),
    ];

    /// <summary>Parses the whole document.</summary>
    /// <exception cref="FormatException">The text has no table of contents or no year.</exception>
    public static PlanText Parse(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var contentsStart = Array.FindIndex(lines, l => l.Trim() == "Inhaltsverzeichnis");
        if (contentsStart < 0)
        {
            throw new FormatException("Der Plantext hat kein Inhaltsverzeichnis.");
        }

        var contents = new List<ContentsEntry>();
        var policyAreas = new HashSet<string>(StringComparer.Ordinal);
        var targetGroups = new HashSet<string>(StringComparer.Ordinal) { StructuresHeading };
        var bodyStart = ReadContents(lines, contentsStart + 1, contents, policyAreas, targetGroups);
        var reader = new BodyReader(policyAreas, targetGroups);
        for (var i = bodyStart; i < lines.Length; i++)
        {
            reader.Read(lines[i]);
        }

        return new PlanText(ReadYear(text), ReadTitle(lines, contentsStart), contents, reader.Finish());
    }

    private static int ReadContents(string[] lines, int start, List<ContentsEntry> contents, HashSet<string> policyAreas, HashSet<string> targetGroups)
    {
        var i = start;
        for (; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim() == "Einleitung" && !line.Contains('\t', StringComparison.Ordinal))
            {
                break;
            }

            var tab = line.LastIndexOf('\t');
            if (tab < 0)
            {
                continue;
            }

            var label = line[..tab].TrimEnd().TrimEnd('.').TrimEnd();
            if (MeasureLine().Match(label) is { Success: true } m)
            {
                contents.Add(new ContentsEntry(m.Groups["code"].Value, CleanTitle(m.Groups["title"].Value)));
            }
            else if (label == "Einleitung")
            {
                continue;
            }
            else if (label.StartsWith("Zielgruppe", StringComparison.Ordinal) || label == StructuresHeading)
            {
                targetGroups.Add(label);
            }
            else
            {
                policyAreas.Add(label);
            }
        }

        return i;
    }

    private static int ReadYear(string text) =>
        YearLine().Match(text) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FormatException("Der Plantext nennt kein Planjahr (\"für das Jahr JJJJ\").");

    private static string ReadTitle(string[] lines, int contentsStart)
    {
        var head = lines.Take(contentsStart).Select(l => l.Trim().Trim('*').Trim()).Where(l => l.Length > 0).ToList();
        var title = head.FirstOrDefault(l => l.StartsWith("Ziele und Maßnahmen", StringComparison.Ordinal)) ?? "Ziele und Maßnahmen";
        var subtitle = string.Join(" ", head.SkipWhile(l => l != title).Skip(1)).Trim('-', ' ');
        return subtitle.Length > 0 ? $"{title} – {subtitle}" : title;
    }

    /// <summary>A measure title without the trailing full stop the plan sometimes sets.</summary>
    internal static string CleanTitle(string title) => CellText.Normalize(title).TrimEnd('.').TrimEnd();

    private static (PlanRow Row, string Cell)? RowOf(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab <= 0)
        {
            return null;
        }

        var label = line[..tab].Trim().TrimEnd(':').Trim();
        foreach (var (text, row) in RowLabels)
        {
            if (label == text)
            {
                return (row, line[(tab + 1)..]);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^Maßnahme:\s*(?<title>.*?)\s*\((?<code>(?:REGE|Jobcenter|\d{3})-\d+)\)\s*$")]
    private static partial Regex MeasureLine();

    [GeneratedRegex(@"für das Jahr (\d{4})")]
    private static partial Regex YearLine();

    [GeneratedRegex(@"^Schwerpunktthema:\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ThemeLine();

    [GeneratedRegex(@"^Leitsatz:\s*(.*)$")]
    private static partial Regex PrincipleLine();

    [GeneratedRegex(@"^-+\t-+$")]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"(?<=\.)\s+(?=Wir )")]
    private static partial Regex PrincipleBoundary();

    private enum Mode
    {
        None,
        Theme,
        Principle,
        Narrative,
        Table,
        Closed,
    }

    /// <summary>Reads the body line by line, keeping the headings in force and the measure being read.</summary>
    private sealed class BodyReader(HashSet<string> policyAreas, HashSet<string> targetGroups)
    {
        private readonly List<MeasureText> _measures = [];
        private readonly List<string> _theme = [];
        private readonly List<string> _principles = [];
        private readonly List<string> _narrative = [];
        private Mode _mode;
        private bool _started;
        private string? _policyArea;
        private string? _targetGroup;
        private MeasureText? _measure;
        private Dictionary<PlanRow, StringBuilder>? _cells;
        private PlanRow _row;

        public void Read(string raw)
        {
            var line = raw.TrimEnd('\r', ' ');
            var trimmed = line.Trim();
            var hasTab = line.Contains('\t', StringComparison.Ordinal);
            if (!hasTab && policyAreas.Contains(trimmed))
            {
                FinishMeasure();
                _started = true;
                _policyArea = trimmed;
                _targetGroup = null;
                _mode = Mode.None;
                return;
            }

            if (!_started)
            {
                return;
            }

            if (!hasTab && targetGroups.Contains(trimmed))
            {
                FinishMeasure();
                _targetGroup = trimmed;
                _mode = Mode.None;
                return;
            }

            if (ThemeLine().Match(trimmed) is { Success: true } theme)
            {
                FinishMeasure();
                _theme.Clear();
                _principles.Clear();
                _theme.Add(theme.Groups[1].Value.Trim());
                _mode = Mode.Theme;
                return;
            }

            if (PrincipleLine().Match(trimmed) is { Success: true } principle)
            {
                FinishMeasure();
                _principles.Clear();
                _principles.Add(principle.Groups[1].Value.Trim());
                _mode = Mode.Principle;
                return;
            }

            if (MeasureLine().Match(trimmed) is { Success: true } measure)
            {
                FinishMeasure();
                _measure = new MeasureText(measure.Groups["code"].Value, CleanTitle(measure.Groups["title"].Value))
                {
                    PolicyArea = _policyArea,
                    TargetGroup = _targetGroup,
                    FocalTheme = JoinTheme(_theme),
                    Principles = SplitPrinciples(_principles),
                };
                _cells = [];
                _narrative.Clear();
                _mode = Mode.Narrative;
                return;
            }

            switch (_mode)
            {
                case Mode.Theme when trimmed.Length > 0:
                    _theme.Add(trimmed);
                    break;
                case Mode.Principle when trimmed.Length > 0:
                    _principles.Add(trimmed);
                    break;
                case Mode.Narrative or Mode.Table:
                    ReadTableLine(line, trimmed);
                    break;
                default:
                    break;
            }
        }

        public List<MeasureText> Finish()
        {
            FinishMeasure();
            return _measures;
        }

        private void ReadTableLine(string line, string trimmed)
        {
            if (RowOf(line) is { } row)
            {
                _mode = Mode.Table;
                _row = row.Row;
                if (!_cells!.TryGetValue(row.Row, out var cell))
                {
                    _cells[row.Row] = new StringBuilder(row.Cell);
                }
                else
                {
                    cell.Append(CellText.PageBreak).Append(row.Cell);
                }

                return;
            }

            if (_mode == Mode.Narrative && trimmed.Length > 0)
            {
                _narrative.Add(trimmed);
                return;
            }

            if (_mode != Mode.Table || trimmed.Length == 0 || RuleLine().IsMatch(trimmed))
            {
                return;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (_row == PlanRow.Aufwand && !(tab == 0 && line.IndexOf('\t', 1) < 0))
            {
                _mode = Mode.Closed;
                return;
            }

            var fragment = tab < 0 ? "" : line[..tab].Trim();
            var continuation = tab < 0
                ? trimmed
                : fragment.Length == 0 || SplitLabel.Contains(fragment, StringComparison.Ordinal)
                    ? line[(tab + 1)..]
                    : fragment + " " + line[(tab + 1)..];
            _cells![_row].Append(CellText.PageBreak).Append(continuation);
        }

        private void FinishMeasure()
        {
            if (_measure is not null)
            {
                _measures.Add(_measure with
                {
                    Cells = _cells!.ToDictionary(c => c.Key, c => c.Value.ToString()),
                    ProblemAnalysis = string.Join("\n", _narrative),
                });
            }

            _measure = null;
            _cells = null;
            _mode = _mode is Mode.Narrative or Mode.Table or Mode.Closed ? Mode.None : _mode;
        }

        private static string? JoinTheme(List<string> lines)
        {
            if (lines.Count == 0)
            {
                return null;
            }

            var text = lines[0];
            var items = new List<string>();
            foreach (var line in lines.Skip(1))
            {
                if (line.StartsWith("- ", StringComparison.Ordinal))
                {
                    items.Add(line[2..].Trim());
                }
                else
                {
                    text += " " + line;
                }
            }

            if (items.Count > 0)
            {
                text += (text.EndsWith(':') ? " " : ": ") + string.Join("; ", items);
            }

            return CellText.Normalize(text);
        }

        private static List<string> SplitPrinciples(List<string> lines)
        {
            var joined = CellText.Normalize(string.Join(" ", lines.Select(l => l.TrimStart('-', ' '))));
            return PrincipleBoundary().Split(joined).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        }
    }
}
