using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.German;

namespace Bielefeld.Etl.Sources.Statistiktabelle;

/// <summary>What a value cell of an official table says, by the pipeline's symbols.</summary>
internal enum TableValueKind
{
    /// <summary>A number (the symbol for „nichts vorhanden“ included: exactly 0).</summary>
    Number,

    /// <summary>Suppressed for confidentiality: unknown, never 0.</summary>
    Suppressed,

    /// <summary>Not yet reported, not available, not meaningful, or an empty cell where the pipeline allows it: no value.</summary>
    NoValue,

    /// <summary>An empty cell where a value or a symbol belongs.</summary>
    Empty,

    /// <summary>Neither a number nor one of the pipeline's symbols.</summary>
    Invalid,
}

/// <summary>A parsed value cell: its kind, its number, why it has no value, and what was read differently from a number cell.</summary>
internal readonly record struct TableValue(TableValueKind Kind, decimal? Number, string? Raw, string? NoValueReason, Normalisation? Note)
{
    /// <summary>Whether the cell yields an observation.</summary>
    public bool IsObservation => Kind is TableValueKind.Number or TableValueKind.Suppressed;

    /// <summary>Why the value cannot be loaded for <paramref name="indicator"/>; null when it can.</summary>
    public (ReasonCode Reason, string Message)? Problem(Indicator indicator, string symbols)
    {
        switch (Kind)
        {
            case TableValueKind.Invalid:
                return (ReasonCode.NotANumber, $"'{Raw}' ist weder eine Zahl (1.234 oder 5,9) noch eines der Zeichen der Tabelle ({symbols}).");
            case TableValueKind.Empty:
                return (StatistiktabelleReasons.EmptyValue, $"Der Wert ist leer; fehlende Werte kennzeichnet die Tabelle mit einem ihrer Zeichen ({symbols}).");
            case not TableValueKind.Number:
                return null;
        }

        return OfficialValueCheck.Problem(indicator, Number!.Value, Raw, StatistiktabelleReasons.RateOutOfRange);
    }
}

/// <summary>The pipeline's symbols (<c>symbols:</c>), each with its meaning; a symbol may mean one thing only.</summary>
internal sealed class TableSymbols
{
    private readonly Dictionary<string, (TableValueKind Kind, string Meaning)> _symbols;
    private readonly bool _emptyIsMissing;

    private TableSymbols(Dictionary<string, (TableValueKind, string)> symbols, bool emptyIsMissing)
    {
        _symbols = symbols;
        _emptyIsMissing = emptyIsMissing;
    }

    /// <summary>The symbols as a steward reads them in a message (<c>... . -</c>).</summary>
    public string Listing => _symbols.Count == 0 ? "keine" : string.Join(" ", _symbols.Keys);

    public static TableSymbols Build(TableSymbolOptions options, List<string> problems)
    {
        var symbols = new Dictionary<string, (TableValueKind, string)>(StringComparer.Ordinal);
        void Add(IEnumerable<string> list, TableValueKind kind, string meaning)
        {
            foreach (var symbol in list.Select(s => s.Trim()))
            {
                if (symbol.Length == 0 || GermanValues.TryNumber(symbol, out _) || !symbols.TryAdd(symbol, (kind, $"{symbol}: {meaning}")))
                {
                    problems.Add($"symbols: '{symbol}' ist leer, eine Zahl oder hat mehr als eine Bedeutung");
                }
            }
        }

        Add(options.NotYetReported, TableValueKind.NoValue, "noch nicht gemeldet");
        Add(options.NotAvailable, TableValueKind.NoValue, "nicht verfügbar");
        Add(options.NotApplicable, TableValueKind.NoValue, "nicht sinnvoll");
        Add(options.Suppressed, TableValueKind.Suppressed, "gesperrt");
        Add(options.Nothing, TableValueKind.Number, "nichts vorhanden");
        return new TableSymbols(symbols, options.EmptyIsMissing);
    }

    /// <summary>Reads a value cell: a number cell, German number text, or a symbol.</summary>
    public TableValue Parse(object? cell)
    {
        var raw = SheetCell.Raw(cell);
        if (SheetCell.IsBlank(cell))
        {
            return _emptyIsMissing ? new TableValue(TableValueKind.NoValue, null, raw, "leer", null) : new TableValue(TableValueKind.Empty, null, raw, null, null);
        }

        if (cell is string text && _symbols.TryGetValue(GermanLabel.Normalise(text), out var symbol))
        {
            return symbol.Kind == TableValueKind.Number
                ? new TableValue(TableValueKind.Number, 0m, raw, null, null)
                : new TableValue(symbol.Kind, null, raw, symbol.Meaning, null);
        }

        return GermanValues.TryCellNumber(cell, out var number, out var note)
            ? new TableValue(TableValueKind.Number, number, raw, null, note)
            : new TableValue(TableValueKind.Invalid, null, raw, null, null);
    }
}
