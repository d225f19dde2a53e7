using System.Buffers.Binary;
using System.Numerics;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>
/// What a reader made of a field, keyed by the field's UTF-8 bytes as <c>CsvReader.GetSpan</c> gives them: a later row
/// with the same bytes finds the answer without decoding the field to text or hashing its chars. The answer itself is
/// always made from the decoded text (the reader's own rules), so the table holds for every encoding CsvHelper reads:
/// it hands over UTF-8 bytes also for a transcoded Windows-1252 file, and equal bytes decode to equal text. Bounded:
/// past its capacity in distinct keys new answers are not kept (the caller works them out again).
/// </summary>
/// <remarks>
/// Open addressing over two arrays rather than a <see cref="Dictionary{TKey, TValue}"/> with an alternate lookup: the
/// lookup runs once per row for a Merkmal, and the dictionary's calls through the comparer's interfaces cost more
/// than the hash itself (11 % of a row's time in the profile).
/// </remarks>
internal sealed class FieldBytesTable<TValue>
{
    // The seed differs per process, so that a file cannot be written to put its keys on one probe chain.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private readonly int _capacity;
    private byte[]?[] _keys = new byte[16][];
    private TValue[] _values = new TValue[16];
    private int _count;

    /// <summary>An empty table.</summary>
    /// <param name="capacity">The most keys kept; the table's memory is bounded by it, not by the file.</param>
    public FieldBytesTable(int capacity) => _capacity = capacity;

    /// <summary>The answer kept for <paramref name="bytes"/>, if any.</summary>
    public bool TryGet(ReadOnlySpan<byte> bytes, out TValue value)
    {
        var mask = _keys.Length - 1;
        for (var slot = Hash(bytes) & mask; _keys[slot] is { } key; slot = (slot + 1) & mask)
        {
            if (bytes.SequenceEqual(key))
            {
                value = _values[slot];
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="bytes"/> (not yet in the table) while the table has room.</summary>
    public void Add(ReadOnlySpan<byte> bytes, TValue value)
    {
        if (_count >= _capacity)
        {
            return;
        }

        // At most half full, so that a probe ends soon at an empty slot.
        if (2 * (_count + 1) > _keys.Length)
        {
            var (keys, values) = (_keys, _values);
            _keys = new byte[keys.Length * 2][];
            _values = new TValue[keys.Length * 2];
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] is { } key)
                {
                    Put(key, values[i]);
                }
            }
        }

        Put(bytes.ToArray(), value);
        _count++;
    }

    private void Put(byte[] key, TValue value)
    {
        var mask = _keys.Length - 1;
        var slot = Hash(key) & mask;
        while (_keys[slot] is not null)
        {
            slot = (slot + 1) & mask;
        }

        _keys[slot] = key;
        _values[slot] = value;
    }

    /// <summary>Eight bytes at a time, multiplied and rotated (a field is a few dozen bytes).</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = Seed ^ (ulong)bytes.Length;
        while (bytes.Length >= sizeof(ulong))
        {
            hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[sizeof(ulong)..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = Mix(hash, tail);
        return (int)(hash ^ (hash >> 32)) & int.MaxValue;
    }

    private static ulong Mix(ulong hash, ulong word) => BitOperations.RotateLeft((hash ^ word) * 0x9E3779B97F4A7C15UL, 29);
}
