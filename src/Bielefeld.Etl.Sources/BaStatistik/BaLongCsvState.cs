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
    private readonly Dictionary<string, KnownMerkmal?> _merkmale = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Area? Area, ReasonCode? Reason, string? Column, string? Raw, string? Message)> _regions = new(StringComparer.Ordinal);
    private readonly LastParsed _month = new();
    private readonly Dictionary<string, Normalisation?> _labelNotes = new(StringComparer.Ordinal);
    private Normalisation? _monthNote;
    private readonly LastParsed _status = new();
    private char[] _regionKey = new char[256];
    private string? _lastRegionType;
    private (Area? Area, ReasonCode? Reason, string? Column, string? Raw, string? Message) _lastRegion;
    // The field versions (RowFields.Version) the last answers were resolved for; 0 = never (a loaded row is at least 1).
    private long _merkmalVersion;
    private long _regionTypeVersion;
    private long _regionKeyVersion;
    private long _regionVersion;
    private string? _lastRegionTypeRead;
    private KnownMerkmal? _lastMerkmal;

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

    /// <summary>The Regionstyp as the mapping spells it (case ignored), null when it is none; resolved again only when the field's bytes changed.</summary>
    public string? RegionType(ReadOnlySpan<char> text)
    {
        if (_regionTypeVersion != Fields.Version(Columns.RegionType))
        {
            _lastRegionTypeRead = null;
            foreach (var type in BaStatistikMapping.RegionTypes)
            {
                if (text.Equals(type, StringComparison.OrdinalIgnoreCase))
                {
                    _lastRegionTypeRead = type;
                    break;
                }
            }

            _regionTypeVersion = Fields.Version(Columns.RegionType);
        }

        return _lastRegionTypeRead;
    }

    /// <summary>The Merkmal of the row (null when the pipeline does not know it); looked up again only when the field's bytes changed.</summary>
    public KnownMerkmal? Merkmal(BaStatistikMapping mapping, ReadOnlySpan<char> text)
    {
        if (_merkmalVersion != Fields.Version(Columns.Merkmal))
        {
            _lastMerkmal = FindMerkmal(mapping, text);
            _merkmalVersion = Fields.Version(Columns.Merkmal);
        }

        return _lastMerkmal;
    }

    private KnownMerkmal? FindMerkmal(BaStatistikMapping mapping, ReadOnlySpan<char> text)
    {
        var lookup = _merkmale.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var label = text.ToString();
        var found = mapping.FindMerkmal(label) is { } known ? new KnownMerkmal(known, BaStatistikReader.SeriesKey(known.Indicator.Code), Seen.NumberOf(known.Indicator)) : null;
        if (_merkmale.Count < MaxCached)
        {
            _merkmale[label] = found;
        }

        return found;
    }

    public (Area? Area, ReasonCode? Reason, string? Column, string? Raw, string? Message) Region(
        AreaCatalog areas, string regionType, RowFields fields, BaLongCsvReader.Columns columns)
    {
        // Regionstyp is one of the mapping's constants, so the same type is the same string.
        if (!ReferenceEquals(_lastRegionType, regionType) || _regionKeyVersion != fields.Version(columns.RegionKey) || _regionVersion != fields.Version(columns.Region))
        {
            _lastRegion = FindRegion(areas, regionType, fields, columns);
            _lastRegionType = regionType;
            _regionKeyVersion = fields.Version(columns.RegionKey);
            _regionVersion = fields.Version(columns.Region);
        }

        return _lastRegion;
    }

    private (Area? Area, ReasonCode? Reason, string? Column, string? Raw, string? Message) FindRegion(
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
/// A Merkmal the pipeline maps, with the series key of its indicator and the Regionstypen it feeds, both made once
/// per distinct Merkmal, not per row.
/// </summary>
internal sealed class KnownMerkmal(MerkmalMapping mapping, string seriesKey, int keyNumber)
{
    private readonly bool[] _feeds = [.. BaStatistikMapping.RegionTypes.Select(mapping.Feeds)];

    public MerkmalMapping Mapping { get; } = mapping;

    public string SeriesKey { get; } = seriesKey;

    /// <summary>The indicator's number in the duplicate check (<see cref="ObservationKeys.NumberOf"/>).</summary>
    public int KeyNumber { get; } = keyNumber;

    /// <summary>Whether the Merkmal is loaded for <paramref name="regionType"/>, one of <see cref="BaStatistikMapping.RegionTypes"/>.</summary>
    public bool Feeds(string regionType)
    {
        for (var i = 0; i < _feeds.Length; i++)
        {
            if (ReferenceEquals(BaStatistikMapping.RegionTypes[i], regionType))
            {
                return _feeds[i];
            }
        }

        return Mapping.Feeds(regionType);
    }
}
