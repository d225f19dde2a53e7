using Bielefeld.Etl.Loading;
using CsvHelper;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>
/// One record of a CSV file, copied out of the reader with its line number: fields by contract column name, trimmed,
/// an empty field as null ("not known", never 0). Problems found while interpreting it are collected and become one
/// <see cref="SourceRow.Rejected"/> naming line, header and raw value.
/// </summary>
public sealed class CsvRecord
{
    private readonly CsvHeader _header;
    private readonly string?[] _fields;
    private List<RejectedRow>? _problems;

    private CsvRecord(CsvHeader header, int line, string?[] fields, bool isBlank)
    {
        _header = header;
        Line = line;
        _fields = fields;
        IsBlank = isBlank;
    }

    /// <summary>The 1-based line where the record starts, as an editor shows it (header = line 1).</summary>
    public int Line { get; }

    /// <summary>Whether every field is empty (a blank line or a line of separators only).</summary>
    public bool IsBlank { get; }

    /// <summary>Whether a problem has been recorded.</summary>
    public bool HasProblems => _problems is { Count: > 0 };

    /// <summary>The problems recorded so far.</summary>
    public IReadOnlyList<RejectedRow> Problems => _problems ?? (IReadOnlyList<RejectedRow>)[];

    /// <summary>Copies the reader's current record: the fields of the known columns (no other field is ever asked for).</summary>
    public static CsvRecord Current(CsvReader reader, CsvHeader header)
    {
        CsvExtract.CheckFieldCount(reader.FieldCount, reader.LineNumber, "Die Datei");
        var fields = new string?[reader.FieldCount];
        foreach (var i in header.Mapped)
        {
            if (i >= fields.Length)
            {
                break;
            }

            // An empty field needs no string; a field that is white space only trims to empty.
            if (!reader.GetSpan(i).IsEmpty)
            {
                var value = reader.GetString(i).Trim();
                fields[i] = value.Length == 0 ? null : value;
            }
        }

        return new CsvRecord(header, (int)reader.LineNumber, fields, CsvExtract.IsBlank(reader));
    }

    /// <summary>The field of <paramref name="column"/>, trimmed; null when empty or when the file lacks the column.</summary>
    public string? this[string column] => _header.IndexOf(column) is var i and >= 0 && i < _fields.Length ? _fields[i] : null;

    /// <summary>Records a problem with <paramref name="column"/>'s field.</summary>
    public void Reject(string column, ReasonCode reason, string message) =>
        (_problems ??= []).Add(new RejectedRow(null, Line, _header.NameInFile(column), this[column], reason, message));

    /// <summary>
    /// Records a problem with an identifying field (a participant's TN_ID, a case's Fallnummer): the column is named,
    /// the value is not, so that no identifier of a person or case reaches the warehouse's rejected rows. The line
    /// number leads the steward to it.
    /// </summary>
    public void RejectIdentifier(string column, ReasonCode reason, string message) =>
        (_problems ??= []).Add(new RejectedRow(null, Line, _header.NameInFile(column), null, reason, message));

    /// <summary>Records a problem of the whole record (no single field).</summary>
    public void RejectRow(ReasonCode reason, string message) =>
        (_problems ??= []).Add(new RejectedRow(null, Line, null, null, reason, message));

    /// <summary>The field, or a recorded <see cref="CsvReasons.RequiredEmpty"/> problem and null.</summary>
    public string? Required(string column)
    {
        var value = this[column];
        if (value is null)
        {
            Reject(column, CsvReasons.RequiredEmpty, $"'{_header.NameInFile(column)}' darf nicht leer sein.");
        }

        return value;
    }

    /// <summary>The field as a date (<c>dd.MM.yyyy</c>); null when empty; a recorded problem when it is not a date.</summary>
    public DateOnly? Date(string column, bool required = false)
    {
        var text = required ? Required(column) : this[column];
        if (text is null)
        {
            return null;
        }

        if (GermanValues.TryDate(text, out var date))
        {
            return date;
        }

        Reject(column, CsvReasons.InvalidDate, $"'{text}' ist kein Datum der Form TT.MM.JJJJ.");
        return null;
    }

    /// <summary>The field if it is one of <paramref name="allowed"/> (ordinal, as the contract spells it); null when empty or not allowed (then recorded).</summary>
    public string? Code(string column, IReadOnlyCollection<string> allowed, ReasonCode? reason = null, bool required = false)
    {
        var text = required ? Required(column) : this[column];
        if (text is null)
        {
            return null;
        }

        if (Allows(allowed, text))
        {
            return text;
        }

        Reject(column, reason ?? CsvReasons.ValueNotAllowed, $"'{text}' ist in '{_header.NameInFile(column)}' nicht vereinbart (erlaubt: {string.Join(", ", allowed)}).");
        return null;
    }

    /// <summary>The field as a whole number ≥ 0; null when empty; a recorded problem when it is text, negative or has decimals.</summary>
    public long? Count(string column, bool required = false)
    {
        var text = required ? Required(column) : this[column];
        if (text is null)
        {
            return null;
        }

        if (!GermanValues.TryNumber(text, out var value))
        {
            Reject(column, ReasonCode.NotANumber, $"'{text}' ist keine Zahl; leer heißt „nicht bekannt“, nie 0.");
            return null;
        }

        if (value < 0)
        {
            Reject(column, ReasonCode.Negative, $"Eine Anzahl kann nicht negativ sein ({text}).");
            return null;
        }

        if (value != decimal.Truncate(value))
        {
            Reject(column, ReasonCode.NotWhole, $"Eine Anzahl muss ganzzahlig sein ({text}).");
            return null;
        }

        return (long)value;
    }

    /// <summary>The recorded problems as a rejected row.</summary>
    public SourceRow.Rejected ToRejected() => new(Line, _problems is null ? [] : _problems.ToList());

    /// <summary>Whether <paramref name="text"/> is one of <paramref name="allowed"/> (ordinal), without an enumerator for the lists the mappings hold.</summary>
    private static bool Allows(IReadOnlyCollection<string> allowed, string text) => allowed switch
    {
        string[] array => Array.IndexOf(array, text) >= 0,
        List<string> list => list.Contains(text),
        _ => allowed.Contains(text, StringComparer.Ordinal),
    };
}
