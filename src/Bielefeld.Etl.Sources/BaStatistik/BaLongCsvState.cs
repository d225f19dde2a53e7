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
    private readonly FieldBytesTable<KnownMerkmal?> _merkmale = new(MaxCached);
    private readonly FieldBytesTable<RegionAnswer> _regions = new(MaxCached);
    private readonly Dictionary<string, Normalisation?> _labelNotes = new(StringComparer.Ordinal);
    private DateOnly? _month;
    private Normalisation? _monthNote;
    private DateOnly? _status;
    private byte[] _regionKey = new byte[256];
    private string? _lastRegionType;
    private RegionAnswer? _lastRegion;
    // The field versions (RowFields.Version) the last answers were resolved for; 0 = never (a loaded row is at least 1).
    private long _monthVersion;
    private long _statusVersion;
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
    public DateOnly? Month(int line)
    {
        if (_monthVersion != Fields.Version(Columns.Month))
        {
            (_month, _monthNote) = ParseMonth(Fields.Get(Columns.Month));
            _monthVersion = Fields.Version(Columns.Month);
        }

        if (_monthNote is { } note)
        {
            Protocol.Add(note.Code, note.Raw, note.Message, null, line, "Berichtsmonat");
        }

        return _month;
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

    /// <summary>A Datenstand TT.MM.JJJJ; parsed again only when the field's bytes changed.</summary>
    public DateOnly? Status()
    {
        if (_statusVersion != Fields.Version(Columns.DataStatus))
        {
            _status = DateOnly.TryParseExact(Fields.Get(Columns.DataStatus), "dd.MM.yyyy", GermanValues.Culture, DateTimeStyles.None, out var s) ? s : null;
            _statusVersion = Fields.Version(Columns.DataStatus);
        }

        return _status;
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

    /// <summary>
    /// The Merkmal of the row (null when the pipeline does not know it): looked up again only when the field's bytes
    /// changed, and then by those bytes; the text is decoded and matched only for bytes not seen before.
    /// </summary>
    public KnownMerkmal? Merkmal(BaStatistikMapping mapping)
    {
        if (_merkmalVersion != Fields.Version(Columns.Merkmal))
        {
            var bytes = Fields.Bytes(Columns.Merkmal);
            if (!_merkmale.TryGet(bytes, out _lastMerkmal))
            {
                _lastMerkmal = mapping.FindMerkmal(Fields.Text(Columns.Merkmal)) is { } known
                    ? new KnownMerkmal(known, BaStatistikReader.SeriesKey(known.Indicator.Code), Seen.NumberOf(known.Indicator))
                    : null;
                _merkmale.Add(bytes, _lastMerkmal);
            }

            _merkmalVersion = Fields.Version(Columns.Merkmal);
        }

        return _lastMerkmal;
    }

    /// <summary>The area of the row, or why there is none; resolved again only when Regionstyp, key or name changed.</summary>
    public RegionAnswer Region(AreaCatalog areas, string regionType)
    {
        // Regionstyp is one of the mapping's constants, so the same type is the same string.
        if (_lastRegion is null || !ReferenceEquals(_lastRegionType, regionType)
            || _regionKeyVersion != Fields.Version(Columns.RegionKey) || _regionVersion != Fields.Version(Columns.Region))
        {
            _lastRegion = FindRegion(areas, regionType);
            _lastRegionType = regionType;
            _regionKeyVersion = Fields.Version(Columns.RegionKey);
            _regionVersion = Fields.Version(Columns.Region);
        }

        return _lastRegion;
    }

    /// <summary>
    /// Finds the region by the bytes of Regionstyp, key and name (the key's length written before it, so that no split
    /// of the same bytes between key and name gives the same lookup key); resolves the text for bytes not seen before.
    /// </summary>
    private RegionAnswer FindRegion(AreaCatalog areas, string regionType)
    {
        var key = Fields.Bytes(Columns.RegionKey);
        var name = Fields.Bytes(Columns.Region);
        var length = 1 + sizeof(int) + key.Length + name.Length;
        if (_regionKey.Length < length)
        {
            _regionKey = new byte[Math.Max(length, _regionKey.Length * 2)];
        }

        var composite = _regionKey.AsSpan(0, length);
        composite[0] = (byte)Array.IndexOf(BaStatistikMapping.RegionTypes, regionType);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(composite[1..], key.Length);
        key.CopyTo(composite[(1 + sizeof(int))..]);
        name.CopyTo(composite[(1 + sizeof(int) + key.Length)..]);
        if (_regions.TryGet(composite, out var cached))
        {
            return cached;
        }

        var (area, reason, column, raw, message) = BaRegion.Resolve(areas, regionType, Fields.Text(Columns.RegionKey), GermanLabel.Normalise(Fields.Text(Columns.Region)));
        var resolved = new RegionAnswer(area, reason, column, raw, message);
        _regions.Add(composite, resolved);
        return resolved;
    }
}

/// <summary>The area of a row, or why there is none (<see cref="BaRegion.Resolve"/>), kept as one object for the rows that repeat it.</summary>
internal sealed record RegionAnswer(Area? Area, ReasonCode? Reason, string? Column, string? Raw, string? Message);

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
