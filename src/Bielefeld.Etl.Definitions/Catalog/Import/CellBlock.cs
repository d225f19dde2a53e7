namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>What a piece of a table cell is, as the HTML fragment of the export marks it.</summary>
public enum CellBlockKind
{
    /// <summary>Running text, a <c>&lt;p&gt;</c> or text between lists.</summary>
    Paragraph,

    /// <summary>A list item marked with "•".</summary>
    Bullet,

    /// <summary>A nested list item marked with "○".</summary>
    SubBullet,

    /// <summary>An item "1.", "2." of an ordered list (<c>&lt;ol&gt;</c>).</summary>
    Numbered,

    /// <summary>Underlined text (<c>&lt;u&gt;</c>), used by the plan as a sub-heading.</summary>
    Heading,

    /// <summary>Italic text (<c>&lt;i&gt;</c>), used by the plan for remarks such as "nachrichtlich".</summary>
    Note,
}

/// <summary>One piece of a table cell, its text whitespace-normalised.</summary>
/// <param name="Kind">What the piece is.</param>
/// <param name="Text">Its plain text.</param>
/// <param name="Number">The item number of a <see cref="CellBlockKind.Numbered"/> item.</param>
public sealed record CellBlock(CellBlockKind Kind, string Text, int? Number = null);
