using System.Globalization;

namespace Bielefeld.Etl.Synthetic.Einwohnermeldeamt;

/// <summary>
/// Synthetic population counts (contract <c>einwohnermeldeamt.md</c>) at any scale: <c>EWO_Bestand_&lt;yyyyMMdd&gt;.csv</c>
/// per quarter-end reference date (31.12.2017, then earlier quarter ends when a file would exceed
/// <see cref="SyntheticCsv.MaxRowsPerFile"/>), UTF-8 with BOM, <c>;</c>, one header row. A file holds 108 rows per
/// statistical quarter (18 age bands × 3 sexes × 2 migration backgrounds): first the quarters of config/bereiche.yml in
/// their districts, then made-up quarters (<c>Statistikquartier 00001</c> …) spread over the ten districts; every
/// (quarter, band, sex, migration) once. Every <c>badEvery</c>-th row is broken in turn: an unknown age band
/// (<c>62-66</c>), an unreadable count (<c>k.A.</c>), a negative count; the reader rejects exactly those.
/// </summary>
/// <param name="rows">Count rows over all files.</param>
/// <param name="seed">The same seed writes the same bytes.</param>
/// <param name="badEvery">Every this-many-th row is deliberately broken; 0 for none.</param>
public sealed class EinwohnerCountGenerator(long rows, int seed, int badEvery = BadRows.DefaultEvery) : CsvExtractGenerator(rows, seed, badEvery)
{
    /// <summary>The header as the contract names the columns.</summary>
    public const string Header = "Stichtag;Stadtbezirk_Nr;Stadtbezirk;Quartier;Altersgruppe;Geschlecht;Migrationshintergrund;Anzahl";

    /// <summary>Rows per statistical quarter.</summary>
    public const int RowsPerQuarter = 108;

    private static readonly string[] AgeBands =
        ["0-2", "3-5", "6-9", "10-14", "15-17", "18-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54", "55-59", "60-64", "65-69", "70-74", "75-79", "80+"];

    private static readonly string[] Districts = ["Mitte", "Schildesche", "Gadderbaum", "Brackwede", "Dornberg", "Jöllenbeck", "Heepen", "Stieghorst", "Sennestadt", "Senne"];
    private static readonly string[] Sexes = ["m", "w", "d"];
    private static readonly string[] YesNo = ["J", "N"];

    // The quarters of config/bereiche.yml and their district numbers.
    private static readonly (string Name, int District)[] KnownQuarters =
    [
        ("Nördlicher Innenstadtrand", 1), ("Schildesche", 2), ("Gadderbaum", 3), ("Brackwede", 4), ("Kammerich", 4), ("Dornberg", 5),
        ("Jöllenbeck", 6), ("Oberlohmannshof", 6), ("Heepen", 7), ("Baumheide", 7), ("Stieghorst", 8), ("Sieker", 8), ("Sieker-Mitte", 8), ("Sennestadt", 9),
    ];

    /// <inheritdoc />
    public override string Source => "einwohnermeldeamt";

    /// <summary>The reference date of the 0-based file <paramref name="index"/>: 31.12.2017, 30.09.2017, … back by quarters.</summary>
    public static DateOnly ReferenceDate(int index) => new DateOnly(2018, 1, 1).AddMonths(-3 * index).AddDays(-1);

    /// <summary>The name of the 0-based statistical quarter <paramref name="index"/> and its district number (1 … 10).</summary>
    public static (string Name, int District) Quarter(long index) =>
        index < KnownQuarters.Length
            ? KnownQuarters[index]
            : (string.Create(CultureInfo.InvariantCulture, $"Statistikquartier {index - KnownQuarters.Length + 1:D5}"), (int)(index % 10) + 1);

    /// <inheritdoc />
    protected override string FileNameOf(int fileIndex) => string.Create(CultureInfo.InvariantCulture, $"EWO_Bestand_{ReferenceDate(fileIndex):yyyyMMdd}.csv");

    /// <inheritdoc />
    protected override void WriteFile(string path, int fileIndex, long first, long rows, Random random)
    {
        var date = ReferenceDate(fileIndex);
        var stichtag = SyntheticCsv.German(date);
        using var writer = SyntheticCsv.Create(path, SyntheticCsv.Utf8Bom, "\n");
        WriteHead(writer, Header);
        for (long r = 0; r < rows; r++)
        {
            // Row numbers restart in every file: each file is a complete reference date of its own.
            var (quarter, district) = Quarter(r / RowsPerQuarter);
            var combination = (int)(r % RowsPerQuarter);
            var band = AgeBands[combination / 6];
            var sex = Sexes[combination / 2 % 3];
            var migration = YesNo[combination % 2];
            var count = random.Next(migration == "J" ? 60 : 250).ToString(CultureInfo.InvariantCulture);
            var i = first + r;
            if (BadRows.IsBad(i, BadEvery))
            {
                switch ((i + 1) / BadEvery % 3)
                {
                    case 1:
                        band = "62-66";
                        break;
                    case 2:
                        count = "k.A.";
                        break;
                    default:
                        count = "-3";
                        break;
                }
            }

            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stichtag};{district:D2};{Districts[district - 1]};{quarter};{band};{sex};{migration};{count}"));
        }
    }
}
