using System.Globalization;

namespace Bielefeld.Etl.Synthetic.Prosoz;

/// <summary>
/// Synthetic Prosoz HzE exports (contract <c>prosoz.md</c>) at any scale: <c>Prosoz_HzE_&lt;yyyy&gt;1231.csv</c>, one full
/// snapshot per plan year (2017, then earlier years when a file would exceed <see cref="SyntheticCsv.MaxRowsPerFile"/>),
/// Windows-1252, <c>;</c>, CRLF, one header row, German dates. Every row is a made-up case (<c>HZE-2017-0000001</c> …);
/// nobody real. Every <c>badEvery</c>-th row is inconsistent in turn: an unknown paragraph (<c>99</c>), an end before the
/// start, a residential help without Unterbringung, an unknown district (<c>Großdornberg</c>); the reader rejects exactly those.
/// </summary>
/// <param name="rows">Case rows over all files.</param>
/// <param name="seed">The same seed writes the same bytes.</param>
/// <param name="badEvery">Every this-many-th row is deliberately inconsistent; 0 for none.</param>
public sealed class ProsozCaseGenerator(long rows, int seed, int badEvery = BadRows.DefaultEvery) : CsvExtractGenerator(rows, seed, badEvery)
{
    /// <summary>The header as the contract names the columns.</summary>
    public const string Header =
        "Fallnummer;Paragraph;Stationaer;Unterbringung;Hilfebeginn;Hilfeende;Stadtbezirk;Entscheidung_Datum;Anbieterdatenbank;Hilfeplan_Datum;Ziele_smart;Verfahren_neu";

    private static readonly string[] Paragraphs = ["27", "29", "30", "31", "32", "33", "34", "35", "35a", "41", "42"];
    private static readonly string[] Districts =
        ["Mitte", "Schildesche", "Gadderbaum", "Brackwede", "Dornberg", "Jöllenbeck", "Heepen", "Stieghorst", "Sennestadt", "Senne", "unbekannt"];

    private static readonly string[] YesNoEmpty = ["J", "N", ""];

    /// <inheritdoc />
    public override string Source => "prosoz";

    /// <summary>The export file of plan year <paramref name="year"/>.</summary>
    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"Prosoz_HzE_{year:D4}1231.csv");

    /// <inheritdoc />
    protected override string FileNameOf(int fileIndex) => FileName(2017 - fileIndex);

    /// <inheritdoc />
    protected override void WriteFile(string path, int fileIndex, long first, long rows, Random random)
    {
        var year = 2017 - fileIndex;
        var export = new DateOnly(year, 12, 31);
        using var writer = SyntheticCsv.Create(path, SyntheticCsv.Windows1252, "\r\n");
        WriteHead(writer, Header);
        for (var i = first; i < first + rows; i++)
        {
            var paragraph = Paragraphs[random.Next(Paragraphs.Length)];
            var residential = paragraph is "33" or "34" or "35a" or "41" or "42" ? random.NextDouble() < 0.8 : random.NextDouble() < 0.1;
            var place = residential ? (random.NextDouble() < 0.35 ? "auswaertig" : "oertlich") : "";
            var start = SyntheticCsv.Day(random, new DateOnly(year - 1, 1, 1), new DateOnly(year, 12, 15));
            DateOnly? end = random.NextDouble() < 0.3 ? start.AddDays(30 + random.Next(300)) : null;
            if (end > export)
            {
                end = null;
            }

            var district = Districts[random.Next(Districts.Length)];
            var decision = start.AddDays(-random.Next(30));
            var database = YesNoEmpty[random.Next(YesNoEmpty.Length)];
            DateOnly? plan = random.NextDouble() < 0.7 ? start.AddDays(20 + random.Next(200)) : null;
            if (plan > export)
            {
                plan = null;
            }

            var goals = plan is null ? "" : random.Next(6).ToString(CultureInfo.InvariantCulture);
            var revised = plan is null ? "" : YesNoEmpty[random.Next(YesNoEmpty.Length)];

            if (BadRows.IsBad(i, BadEvery))
            {
                switch ((i + 1) / BadEvery % 4)
                {
                    case 1:
                        paragraph = "99";
                        break;
                    case 2:
                        end = start.AddDays(-5);
                        break;
                    case 3:
                        residential = true;
                        place = "";
                        break;
                    default:
                        district = "Großdornberg";
                        break;
                }
            }

            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HZE-{year:D4}-{i + 1:D7};{paragraph};{(residential ? "J" : "N")};{place};{SyntheticCsv.German(start)};{(end is { } e ? SyntheticCsv.German(e) : "")};{district};{SyntheticCsv.German(decision)};{database};{(plan is { } p ? SyntheticCsv.German(p) : "")};{goals};{revised}"));
        }
    }
}
