using System.Buffers;
using System.Text;
using CsvHelper;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>
/// The fields of the current row the reader needs, trimmed as <c>string.Trim()</c> trims; a column past the end of a
/// short row reads as empty. A field is decoded only when its bytes differ from the row before: a long CSV repeats
/// month, Datenstand and region over long runs of rows, so most rows decode only Merkmal and Wert, and the caches
/// above compare <see cref="Version"/> with the version they resolved before they look anything up.
/// </summary>
internal sealed class RowFields
{
    /// <summary>Spaces of copied web pages and word processors that no contract writes in a label.</summary>
    private static readonly SearchValues<char> OddSpaces = SearchValues.Create("\u00A0\u202F\u2007\t");

    private readonly Field?[] _fields;
    private readonly int[] _needed;
    private readonly int[] _labels;

    public RowFields(BaLongCsvReader.Columns columns)
    {
        _needed = [columns.Month, columns.DataStatus, columns.RegionType, columns.RegionKey, columns.Region, columns.Merkmal, columns.Value];
        _labels = [columns.RegionType, columns.Region, columns.Merkmal];
        _fields = new Field?[columns.Headers.Count];
        foreach (var index in _needed)
        {
            _fields[index] = new Field(_labels.Contains(index));
        }
    }

    public void Load(CsvReader reader)
    {
        foreach (var index in _needed)
        {
            _fields[index]!.Load(reader, index);
        }

        HasOddSpace = false;
        foreach (var index in _labels)
        {
            HasOddSpace |= _fields[index]!.OddSpace;
        }
    }

    /// <summary>Whether a label field (Regionstyp, Region, Merkmal) of the row has a non-breaking, tab or doubled space.</summary>
    public bool HasOddSpace { get; private set; }

    /// <summary>Whether the label field has a non-breaking, tab or doubled space anywhere, its ends included (false for the other fields).</summary>
    public bool HasOddSpaceIn(int index) => _fields[index]!.OddSpace;

    /// <summary>
    /// A number that changes whenever the field's bytes change from one loaded row to the next (1 for the first row). A
    /// cache keeps the version it resolved and may reuse its answer while the version is the same, whatever rows it
    /// was not asked about in between.
    /// </summary>
    public long Version(int index) => _fields[index]!.Version;

    /// <summary>The field as the parser gave it, before trimming.</summary>
    public string Untrimmed(int index) => _fields[index]!.Raw.ToString();

    public ReadOnlySpan<char> Get(int index) => _fields[index]!.Trimmed;

    public string Text(int index) => Get(index).ToString();

    /// <summary>The field's UTF-8 bytes as the parser gave them (spaces and tabs at the ends removed).</summary>
    public ReadOnlySpan<byte> Bytes(int index) => _fields[index]!.Bytes;

    /// <summary>One field: its last bytes, checked for odd spaces once per change, and their text, decoded when asked for.</summary>
    /// <param name="label">Whether the field is a label, whose odd spaces are noted; the others are not searched for them.</param>
    private sealed class Field(bool label)
    {
        private byte[] _bytes = new byte[64];
        private int _byteLength = -1;
        private char[] _chars = new char[64];
        private bool _decoded;
        private int _rawLength;
        private int _start;
        private int _length;

        public long Version { get; private set; }

        public bool OddSpace { get; private set; }

        public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _byteLength);

        public ReadOnlySpan<char> Raw => Decoded()[.._rawLength];

        public ReadOnlySpan<char> Trimmed => Decoded().Slice(_start, _length);

        public void Load(CsvReader reader, int index)
        {
            var present = index < reader.FieldCount;
            var bytes = present ? reader.GetSpan(index) : default;
            if (_byteLength == bytes.Length && bytes.SequenceEqual(_bytes.AsSpan(0, _byteLength)))
            {
                return;
            }

            Version++;

            if (_bytes.Length < bytes.Length)
            {
                _bytes = new byte[Math.Max(bytes.Length, _bytes.Length * 2)];
                _chars = new char[_bytes.Length]; // UTF-8 never needs fewer bytes than UTF-16 needs chars
            }

            bytes.CopyTo(_bytes);
            _byteLength = bytes.Length;
            _decoded = false;

            // Printable ASCII has no odd space but a doubled one, and widens later to the chars the reader's decoding
            // gives; anything else is decoded by the reader itself, now, while the reader stands on the row.
            if (bytes.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0)
            {
                OddSpace = label && bytes.IndexOf("  "u8) >= 0;
                return;
            }

            _rawLength = present ? reader.GetChars(index, _chars) : 0;
            Trim();
            var raw = Raw;
            OddSpace = label && (raw.IndexOfAny(OddSpaces) >= 0 || raw.IndexOf("  ", StringComparison.Ordinal) >= 0);
        }

        private Span<char> Decoded()
        {
            if (!_decoded)
            {
                Ascii.ToUtf16(Bytes, _chars, out _rawLength);
                Trim();
            }

            return _chars;
        }

        private void Trim()
        {
            ReadOnlySpan<char> raw = _chars.AsSpan(0, _rawLength);
            _start = raw.Length - raw.TrimStart().Length;
            _length = raw.Trim().Length;
            _decoded = true;
        }
    }
}
