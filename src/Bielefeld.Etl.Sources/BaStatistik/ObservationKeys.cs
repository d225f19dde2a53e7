using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>
/// The indicator, month and area keys of the values accepted so far, for the duplicate check: one bit per month in a
/// small window per indicator and area, so memory is bounded by the catalog's indicators × areas, not by the rows.
/// </summary>
/// <remarks>
/// Indicators and areas are keyed by their codes (two objects with the same code are the same key), but each object is
/// given a small number once: the rows hand over the catalog's objects again and again, so a row costs two lookups by
/// reference and two array indexes, not the hashing of two codes.
/// </remarks>
internal sealed class ObservationKeys
{
    private readonly Numbers _indicators = new();
    private readonly Numbers _areas = new();
    private MonthBits?[]?[] _months = [];

    /// <summary>Adds the key; false when it was there already.</summary>
    public bool Add(Indicator indicator, DateOnly month, Area area) => Add(NumberOf(indicator), month, area);

    /// <summary>The number that stands for <paramref name="indicator"/> in <see cref="Add(int, DateOnly, Area)"/>, for a caller that keeps it.</summary>
    public int NumberOf(Indicator indicator) => _indicators.Of(indicator, indicator.Code);

    /// <summary>Adds the key of the indicator numbered <paramref name="indicator"/> (<see cref="NumberOf"/>); false when it was there already.</summary>
    public bool Add(int indicator, DateOnly month, Area area)
    {
        var i = indicator;
        var a = _areas.Of(area, area.Code);
        if (i >= _months.Length)
        {
            Array.Resize(ref _months, Math.Max(i + 1, _months.Length * 2));
        }

        var byArea = _months[i] ??= new MonthBits?[Math.Max(16, a + 1)];
        if (a >= byArea.Length)
        {
            Array.Resize(ref byArea, Math.Max(a + 1, byArea.Length * 2));
            _months[i] = byArea;
        }

        var bits = byArea[a] ??= new MonthBits();
        return bits.Add((month.Year * 12) + month.Month - 1);
    }

    /// <summary>Dense numbers 0, 1, 2 … for codes, found through the objects that carry them.</summary>
    private sealed class Numbers
    {
        private readonly Dictionary<string, int> _byCode = new(StringComparer.Ordinal);
        private readonly Dictionary<object, int> _byCarrier = new(ReferenceEqualityComparer.Instance);
        private object? _last;
        private int _lastNumber;

        public int Of(object carrier, string code)
        {
            if (ReferenceEquals(carrier, _last))
            {
                return _lastNumber;
            }

            if (!_byCarrier.TryGetValue(carrier, out var number))
            {
                if (!_byCode.TryGetValue(code, out number))
                {
                    _byCode[code] = number = _byCode.Count;
                }

                _byCarrier[carrier] = number;
            }

            _last = carrier;
            _lastNumber = number;
            return number;
        }
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
