using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>
/// Reads the Aufwand cell: the text as plain text, and euros per year where the text states an amount.
/// </summary>
/// <remarks>
/// Rules, in order: a text that says there is no cost ("Kein Aufwand", "Kein kommunaler Aufwand") is 0; an amount after
/// "insgesamt" is the total; else the first amount of the lead text (before any list); else the sum of the amounts of
/// the list items ("Layout und Druck: ca. 4.000 €", "Fachtagung: 1.500 €"). Amounts in a calculation that follows a
/// stated amount are not added. Texts without an amount ("Interne Sach- und Personalkosten") have none.
/// </remarks>
public static partial class CostInterpreter
{
    /// <summary>The cost of an Aufwand cell; null where the plan leaves the cell empty.</summary>
    public static CostDocument? Interpret(string cell)
    {
        var blocks = CellText.Blocks(cell);
        if (blocks.Count == 0)
        {
            return null;
        }

        var text = CellText.Plain(blocks);
        return new CostDocument { EurProJahr = Amount(blocks), Text = text };
    }

    private static decimal? Amount(IReadOnlyList<CellBlock> blocks)
    {
        var all = string.Join(" ", blocks.Select(b => b.Text));
        if (NoCost().IsMatch(all))
        {
            return 0m;
        }

        var total = Total().Match(all);
        if (total.Success && Euros(all[total.Index..]) is [var sum, ..])
        {
            return sum.Value;
        }

        var lead = blocks.TakeWhile(b => b.Kind is CellBlockKind.Paragraph or CellBlockKind.Heading or CellBlockKind.Note).ToList();
        if (lead.Select(b => Euros(b.Text)).FirstOrDefault(e => e.Count > 0) is [var first, ..])
        {
            return first.Value;
        }

        var items = blocks.Skip(lead.Count).Select(b => Euros(b.Text)).Where(e => e.Count > 0).Select(e => e[0].Value).ToList();
        return items.Count > 0 ? items.Sum() : null;
    }

    private static List<Quantity> Euros(string text) => Quantities.InDigits(text).Where(q => q.IsEuro).ToList();

    [GeneratedRegex(@"^\s*Kein(?:\s+kommunaler)?\s+Aufwand", RegexOptions.IgnoreCase)]
    private static partial Regex NoCost();

    [GeneratedRegex(@"\binsgesamt\b", RegexOptions.IgnoreCase)]
    private static partial Regex Total();
}
