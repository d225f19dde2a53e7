using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Synthetic.BaStatistik;

/// <summary>One row of a long CSV special evaluation (contract <c>ba-statistik.md</c>, shape 2), every field as delivered.</summary>
public sealed record BaSpecialEvaluationRow(
    string Berichtsmonat, string Datenstand, string Regionstyp, string Regionsschluessel, string Region, string Merkmal, string Wert);

/// <summary>
/// Writes special evaluations as BA delivers them: UTF-8 with BOM, <c>;</c>, one header row, CRLF; or in the forms real
/// exports take (<see cref="SpreadsheetVariant"/>), which the reader accepts with the same figures.
/// </summary>
public static partial class BaSpecialEvaluationWriter
{
    /// <summary>The contract's header.</summary>
    public static readonly IReadOnlyList<string> Header = ["Berichtsmonat", "Datenstand", "Regionstyp", "Regionsschluessel", "Region", "Merkmal", "Wert"];

    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/>, overwriting it.</summary>
    /// <param name="rows">The rows in file order.</param>
    /// <param name="path">The target file.</param>
    /// <param name="header">Another header (drift tests); the contract's when null.</param>
    public static void Write(IEnumerable<BaSpecialEvaluationRow> rows, string path, IReadOnlyList<string>? header = null) =>
        Write(rows, path, SpreadsheetVariant.None, header);

    /// <summary>
    /// Writes <paramref name="rows"/> in the forms of <paramref name="variant"/> that apply to a CSV file:
    /// <see cref="SpreadsheetVariant.CommaSeparated"/>, <see cref="SpreadsheetVariant.TabSeparated"/>,
    /// <see cref="SpreadsheetVariant.Utf8WithoutBom"/>, <see cref="SpreadsheetVariant.Windows1252"/>,
    /// <see cref="SpreadsheetVariant.TrailingBlankColumns"/>, <see cref="SpreadsheetVariant.HeaderMoved"/> (a title and
    /// a blank line), <see cref="SpreadsheetVariant.LabelSpaces"/> (header names, Region and Merkmal with non-breaking
    /// spaces) and the month forms (<see cref="SpreadsheetVariant.MonthNames"/> <c>Januar 2017</c>,
    /// <see cref="SpreadsheetVariant.ExcelMonthAbbreviations"/> <c>Mrz 2017</c>, <see cref="SpreadsheetVariant.MonthNumbers"/>
    /// <c>03/2017</c>, <see cref="SpreadsheetVariant.MonthDates"/> <c>2017-03</c>).
    /// </summary>
    public static void Write(IEnumerable<BaSpecialEvaluationRow> rows, string path, SpreadsheetVariant variant, IReadOnlyList<string>? header = null)
    {
        var separator = variant.HasFlag(SpreadsheetVariant.TabSeparated) ? '\t' : variant.HasFlag(SpreadsheetVariant.CommaSeparated) ? ',' : ';';
        var labelSpaces = variant.HasFlag(SpreadsheetVariant.LabelSpaces);
        var text = new StringBuilder();
        void Line(IEnumerable<string> fields)
        {
            var all = variant.HasFlag(SpreadsheetVariant.TrailingBlankColumns) ? fields.Concat(["", ""]) : fields;
            text.Append(string.Join(separator, all.Select(f => Quoted(f, separator)))).Append("\r\n");
        }

        if (variant.HasFlag(SpreadsheetVariant.HeaderMoved))
        {
            text.Append("Sonderauswertung der Statistik der Bundesagentur für Arbeit\r\n\r\n");
        }

        Line((header ?? Header).Select(h => labelSpaces ? " " + h + "\u00A0" : h));
        foreach (var r in rows)
        {
            Line([Month(r.Berichtsmonat, variant), r.Datenstand, r.Regionstyp, r.Regionsschluessel,
                labelSpaces ? Spaced(r.Region) : r.Region, labelSpaces ? Spaced(r.Merkmal) : r.Merkmal, r.Wert]);
        }

        var encoding = variant.HasFlag(SpreadsheetVariant.Windows1252) ? SyntheticCsv.Windows1252
            : variant.HasFlag(SpreadsheetVariant.Utf8WithoutBom) ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)
            : SyntheticCsv.Utf8Bom;
        File.WriteAllText(path, text.ToString(), encoding);
    }

    /// <summary>A Berichtsmonat <c>yyyyMM</c> in the month form of <paramref name="variant"/>; anything else as it is.</summary>
    private static string Month(string berichtsmonat, SpreadsheetVariant variant)
    {
        if (!YearMonth().IsMatch(berichtsmonat))
        {
            return berichtsmonat;
        }

        var year = berichtsmonat[..4];
        var month = int.Parse(berichtsmonat[4..], CultureInfo.InvariantCulture);
        string[] excel = ["Jan", "Feb", "Mrz", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];
        string[] full = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
        return variant.HasFlag(SpreadsheetVariant.MonthNames) ? $"{full[month - 1]} {year}"
            : variant.HasFlag(SpreadsheetVariant.ExcelMonthAbbreviations) ? $"{excel[month - 1]} {year}"
            : variant.HasFlag(SpreadsheetVariant.MonthNumbers) ? $"{berichtsmonat[4..]}/{year}"
            : variant.HasFlag(SpreadsheetVariant.MonthDates) ? $"{year}-{berichtsmonat[4..]}"
            : berichtsmonat;
    }

    /// <summary>A label as copied from a web page: its first space non-breaking and a non-breaking space at the end.</summary>
    private static string Spaced(string label)
    {
        var space = label.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? label : string.Concat(label.AsSpan(0, space), "\u00A0", label.AsSpan(space + 1))) + "\u00A0";
    }

    private static string Quoted(string field, char separator) =>
        field.Contains(separator, StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;

    [GeneratedRegex(@"^\d{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonth();
}
