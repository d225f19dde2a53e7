using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>
/// Builds a fixed-size (128-bit) key from a row's key fields, so that duplicate checks of record-level readers keep
/// 16 bytes per distinct key instead of the fields' strings. One instance per pass; not thread-safe.
/// </summary>
/// <remarks>
/// Each field is hashed with its length in front, so the encoding of a field list is unambiguous ("ab","c" and
/// "a","bc" differ before hashing). Equal field lists give equal keys; two different field lists collide only by
/// chance: XxHash128 spreads keys evenly over 2^128 values, so among n distinct keys the odds of any collision are
/// about n²/2^129, for 10 million keys about 1.5·10^-25 — far below the odds of a hardware fault, so a collision
/// (which would reject a row as a duplicate wrongly) is not a practical concern. The key is not reversible: it keeps
/// no person identifier in readable form.
/// </remarks>
internal sealed class CompactKey
{
    private readonly XxHash128 _hash = new();
    private char[] _upper = new char[64];

    /// <summary>Starts a new key.</summary>
    public CompactKey Begin()
    {
        _hash.Reset();
        return this;
    }

    /// <summary>Adds a field as it is (ordinal).</summary>
    public CompactKey Add(ReadOnlySpan<char> field)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, field.Length);
        _hash.Append(length);
        _hash.Append(MemoryMarshal.AsBytes(field));
        return this;
    }

    /// <summary>Adds a field upper-cased with the invariant culture (as <see cref="string.ToUpperInvariant()"/>), without allocating a string.</summary>
    public CompactKey AddUpperInvariant(ReadOnlySpan<char> field)
    {
        if (_upper.Length < field.Length)
        {
            _upper = new char[Math.Max(field.Length, _upper.Length * 2)];
        }

        var written = field.ToUpperInvariant(_upper);
        return Add(_upper.AsSpan(0, written));
    }

    /// <summary>The key of the fields added since <see cref="Begin"/>.</summary>
    public UInt128 Finish() => _hash.GetCurrentHashAsUInt128();
}
