using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>
/// Turns the HTML fragment of a table cell (<c>&lt;ul&gt;</c>/<c>&lt;ol&gt;</c> lists, "•" and "○" items,
/// <c>&lt;p&gt;</c>, <c>&lt;u&gt;</c>, <c>&lt;i&gt;</c>) into plain blocks, and blocks into plain text.
/// </summary>
public static partial class CellText
{
    /// <summary>Marks where the parser appended a cell's continuation after a page break.</summary>
    public const char PageBreak = '\f';

    /// <summary>The blocks of a cell in order; empty items are dropped.</summary>
    public static IReadOnlyList<CellBlock> Blocks(string cell)
    {
        var blocks = new List<CellBlock>();
        var ordered = new List<bool>();
        var current = new StringBuilder();
        var kind = CellBlockKind.Paragraph;
        var inOrderedList = false;
        var afterPageBreak = false;

        void Flush(CellBlockKind next)
        {
            var text = Normalize(current.ToString());
            current.Clear();
            if (text.Length > 0)
            {
                var continues = afterPageBreak && kind == CellBlockKind.Paragraph && blocks.Count > 0 && !EndsSentence(blocks[^1].Text);
                if (continues)
                {
                    blocks[^1] = blocks[^1] with { Text = blocks[^1].Text + " " + text };
                }
                else
                {
                    blocks.Add(new CellBlock(kind, text));
                    ordered.Add(inOrderedList);
                }

                afterPageBreak = false;
            }

            kind = next;
        }

        var position = 0;
        foreach (Match token in Token().Matches(cell))
        {
            current.Append(cell, position, token.Index - position);
            position = token.Index + token.Length;
            var value = token.Value;
            if (value[0] == PageBreak)
            {
                Flush(kind == CellBlockKind.Heading || kind == CellBlockKind.Note ? kind : CellBlockKind.Paragraph);
                afterPageBreak = true;
            }
            else if (value == "•")
            {
                Flush(CellBlockKind.Bullet);
            }
            else if (value == "○")
            {
                Flush(CellBlockKind.SubBullet);
            }
            else if (value == "<u>")
            {
                Flush(CellBlockKind.Heading);
            }
            else if (value == "<i>")
            {
                Flush(CellBlockKind.Note);
            }
            else
            {
                if (value.StartsWith("<ol", StringComparison.Ordinal))
                {
                    Flush(CellBlockKind.Paragraph);
                    inOrderedList = true;
                    continue;
                }

                Flush(value is "</u>" or "</i>" or "<p>" or "</p>" || value.StartsWith("<ul", StringComparison.Ordinal) || value.StartsWith("</", StringComparison.Ordinal)
                    ? CellBlockKind.Paragraph
                    : kind);
            }
        }

        current.Append(cell, position, cell.Length - position);
        Flush(CellBlockKind.Paragraph);
        return Number(blocks, ordered);
    }

    /// <summary>The cell as plain text: one line per block, list items as "- " (nested "  - "), numbered items as "1. ".</summary>
    public static string Plain(string cell) => Plain(Blocks(cell));

    /// <summary>Blocks as plain text, one line per block.</summary>
    public static string Plain(IEnumerable<CellBlock> blocks) => string.Join("\n", blocks.Select(b => b.Kind switch
    {
        CellBlockKind.Bullet => "- " + b.Text,
        CellBlockKind.SubBullet => "  - " + b.Text,
        CellBlockKind.Numbered => string.Create(CultureInfo.InvariantCulture, $"{b.Number}. {b.Text}"),
        _ => b.Text,
    }));

    /// <summary>Collapses whitespace (also non-breaking spaces and page-break marks) and trims.</summary>
    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>Whether a text ends like a complete sentence or a lead-in.</summary>
    internal static bool EndsSentence(string text) => text.Length > 0 && text[^1] is '.' or ':' or '!' or '?' or ';';

    // Items "1.", "2." of an ordered list are found by their sequence: the next expected number followed by ". " and
    // an upper-case letter, so that dates ("31.03.2017") and ordinals ("einer 5. städtischen Einrichtung") stay text.
    private static List<CellBlock> Number(List<CellBlock> blocks, List<bool> ordered)
    {
        if (!ordered.Contains(true))
        {
            return blocks;
        }

        var result = new List<CellBlock>();
        var next = 1;
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (!ordered[b])
            {
                result.Add(block);
                continue;
            }

            var text = block.Text;
            var kind = block.Kind;
            int? number = null;
            while (true)
            {
                var marker = NumberMarker(next).Match(text);
                if (!marker.Success)
                {
                    break;
                }

                var before = text[..marker.Index].Trim();
                if (before.Length > 0)
                {
                    result.Add(new CellBlock(kind, before, number));
                }

                kind = CellBlockKind.Numbered;
                number = next++;
                text = text[(marker.Index + marker.Length)..];
            }

            text = text.Trim();
            if (text.Length > 0)
            {
                result.Add(new CellBlock(kind, text, number));
            }
        }

        return result;
    }

    private static Regex NumberMarker(int number) =>
        new(string.Create(CultureInfo.InvariantCulture, $@"(?<!\d)(?<!\d\.)(?<![\p{{L}}]){number}\.\s*(?=[\p{{Lu}}„""(])|(?<=[.)])(?<!\d\.){number}\.\s*(?=[\p{{Lu}}„""(])"), RegexOptions.CultureInvariant);

    [GeneratedRegex(@"\f|<ul[^>]*>|</ul>|<ol[^>]*>|</ol>|</?p>|</?u>|</?i>|</?li>|•|○")]
    private static partial Regex Token();

    [GeneratedRegex(@"[\s\u00A0\f]+")]
    private static partial Regex Whitespace();
}
