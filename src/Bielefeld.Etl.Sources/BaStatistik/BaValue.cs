using System.Globalization;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>What a BA value cell says: a number, or one of the special symbols of the contract.</summary>
internal enum BaValueKind
{
    /// <summary>A number (<c>-</c> included: exactly zero).</summary>
    Number,

    /// <summary><c>*</c>: suppressed for confidentiality; unknown, never 0.</summary>
    Suppressed,

    /// <summary><c>x</c>: the figure is not meaningful; no value.</summary>
    NotApplicable,

    /// <summary><c>.</c>: the figure is not available (yet); no value.</summary>
    Missing,

    /// <summary>An empty cell.</summary>
    Empty,

    /// <summary>Anything else: not a number, not a symbol.</summary>
    Invalid,
}

/// <summary>
/// A parsed BA value cell. German numbers (<c>1.234</c>, <c>5,9</c>) with correctly grouped thousands only:
/// <c>5.9</c> would be 59 to a German parser and 5.9 to an English one, so it is not a number here.
/// </summary>
internal readonly partial record struct BaValue(BaValueKind Kind, decimal? Number, string? Raw)
{
    /// <summary>Whether the cell yields an observation (a number or a suppressed value).</summary>
    public bool IsObservation => Kind is BaValueKind.Number or BaValueKind.Suppressed;

    /// <summary>Parses an Excel cell (number or text) or a CSV field.</summary>
    public static BaValue Parse(object? cell)
    {
        var raw = SheetCell.Raw(cell);
        switch (cell)
        {
            case double d when double.IsFinite(d) && Math.Abs(d) < 1e15:
                return new BaValue(BaValueKind.Number, (decimal)d, raw);
            case null or DBNull:
                return new BaValue(BaValueKind.Empty, null, null);
        }

        var text = raw?.Trim() ?? "";
        return text switch
        {
            "" => new BaValue(BaValueKind.Empty, null, raw),
            "*" => new BaValue(BaValueKind.Suppressed, null, raw),
            "-" or "–" => new BaValue(BaValueKind.Number, 0m, raw),
            "x" or "X" => new BaValue(BaValueKind.NotApplicable, null, raw),
            "." => new BaValue(BaValueKind.Missing, null, raw),
            _ when GermanNumber().IsMatch(text) && decimal.TryParse(text,
                NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, GermanValues.Culture, out var value)
                => new BaValue(BaValueKind.Number, value, raw),
            _ => new BaValue(BaValueKind.Invalid, null, raw),
        };
    }

    /// <summary>
    /// Parses a CSV field already trimmed, without allocating: the same kinds and numbers as <see cref="Parse"/>, but
    /// without <see cref="Raw"/> (a caller that needs the raw text for a message parses the string).
    /// </summary>
    public static BaValue ParseText(ReadOnlySpan<char> text) => text switch
    {
        "" => new BaValue(BaValueKind.Empty, null, null),
        "*" => new BaValue(BaValueKind.Suppressed, null, null),
        "-" or "–" => new BaValue(BaValueKind.Number, 0m, null),
        "x" or "X" => new BaValue(BaValueKind.NotApplicable, null, null),
        "." => new BaValue(BaValueKind.Missing, null, null),
        _ when GermanNumber().IsMatch(text) && decimal.TryParse(text,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, GermanValues.Culture, out var value)
            => new BaValue(BaValueKind.Number, value, null),
        _ => new BaValue(BaValueKind.Invalid, null, null),
    };

    /// <summary>Why the value cannot be loaded for <paramref name="indicator"/>; null when it can.</summary>
    public (ReasonCode Reason, string Message)? Problem(Indicator indicator)
    {
        switch (Kind)
        {
            case BaValueKind.Invalid:
                return (ReasonCode.NotANumber,
                    $"'{Raw}' ist weder eine Zahl (1.234 oder 5,9) noch eines der Zeichen * - x . der BA-Statistik.");
            case BaValueKind.Empty:
                return (BaStatistikReasons.EmptyValue, "Der Wert ist leer; „nicht verfügbar“ wird mit '.' geliefert, „nichts vorhanden“ mit '-'.");
            case not BaValueKind.Number:
                return null;
        }

        return OfficialValueCheck.Problem(indicator, Number!.Value, Raw, BaStatistikReasons.RateOutOfRange);
    }

    /// <summary>Why a cell without an observation is skipped, for the row's skip reason.</summary>
    public string NoValueReason => Kind switch
    {
        BaValueKind.NotApplicable => "x: Angabe nicht sinnvoll",
        BaValueKind.Missing => ".: Zahlenwert nicht verfügbar",
        _ => "leer",
    };

    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GermanNumber();
}
