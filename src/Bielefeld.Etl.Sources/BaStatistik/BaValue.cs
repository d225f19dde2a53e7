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
/// A parsed BA value cell. Numbers as <see cref="GermanValues.TryCellNumber"/> reads them (<c>1.234</c>, <c>5,9</c>,
/// <c>1 234</c>, a typographic minus) with correctly grouped thousands only: <c>5.9</c> would be 59 to a German parser
/// and 5.9 to an English one, so it is not a number here.
/// </summary>
internal readonly record struct BaValue(BaValueKind Kind, decimal? Number, string? Raw)
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
            _ when GermanValues.TryCellNumber(text, out var value, out _) => new BaValue(BaValueKind.Number, value, raw),
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
        _ when TryPlainNumber(text, out var plain) => new BaValue(BaValueKind.Number, plain, null),
        _ when GermanValues.TryCellNumber(text.ToString(), out var value, out _) => new BaValue(BaValueKind.Number, value, null),
        _ => new BaValue(BaValueKind.Invalid, null, null),
    };

    /// <summary>
    /// Parses a CSV field from its UTF-8 bytes when it is printable ASCII without spaces (so nothing to trim): the
    /// symbols and the plain numbers of <see cref="TryPlainNumber"/>; null for anything else, which the caller reads
    /// with <see cref="ParseText"/> from the decoded text. Same kinds and numbers as <see cref="ParseText"/>.
    /// </summary>
    public static BaValue? ParseUtf8(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty || bytes.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E) >= 0)
        {
            return null;
        }

        return bytes switch
        {
            [(byte)'*'] => new BaValue(BaValueKind.Suppressed, null, null),
            [(byte)'-'] => new BaValue(BaValueKind.Number, 0m, null),
            [(byte)'x' or (byte)'X'] => new BaValue(BaValueKind.NotApplicable, null, null),
            [(byte)'.'] => new BaValue(BaValueKind.Missing, null, null),
            _ when TryPlainNumber(bytes, out var plain) => new BaValue(BaValueKind.Number, plain, null),
            _ => null,
        };
    }

    /// <summary>
    /// The common case of a value cell without the regular expression and the culture's parser: a number ≥ 0 of ASCII
    /// digits that <see cref="GermanValues.TryCellNumber"/> accepts, with at most 18 digits, so that the digits fit a long exactly and
    /// the decimal is the one <c>decimal.TryParse</c> gives (same digits, same scale: <c>5,90</c> keeps its two
    /// decimals). Anything else (a sign, more digits, other digits) is left to the general rule; false says only
    /// "not by this shortcut", never "not a number".
    /// </summary>
    private static bool TryPlainNumber<T>(ReadOnlySpan<T> text, out decimal value)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        value = 0;
        long digits = 0;
        var count = 0;
        var scale = 0;
        var group = -1; // digits since the last thousands dot; -1 before the first dot
        var lead = 0; // digits before the first thousands dot
        var fraction = false;
        foreach (var unit in text)
        {
            var c = int.CreateTruncating(unit);
            if (c is >= '0' and <= '9')
            {
                if (++count > 18)
                {
                    return false;
                }

                digits = (digits * 10) + (c - '0');
                if (fraction)
                {
                    scale++;
                }
                else if (group >= 0)
                {
                    group++;
                }
                else
                {
                    lead++;
                }
            }
            else if (c == '.' && !fraction && (group < 0 ? lead is >= 1 and <= 3 : group == 3))
            {
                group = 0;
            }
            else if (c == ',' && !fraction && count > 0 && group is -1 or 3)
            {
                fraction = true;
            }
            else
            {
                return false;
            }
        }

        if (count == 0 || group is >= 0 and not 3 || (fraction && scale == 0))
        {
            return false;
        }

        value = new decimal((int)digits, (int)(digits >> 32), 0, false, (byte)scale);
        return true;
    }

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

        // The common case, a whole number ≥ 0 of a count or stock, answered without the general check's decimal arithmetic.
        if (Number is { Scale: 0 } whole && whole >= 0 && indicator.Kind is not (IndicatorKind.PublishedRate or IndicatorKind.Rate))
        {
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
}
