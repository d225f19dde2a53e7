namespace Bielefeld.Etl.Sources.Xlsx;

/// <summary>How a written cell looks: bold or not, its number format, and whether it is an input cell.</summary>
public readonly record struct XlsxStyle
{
    /// <summary>The look of a header or title cell.</summary>
    public static XlsxStyle Bold { get; } = new() { IsBold = true };

    /// <summary>Bold font.</summary>
    public bool IsBold { get; init; }

    /// <summary>The number format Excel shows and types with.</summary>
    public XlsxFormat Format { get; init; }

    /// <summary>
    /// An input cell: unlocked, so that it stays editable when the sheet is protected, and highlighted with a fill,
    /// so that the person filling the sheet sees where to type.
    /// </summary>
    public bool IsInput { get; init; }
}

/// <summary>The number formats the workbooks use.</summary>
public enum XlsxFormat
{
    /// <summary>Excel's General format.</summary>
    General,

    /// <summary>Text (<c>@</c>): what is typed stays text, so Excel does not turn <c>2017-03</c> into a date.</summary>
    Text,

    /// <summary>German date, <c>dd.mm.yyyy</c>.</summary>
    Date,
}
