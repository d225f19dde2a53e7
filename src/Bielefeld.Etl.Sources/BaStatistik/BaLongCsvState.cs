using System.Globalization;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.German;
using Bielefeld.Etl.Sources.Csv;
using CsvHelper;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>
/// What the long CSV reader keeps while one file streams: the months seen so far (the scope), the decoded fields of the
/// current row, and caches of what repeats from row to row (Merkmal, region, month, Datenstand), so that a row costs no
/// string, dictionary or regular expression unless it is rejected. Every cache is bounded by the catalog and the
/// pipeline file, not by the file's size.
/// </summary>
internal sealed class BaLongCsvState(BaLongCsvReader.Columns columns, DateOnly fallback, NormalisationProtocol protocol)
{
    private const int MaxCached = 1 << 14;
    private readonly Dictionary<string, MerkmalMapping?> _merkmale = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Area? Area, ReasonCode? Reason, string? Column, string? Raw, string? Message)> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _seriesKeys = new(StringComparer.Ordinal);
    private readonly LastParsed _month = new();
    private readonly Dictionary<string, Normalisation?> _labelNotes = new(StringComparer.Ordinal);
    private Normalisation? _monthNote;
    private readonly LastParsed _status = new();
    private char[] _regionKey = new char[256];

    public BaLongCsvReader.Columns Columns { get; } = columns;

    /// <summary>The delivery month from the file name: the scope until a row names a month.</summary>
    public DateOnly Fallback { get; } = fallback;

    public DateOnly? First { get; set; }

    public DateOnly? Last { get; set; }

    public RowFields Fields { get; } = new(columns);

    public ObservationKeys Seen { get; } = new();

    /// <summary>The file's load protocol, for what the rows say in another form than the contract's.</summary>
    public NormalisationProtocol Protocol { get; } = protocol;

    /// <summary>
    /// A Berichtsmonat: JJJJMM as the contract writes it, or a month and year as exports write them (<c>01/2017</c>,
    /// <c>Jan 2017</c>, <c>2017-01</c>, <c>Januar 2017</c>; <see cref="GermanMonthName"/>), noted in the protocol
    /// at <paramref name="line"/>. A month without a year or a full date is not read: which month is meant would be guessed.
    /// </summary>
    public DateOnly? Month(ReadOnlySpan<char> text, int line)
    {
        if (!_month.Matches(text, out var month))
        {
            (month, _monthNote) = ParseMonth(text);
            _month.Remember(text, month);
        }

        if (_monthNote is { } note)
        {
            Protocol.Add(note.Code, note.Raw, note.Message, null, line, "Berichtsmonat");
        }

        return month;
    }

    private static (DateOnly? Month, Normalisation? Note) ParseMonth(ReadOnlySpan<char> text)
    {
        if (text.Length == 6)
        {
            Span<char> day = stackalloc char[8];
            text.CopyTo(day);
            day[6] = '0';
            day[7] = '1';
            return (DateOnly.TryParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : null, null);
        }

        var raw = text.ToString();
        if (Csv.GermanValues.TryDate(raw, out _) || GermanMonthName.Read(raw) is not { Year: { } year } heading)
        {
            return (null, null);
        }

        var month = new DateOnly(year, heading.Month, 1);
        var read = string.Create(CultureInfo.InvariantCulture, $"{GermanMonthName.FullName(heading.Month)} {year}");
        return (month, new Normalisation(NormalisationCodes.MonthValue, raw, $"Berichtsmonat '{raw}' als {read} gelesen"));
    }

    /// <summary>
    /// Notes a label field (Merkmal, Region) written with non-breaking or doubled spaces; those read as single spaces
    /// (<see cref="BaStatistikMapping.Normalise"/>, <see cref="BaRegion"/>). Called only for fields that have such a space.
    /// </summary>
    public void NoteLabel(string text, int line, string column)
    {
        if (!_labelNotes.TryGetValue(text, out var note))
        {
            GermanLabel.Read(text, out note);
            if (_labelNotes.Count < MaxCached)
            {
                _labelNotes[text] = note;
            }
        }

        Protocol.Note(note, null, line, column);
    }

    /// <summary>A Datenstand TT.MM.JJJJ.</summary>
    public DateOnly? Status(ReadOnlySpan<char> text)
    {
        if (_status.Matches(text, out var cached))
        {
            return cached;
        }

        DateOnly? status = DateOnly.TryParseExact(text, "dd.MM.yyyy", GermanValues.Culture, DateTimeStyles.None, out var s) ? s : null;
        _status.Remember(text, status);
        return status;
    }

    public MerkmalMapping? Merkmal(BaStatistikMapping mapping, ReadOnlySpan<char> text)
    {
        var lookup = _merkmale.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var label = text.ToString();
        var found = mapping.FindMerkmal(label);
        if (_merkmale.Count < MaxCached)
        {
            _merkmale[label] = found;
        }

        return found;
    }

    public (Area? Area, ReasonCode? Reason, string? Column, string? Raw, string? Message) Region(
        AreaCatalog areas, string regionType, RowFields fields, BaLongCsvReader.Columns columns)
    {
        var key = fields.Get(columns.RegionKey);
        var name = fields.Get(columns.Region);
        var length = regionType.Length + key.Length + name.Length + 2;
        if (_regionKey.Length < length)
        {
            _regionKey = new char[Math.Max(length, _regionKey.Length * 2)];
        }

        var composite = _regionKey.AsSpan(0, length);
        regionType.AsSpan().CopyTo(composite);
        composite[regionType.Length] = '\u001F';
        key.CopyTo(composite[(regionType.Length + 1)..]);
        composite[regionType.Length + 1 + key.Length] = '\u001F';
        name.CopyTo(composite[(regionType.Length + key.Length + 2)..]);
        var lookup = _regions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(composite, out var cached))
        {
            return cached;
        }

        var resolved = BaRegion.Resolve(areas, regionType, key.ToString(), GermanLabel.Normalise(name.ToString()));
        if (_regions.Count < MaxCached)
        {
            _regions[composite.ToString()] = resolved;
        }

        return resolved;
    }

    public string SeriesKey(string indicatorCode)
    {
        if (!_seriesKeys.TryGetValue(indicatorCode, out var key))
        {
            _seriesKeys[indicatorCode] = key = BaStatistikReader.SeriesKey(indicatorCode);
        }

        return key;
    }

    /// <summary>The last text parsed in a column and what it gave: months and Datenstand repeat over long runs of rows.</summary>
    private sealed class LastParsed
    {
        private readonly char[] _text = new char[16];
        private int _length = -1;
        private DateOnly? _value;

        public bool Matches(ReadOnlySpan<char> text, out DateOnly? value)
        {
            value = _value;
            return _length == text.Length && text.SequenceEqual(_text.AsSpan(0, _length));
        }

        public void Remember(ReadOnlySpan<char> text, DateOnly? value)
        {
            if (text.Length > _text.Length)
            {
                _length = -1;
                return;
            }

            text.CopyTo(_text);
            _length = text.Length;
            _value = value;
        }
    }
}

/// <summary>
/// The fields of the current row the reader needs, decoded once into one reusable buffer and trimmed as
/// <c>string.Trim()</c> trims; a column past the end of a short row reads as empty.
/// </summary>
internal sealed class RowFields(BaLongCsvReader.Columns columns)
{
    /// <summary>Spaces of copied web pages and word processors that no contract writes in a label.</summary>
    private static readonly System.Buffers.SearchValues<char> OddSpaces = System.Buffers.SearchValues.Create("\u00A0\u202F\u2007\t");

    private readonly int[] _start = new int[columns.Headers.Count];
    private readonly int[] _length = new int[columns.Headers.Count];
    private readonly int[] _rawStart = new int[columns.Headers.Count];
    private readonly int[] _rawLength = new int[columns.Headers.Count];
    private readonly int[] _labels = [columns.RegionType, columns.Region, columns.Merkmal];
    private readonly int[] _needed = [columns.Month, columns.DataStatus, columns.RegionType, columns.RegionKey, columns.Region, columns.Merkmal, columns.Value];
    private char[] _buffer = new char[1024];

    public void Load(CsvReader reader)
    {
        var bytes = 0;
        foreach (var index in _needed)
        {
            bytes += index < reader.FieldCount ? reader.GetSpan(index).Length : 0;
        }

        // UTF-8 never needs fewer bytes than UTF-16 needs chars.
        if (_buffer.Length < bytes)
        {
            _buffer = new char[Math.Max(bytes, _buffer.Length * 2)];
        }

        var position = 0;
        foreach (var index in _needed)
        {
            var written = index < reader.FieldCount ? reader.GetChars(index, _buffer.AsSpan(position)) : 0;
            var field = _buffer.AsSpan(position, written);
            var trimmed = field.Trim();
            _start[index] = position + (field.Length - field.TrimStart().Length);
            _length[index] = trimmed.Length;
            _rawStart[index] = position;
            _rawLength[index] = written;
            position += written;
        }

        HasOddSpace = false;
        foreach (var index in _labels)
        {
            HasOddSpace |= HasOddSpaceIn(index);
        }
    }

    /// <summary>Whether a label field (Regionstyp, Region, Merkmal) of the row has a non-breaking, tab or doubled space.</summary>
    public bool HasOddSpace { get; private set; }

    /// <summary>Whether the field has a non-breaking, tab or doubled space anywhere, its ends included.</summary>
    public bool HasOddSpaceIn(int index)
    {
        var raw = _buffer.AsSpan(_rawStart[index], _rawLength[index]);
        return raw.IndexOfAny(OddSpaces) >= 0 || raw.IndexOf("  ", StringComparison.Ordinal) >= 0;
    }

    /// <summary>The field as the parser gave it, before trimming.</summary>
    public string Untrimmed(int index) => _buffer.AsSpan(_rawStart[index], _rawLength[index]).ToString();

    public ReadOnlySpan<char> Get(int index) => _buffer.AsSpan(_start[index], _length[index]);

    public string Text(int index) => Get(index).ToString();
}

/// <summary>
/// The indicator, month and area keys of the values accepted so far, for the duplicate check: one bit per month in a
/// small window per indicator and area, so memory is bounded by the catalog's indicators × areas, not by the rows.
/// </summary>
internal sealed class ObservationKeys
{
    private readonly Dictionary<(string Indicator, string Area), MonthBits> _months = [];

    /// <summary>Adds the key; false when it was there already.</summary>
    public bool Add(Indicator indicator, DateOnly month, Area area)
    {
        var key = (indicator.Code, area.Code);
        if (!_months.TryGetValue(key, out var bits))
        {
            _months[key] = bits = new MonthBits();
        }

        return bits.Add((month.Year * 12) + month.Month - 1);
    }

    private sealed class MonthBits
    {
        private int _origin;
        private ulong[] _words = [];

        public bool Add(int month)
        {
            if (_words.Length == 0)
            {
                _origin = month & ~63;
                _words = new ulong[1];
            }
            else if (month < _origin)
            {
                var shift = (_origin - month + 63) / 64;
                var grown = new ulong[_words.Length + shift];
                Array.Copy(_words, 0, grown, shift, _words.Length);
                _words = grown;
                _origin -= shift * 64;
            }

            var offset = month - _origin;
            var word = offset >> 6;
            if (word >= _words.Length)
            {
                Array.Resize(ref _words, word + 1);
            }

            var bit = 1UL << (offset & 63);
            if ((_words[word] & bit) != 0)
            {
                return false;
            }

            _words[word] |= bit;
            return true;
        }
    }
}
