using System.Globalization;
using System.Text;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Synthetic.BaStatistik;

/// <summary>What a value cell of a generated long CSV holds.</summary>
public enum BaGeneratedValue
{
    /// <summary>A German number.</summary>
    Number,

    /// <summary><c>*</c>: suppressed for confidentiality.</summary>
    Suppressed,

    /// <summary><c>-</c>: exactly zero.</summary>
    Zero,

    /// <summary>A cell nobody can read as a number (<c>k.A.</c>); the reader must reject the row.</summary>
    Unreadable,
}

/// <summary>One generated row of a long CSV special evaluation, structured (the bench derives the normalised rows from it).</summary>
/// <param name="Month">The Berichtsmonat.</param>
/// <param name="DataStatus">The Datenstand.</param>
/// <param name="Quarter">The 0-based quarter (<see cref="BaLongCsvGenerator.QuarterName"/>).</param>
/// <param name="Merkmal">The 0-based Merkmal (<see cref="BaLongCsvGenerator.MerkmalLabel"/>).</param>
/// <param name="Kind">What the value cell holds.</param>
/// <param name="Value">The number when <paramref name="Kind"/> is <see cref="BaGeneratedValue.Number"/>.</param>
public readonly record struct BaGeneratedRow(DateOnly Month, DateOnly DataStatus, int Quarter, int Merkmal, BaGeneratedValue Kind, int Value);

/// <summary>
/// Long CSV special evaluations (contract <c>ba-statistik.md</c>, shape 2) at any scale, deterministic from a seed and
/// written as a stream (memory stays flat whatever the row count). Every row is a distinct (month, quarter, Merkmal):
/// months in the outer loop, then quarters, then Merkmale, as BA sorts its evaluations. Quarters and Merkmale are
/// synthetic (<c>Benchquartier 00001</c>, <c>Bench-Merkmal 01</c>); the bench writes the matching area hierarchy and
/// pipeline file.
/// </summary>
public sealed class BaLongCsvGenerator
{
    /// <summary>Creates a generator.</summary>
    /// <param name="rows">Data rows to write (the header not counted).</param>
    /// <param name="merkmale">Distinct Merkmale per quarter and month.</param>
    /// <param name="firstMonth">The first Berichtsmonat.</param>
    /// <param name="months">Months per quarter and Merkmal.</param>
    /// <param name="seed">The seed: the same seed writes the same bytes.</param>
    public BaLongCsvGenerator(long rows, int merkmale, DateOnly firstMonth, int months, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(merkmale, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        Rows = rows;
        Merkmale = merkmale;
        FirstMonth = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        Months = months;
        Seed = seed;
        Quarters = (int)Math.Max(1, (rows + ((long)merkmale * months) - 1) / ((long)merkmale * months));
    }

    /// <summary>Data rows written.</summary>
    public long Rows { get; }

    /// <summary>Distinct Merkmale.</summary>
    public int Merkmale { get; }

    /// <summary>The first Berichtsmonat.</summary>
    public DateOnly FirstMonth { get; }

    /// <summary>Months covered.</summary>
    public int Months { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>Quarters needed for <see cref="Rows"/> distinct rows.</summary>
    public int Quarters { get; }

    /// <summary>One row in a thousand is suppressed (<c>*</c>).</summary>
    public static double SuppressedShare => 0.001;

    /// <summary>One row in ten thousand holds an unreadable value and must be rejected.</summary>
    public static double UnreadableShare => 0.0001;

    /// <summary>The name of the 0-based quarter <paramref name="index"/>, as the population register would spell it.</summary>
    public static string QuarterName(int index) => string.Create(CultureInfo.InvariantCulture, $"Benchquartier {index + 1:00000}");

    /// <summary>The area code of the 0-based quarter <paramref name="index"/> in the bench's area hierarchy.</summary>
    public static string QuarterCode(int index) => string.Create(CultureInfo.InvariantCulture, $"quartier:bench-{index + 1:00000}");

    /// <summary>The label of the 0-based Merkmal <paramref name="index"/>.</summary>
    public static string MerkmalLabel(int index) => string.Create(CultureInfo.InvariantCulture, $"Bench-Merkmal {index + 1:00}");

    /// <summary>The rows in file order.</summary>
    public IEnumerable<BaGeneratedRow> Generate()
    {
        var random = new Random(Seed);
        long written = 0;
        for (var m = 0; m < Months; m++)
        {
            var month = FirstMonth.AddMonths(m);
            var status = month.AddMonths(1).AddDays(14);
            for (var q = 0; q < Quarters; q++)
            {
                for (var k = 0; k < Merkmale; k++)
                {
                    if (written++ == Rows)
                    {
                        yield break;
                    }

                    var draw = random.NextDouble();
                    var kind = draw < UnreadableShare ? BaGeneratedValue.Unreadable
                        : draw < UnreadableShare + SuppressedShare ? BaGeneratedValue.Suppressed
                        : draw < 0.02 ? BaGeneratedValue.Zero
                        : BaGeneratedValue.Number;
                    yield return new BaGeneratedRow(month, status, q, k, kind, kind == BaGeneratedValue.Number ? random.Next(3, 2_500) : 0);
                }
            }
        }
    }

    /// <summary>Writes the file as BA delivers it: UTF-8 with BOM, <c>;</c>, one header row, CRLF; returns the bytes written.</summary>
    public long Write(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        writer.Write("Berichtsmonat;Datenstand;Regionstyp;Regionsschluessel;Region;Merkmal;Wert\r\n");
        var labels = Enumerable.Range(0, Merkmale).Select(MerkmalLabel).ToArray();
        var names = new Dictionary<int, string>();
        foreach (var row in Generate())
        {
            writer.Write(row.Month.ToString("yyyyMM", CultureInfo.InvariantCulture));
            writer.Write(';');
            writer.Write(row.DataStatus.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            writer.Write(";Quartier;;");
            writer.Write(QuarterName(row.Quarter));
            writer.Write(';');
            writer.Write(labels[row.Merkmal]);
            writer.Write(';');
            writer.Write(row.Kind switch
            {
                BaGeneratedValue.Suppressed => "*",
                BaGeneratedValue.Zero => "-",
                BaGeneratedValue.Unreadable => "k.A.",
                _ => row.Value.ToString("#,##0", GermanValues.Culture),
            });
            writer.Write("\r\n");
        }

        writer.Flush();
        return stream.Length;
    }
}
