using System.Globalization;

namespace Bielefeld.Etl.Synthetic.Rekom;

/// <summary>
/// Synthetic REKOM exports (contract <c>rekom.md</c>) at any scale: <c>REKOM_Export_&lt;yyyy&gt;-12-31.csv</c>, one full
/// snapshot per plan year (2017, then earlier years when a file would exceed <see cref="SyntheticCsv.MaxRowsPerFile"/>),
/// Windows-1252, <c>;</c>, CRLF, one header row, German dates. Every row is a made-up participant (<c>T-0000001</c> …)
/// in one of the pipeline's projects; nobody real. Every <c>badEvery</c>-th row is inconsistent in turn: an unknown
/// project (<c>PROJEKTCODE_UNBEKANNT</c>), an exit before the entry (<c>AUSTRITT_VOR_EINTRITT</c>), a destination without an
/// exit (<c>VERBLEIB_OHNE_AUSTRITT</c>); the reader rejects exactly those.
/// </summary>
/// <param name="rows">Participant rows over all files.</param>
/// <param name="seed">The same seed writes the same bytes.</param>
/// <param name="badEvery">Every this-many-th row is deliberately inconsistent; 0 for none.</param>
public sealed class RekomExportGenerator(long rows, int seed, int badEvery = BadRows.DefaultEvery) : CsvExtractGenerator(rows, seed, badEvery)
{
    /// <summary>The header as the contract names the columns.</summary>
    public const string Header = "TN_ID;Projekt;Schulform;Quartier;Geschlecht;Migrationshintergrund;Eintritt;Austritt;Verbleib;Verbleib_Datum";

    private static readonly string[] Projects = ["UEM", "KAUSA", "JUSTIQ", "IFK"];
    private static readonly string[] SchoolTypes = ["HS", "GE", "RS", "GY", "SK", "BK"];
    private static readonly string[] Destinations = ["AUSB_DUAL", "AUSB_SCHUL", "EQ", "ARBEIT", "BILDUNG", "HOEHERE_SCHULE", "SONSTIGES", "UNBEKANNT"];
    private static readonly string[] Quarters =
        ["Sennestadt", "Sieker-Mitte", "Baumheide", "Nördlicher Innenstadtrand", "Brackwede", "Jöllenbeck", "Heepen", "Sieker", "Schildesche", "Stieghorst", "Kammerich"];

    private static readonly string[] Sexes = ["m", "w", "d"];
    private static readonly string[] Migration = ["J", "N", ""];

    /// <inheritdoc />
    public override string Source => "rekom";

    /// <summary>The export file of plan year <paramref name="year"/>.</summary>
    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"REKOM_Export_{year:D4}-12-31.csv");

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
            var project = Projects[random.Next(Projects.Length)];
            var school = SchoolTypes[random.Next(SchoolTypes.Length)];
            var quarter = Quarters[random.Next(Quarters.Length)];
            var sex = Sexes[random.Next(Sexes.Length)];
            var migration = Migration[random.Next(Migration.Length)];
            var entry = SyntheticCsv.Day(random, new DateOnly(year - 1, 8, 1), new DateOnly(year, 11, 30));
            DateOnly? exit = random.NextDouble() < 0.65 ? entry.AddDays(30 + random.Next(400)) : null;
            if (exit > export)
            {
                exit = null;
            }

            string? destination = null;
            DateOnly? destinationDate = null;
            if (exit is { } x && random.NextDouble() < 0.9)
            {
                destination = Destinations[random.Next(Destinations.Length)];
                destinationDate = SyntheticCsv.Min(x.AddDays(random.Next(45)), export);
            }

            if (BadRows.IsBad(i, BadEvery))
            {
                switch ((i + 1) / BadEvery % 3)
                {
                    case 1:
                        project = "XPROJ";
                        break;
                    case 2:
                        exit = entry.AddDays(-10);
                        destination = null;
                        destinationDate = null;
                        break;
                    default:
                        exit = null;
                        destination = "AUSB_DUAL";
                        destinationDate = SyntheticCsv.Min(entry.AddDays(60), export);
                        break;
                }
            }

            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"T-{i + 1:D7};{project};{school};{quarter};{sex};{migration};{SyntheticCsv.German(entry)};{(exit is { } e ? SyntheticCsv.German(e) : "")};{destination};{(destinationDate is { } d ? SyntheticCsv.German(d) : "")}"));
        }
    }
}
