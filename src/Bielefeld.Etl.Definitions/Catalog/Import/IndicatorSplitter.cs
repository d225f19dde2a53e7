using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>
/// Cuts the Indikator cell into indicators and gives each the statement of the Zielwert cell that belongs to it.
/// </summary>
/// <remarks>
/// Indicators: the items of a numbered list ("1.", "2.", nested bullets belong to their item); else every bullet,
/// paragraph and sentence. "darunter X" is a part of the indicator before it; "A und darunter B" is two indicators;
/// "(Darunter-Wert von „X“)" names its parent. After a "nachrichtlich …:" lead-in the items are informational; a
/// remark "Berichterstattung zu den Fallzahlen nachrichtlich" is itself an informational indicator. An underlined
/// sub-heading prefixes the names of the items under it.
/// Targets: by "Zu n." where the plan numbers them; per underlined heading where one indicator has several parts
/// (Jobcenter-4); by position where there are as many statements (or sentences) as indicators; else each statement
/// goes to the indicator whose name shares the most words with it, and a single statement sharing no word with any
/// goes to all. A statement naming several figures that cannot be told apart leaves the cell ambiguous (a finding).
/// </remarks>
public static partial class IndicatorSplitter
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "anzahl", "anteil", "der", "die", "das", "und", "des", "den", "dem", "von", "mit", "nach", "eine", "einer", "eines",
        "sollen", "werden", "wird", "haben", "durch", "sowie", "innerhalb", "jahren", "rahmen",
    };

    /// <summary>Splits a measure's Indikator and Zielwert cells.</summary>
    public static IReadOnlyList<IndicatorDraft> Split(string code, string indicatorCell, string targetCell, ICollection<ImportFinding> findings)
    {
        var drafts = Indicators(CellText.Blocks(indicatorCell));
        var (statements, othersInformational) = Statements(CellText.Blocks(targetCell));
        return Assign(code, drafts, statements, othersInformational, targetCell, findings);
    }

    private static List<IndicatorDraft> Indicators(IReadOnlyList<CellBlock> blocks)
    {
        var drafts = new List<IndicatorDraft>();
        if (blocks.Any(b => b.Kind == CellBlockKind.Numbered))
        {
            foreach (var block in blocks)
            {
                if (block.Kind == CellBlockKind.Numbered)
                {
                    Add(drafts, block.Text, informational: false, prefix: null);
                }
                else if (drafts.Count > 0)
                {
                    drafts[^1] = drafts[^1] with { Name = drafts[^1].Name + " " + block.Text };
                }
            }

            return drafts.Select(d => d with { Name = CleanName(d.Name) }).ToList();
        }

        var informational = false;
        string? prefix = null;
        foreach (var block in blocks)
        {
            var mentionsInformational = block.Text.Contains("nachrichtlich", StringComparison.OrdinalIgnoreCase);
            if (block.Kind is CellBlockKind.Heading or CellBlockKind.Note && mentionsInformational)
            {
                if (block.Text.TrimEnd().EndsWith(':'))
                {
                    informational = true;
                }
                else
                {
                    drafts.Add(new IndicatorDraft(InformationalName(block.Text, prefix)) { Informational = true });
                }

                continue;
            }

            if (block.Kind == CellBlockKind.Heading)
            {
                prefix = CleanName(block.Text);
                continue;
            }

            var sentences = block.Kind == CellBlockKind.Paragraph ? Sentences(block.Text) : [block.Text];
            foreach (var sentence in sentences)
            {
                Add(drafts, sentence, informational, prefix);
            }
        }

        return drafts;
    }

    private static void Add(List<IndicatorDraft> drafts, string text, bool informational, string? prefix)
    {
        var name = text.Trim();
        if (name.Length == 0)
        {
            return;
        }

        string? parentName = null;
        if (DarunterOf().Match(name) is { Success: true } of)
        {
            parentName = CleanName(of.Groups["parent"].Value);
            name = name.Remove(of.Index, of.Length);
        }

        if (prefix is not null && name.StartsWith('(') && name.TrimEnd('.').EndsWith(')'))
        {
            name = name.TrimEnd('.')[1..^1];
        }

        name = CleanName(name);
        var withPrefix = (string n) => prefix is null ? n : $"{prefix}: {n}";
        if (AndDarunter().Match(name) is { Success: true } and)
        {
            drafts.Add(new IndicatorDraft(withPrefix(and.Groups["whole"].Value)) { Informational = informational });
            drafts.Add(new IndicatorDraft(withPrefix("darunter " + and.Groups["part"].Value)) { Informational = informational, ParentIndex = drafts.Count - 1 });
            return;
        }

        int? parentIndex = null;
        if (name.StartsWith("darunter ", StringComparison.OrdinalIgnoreCase))
        {
            var parent = drafts.FindLastIndex(d => d.ParentIndex is null && d.ParentName is null);
            parentIndex = parent >= 0 ? parent : null;
        }

        drafts.Add(new IndicatorDraft(withPrefix(name)) { Informational = informational, ParentIndex = parentIndex, ParentName = parentName });
    }

    private static string InformationalName(string remark, string? heading)
    {
        var name = ReportedOn().Match(remark) is { Success: true } m ? m.Groups["what"].Value : CleanName(remark);
        return heading is null ? name : $"{name} – {heading}";
    }

    private sealed record Statement(string Text, int? Group, string? Heading, bool Informational);

    private static (List<Statement> Statements, bool OthersInformational) Statements(IReadOnlyList<CellBlock> blocks)
    {
        var statements = new List<Statement>();
        var othersInformational = false;
        int? group = null;
        string? heading = null;
        foreach (var block in blocks)
        {
            if (GroupMarker().Match(block.Text) is { Success: true } marker)
            {
                group = int.Parse(marker.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            if (block.Kind == CellBlockKind.Heading)
            {
                heading = CleanName(block.Text);
                continue;
            }

            if (block.Text.Contains("nachrichtlich", StringComparison.OrdinalIgnoreCase))
            {
                if (heading is not null)
                {
                    statements.Add(new Statement(block.Text, group, heading, Informational: true));
                }
                else
                {
                    othersInformational = true;
                }

                continue;
            }

            if (group is not null && statements.Count > 0 && statements[^1].Group == group)
            {
                statements[^1] = statements[^1] with { Text = statements[^1].Text + " " + block.Text };
            }
            else
            {
                statements.Add(new Statement(block.Text, group, heading, Informational: false));
            }
        }

        return (statements, othersInformational);
    }

    private static List<IndicatorDraft> Assign(string code, List<IndicatorDraft> drafts, List<Statement> statements, bool othersInformational, string targetCell, ICollection<ImportFinding> findings)
    {
        var open = drafts.Select((d, i) => (d, i)).Where(x => !x.d.Informational).Select(x => x.i).ToList();
        if (statements.Count == 0 || open.Count == 0)
        {
            return drafts;
        }

        if (statements.Any(s => s.Group is not null))
        {
            foreach (var statement in statements)
            {
                var index = statement.Group!.Value - 1;
                if (index < drafts.Count)
                {
                    drafts[index] = drafts[index] with { TargetText = statement.Text };
                }
                else
                {
                    findings.Add(new ImportFinding(code, $"Zielwert „Zu {statement.Group}.“ hat keinen Indikator {statement.Group}."));
                }
            }

            return drafts;
        }

        if (statements.Any(s => s.Heading is not null) && open.Count == 1)
        {
            return PerHeading(drafts, open[0], statements);
        }

        var targets = statements.Where(s => !s.Informational).Select(s => s.Text).ToList();
        if (targets.Count == open.Count)
        {
            return Positional(drafts, open, targets);
        }

        if (open.Count == 1)
        {
            var whole = drafts[open[0]];
            var parts = targets.Select(t => whole with { Name = $"{whole.Name} – {UnitPhrase(t)}", TargetText = t });
            return [.. drafts.Take(open[0]), .. parts, .. drafts.Skip(open[0] + 1)];
        }

        var sentences = targets.SelectMany(Sentences).ToList();
        if (sentences.Count == open.Count && sentences.All(s => Quantities.First(s) is not null || TargetInterpreter.IsMilestoneWording(s) || TargetInterpreter.Deadline(s) is not null))
        {
            return Positional(drafts, open, sentences);
        }

        if (targets.Any(t => Quantities.InDigits(t).Count > 1))
        {
            findings.Add(new ImportFinding(code, "Der Zielwert nennt mehrere Zahlen, die den Indikatoren nicht eindeutig zuzuordnen sind; kein Zielwert typisiert, bitte im Review festlegen."));
            foreach (var i in open)
            {
                drafts[i] = drafts[i] with { TargetText = CellText.Plain(targetCell), Ambiguous = true };
            }

            return drafts;
        }

        return ByWords(code, drafts, open, targets, othersInformational, findings);
    }

    private static List<IndicatorDraft> Positional(List<IndicatorDraft> drafts, List<int> open, List<string> targets)
    {
        for (var k = 0; k < open.Count; k++)
        {
            drafts[open[k]] = drafts[open[k]] with { TargetText = targets[k] };
        }

        return drafts;
    }

    private static List<IndicatorDraft> PerHeading(List<IndicatorDraft> drafts, int index, List<Statement> statements)
    {
        var whole = drafts[index];
        var parts = new List<IndicatorDraft>();
        foreach (var statement in statements)
        {
            parts.Add(statement.Informational
                ? new IndicatorDraft(InformationalName(statement.Text, statement.Heading)) { Informational = true }
                : whole with { Name = statement.Heading is null ? whole.Name : $"{whole.Name} – {statement.Heading}", TargetText = statement.Text });
        }

        return [.. drafts.Take(index), .. parts, .. drafts.Skip(index + 1)];
    }

    private static List<IndicatorDraft> ByWords(string code, List<IndicatorDraft> drafts, List<int> open, List<string> targets, bool othersInformational, ICollection<ImportFinding> findings)
    {
        var given = new Dictionary<int, List<string>>();
        if (targets.Count == 1)
        {
            var scores = open.Select(i => (i, score: Shared(targets[0], drafts[i].Name))).ToList();
            var chosen = scores.Where(s => s.score >= 2).Select(s => s.i).ToList();
            if (chosen.Count == 0 && scores.Max(s => s.score) > 0)
            {
                chosen = [scores.First(s => s.score == scores.Max(x => x.score)).i];
            }

            foreach (var i in chosen.Count > 0 ? chosen : open)
            {
                given[i] = [targets[0]];
            }
        }
        else
        {
            foreach (var target in targets)
            {
                var best = open.Select(i => (i, score: Shared(target, drafts[i].Name))).OrderByDescending(s => s.score).ThenBy(s => s.i).First();
                if (best.score == 0)
                {
                    findings.Add(new ImportFinding(code, $"Zielaussage „{target}“ passt zu keinem Indikator und wurde nicht übernommen."));
                    continue;
                }

                if (!given.TryGetValue(best.i, out var list))
                {
                    given[best.i] = list = [];
                }

                list.Add(target);
            }
        }

        foreach (var i in open)
        {
            if (given.TryGetValue(i, out var list))
            {
                var ambiguous = list.Count > 1;
                if (ambiguous)
                {
                    findings.Add(new ImportFinding(code, $"Indikator „{drafts[i].Name}“ hat mehrere Zielaussagen ({string.Join("; ", list)}); kein Zielwert typisiert, bitte im Review festlegen."));
                }

                drafts[i] = drafts[i] with { TargetText = string.Join("; ", list), Ambiguous = ambiguous };
            }
            else if (othersInformational)
            {
                drafts[i] = drafts[i] with { Informational = true };
            }
        }

        return drafts;
    }

    /// <summary>How many significant words two texts share (compounds count: "Netzwerktreffen" shares "Treffen").</summary>
    internal static int Shared(string a, string b)
    {
        var left = Words(a);
        var right = Words(b);
        return left.Count(l => right.Any(r => Stem(l) == Stem(r) || (l.Length >= 6 && r.Contains(l, StringComparison.Ordinal)) || (r.Length >= 6 && l.Contains(r, StringComparison.Ordinal))));
    }

    private static List<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 5 && !StopWords.Contains(w)).Distinct(StringComparer.Ordinal).ToList();

    private static string Stem(string word) => word.Length > 6 ? word[..6] : word;

    /// <summary>The sentences of a paragraph ("." before an upper-case word, or ";"), abbreviations kept whole.</summary>
    internal static List<string> Sentences(string text)
    {
        var result = new List<string>();
        var start = 0;
        foreach (Match boundary in SentenceBoundary().Matches(text))
        {
            var before = text[start..boundary.Index];
            var lastWord = before.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            if (boundary.Value.StartsWith('.') && Abbreviation().IsMatch(lastWord))
            {
                continue;
            }

            result.Add(text[start..(boundary.Index + 1)].Trim());
            start = boundary.Index + boundary.Length;
        }

        result.Add(text[start..].Trim());
        return result.Where(s => s.Length > 0).ToList();
    }

    /// <summary>The words after a statement's number that name what is counted ("40 Multiplikatorinnen und Multiplikatoren").</summary>
    internal static string UnitPhrase(string statement) =>
        Quantities.First(statement) is { } q && TargetInterpreter.NounAfter(statement[q.End..]) is { Length: > 0 } noun ? noun : statement;

    private static string CleanName(string text) => CellText.Normalize(text).TrimEnd('.', ' ', ':', ';');

    [GeneratedRegex(@"\s*\(Darunter-Wert von [„""](?<parent>[^“""]+)[“""]\)\.?", RegexOptions.IgnoreCase)]
    private static partial Regex DarunterOf();

    [GeneratedRegex(@"^(?<whole>.+?) und darunter (?<part>.+)$")]
    private static partial Regex AndDarunter();

    [GeneratedRegex(@"zu den (?<what>\p{L}+)", RegexOptions.IgnoreCase)]
    private static partial Regex ReportedOn();

    [GeneratedRegex(@"^Zu\.?\s*(\d+)\.?$")]
    private static partial Regex GroupMarker();

    [GeneratedRegex(@"\.\s+(?=\p{Lu})|;\s+")]
    private static partial Regex SentenceBoundary();

    [GeneratedRegex(@"^(?:\p{L}|\p{L}\.\p{L}|bzw|ca|max|ggf|ggfs|inkl|Nr|vgl|evtl|usw|u\.a|z\.B|i\.d\.R)\.?$")]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"\p{L}[\p{L}\-]*")]
    private static partial Regex WordPattern();
}
