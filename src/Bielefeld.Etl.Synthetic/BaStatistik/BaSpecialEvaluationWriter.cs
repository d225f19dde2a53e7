using System.Text;

namespace Bielefeld.Etl.Synthetic.BaStatistik;

/// <summary>One row of a long CSV special evaluation (contract <c>ba-statistik.md</c>, shape 2), every field as delivered.</summary>
public sealed record BaSpecialEvaluationRow(
    string Berichtsmonat, string Datenstand, string Regionstyp, string Regionsschluessel, string Region, string Merkmal, string Wert);

/// <summary>Writes special evaluations as BA delivers them: UTF-8 with BOM, <c>;</c>, one header row, CRLF.</summary>
public static class BaSpecialEvaluationWriter
{
    /// <summary>The contract's header.</summary>
    public static readonly IReadOnlyList<string> Header = ["Berichtsmonat", "Datenstand", "Regionstyp", "Regionsschluessel", "Region", "Merkmal", "Wert"];

    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/>, overwriting it.</summary>
    /// <param name="rows">The rows in file order.</param>
    /// <param name="path">The target file.</param>
    /// <param name="header">Another header (drift tests); the contract's when null.</param>
    public static void Write(IEnumerable<BaSpecialEvaluationRow> rows, string path, IReadOnlyList<string>? header = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append(string.Join(';', header ?? Header)).Append("\r\n");
        foreach (var r in rows)
        {
            text.Append(string.Join(';', r.Berichtsmonat, r.Datenstand, r.Regionstyp, r.Regionsschluessel, r.Region, r.Merkmal, r.Wert)).Append("\r\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }
}
