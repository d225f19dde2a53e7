using System.Globalization;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Synthetic.BaStatistik;

namespace Bielefeld.Etl.Tests.Sources.BaStatistik;

/// <summary>
/// The long CSV reader finds Merkmal and region by the field's UTF-8 bytes once it has read those bytes before: a label
/// with umlauts, one that differs from a known one only inside a multi-byte character, and the same rows in a
/// Windows-1252 file must give exactly what the text gives.
/// </summary>
public sealed class BaLongCsvBytesSpecs : IDisposable
{
    private const string Status = "13.09.2017";
    private const string LoneParents = "Arbeitslose Alleinerziehende SGB II";
    private const string Training = "Einmündungen in Ausbildung";
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Rows that alternate between labels with and without umlauts, and near misses inside a multi-byte character.</summary>
    private static List<BaSpecialEvaluationRow> Alternating() =>
    [
        new("201706", Status, "Stadt", "05711", "Bielefeld", Training, "10"),
        new("201706", Status, "Quartier", "", "Nördlicher Innenstadtrand", LoneParents, "11"),
        new("201706", Status, "Stadt", "05711", "Bielefeld", "Einmûndungen in Ausbildung", "12"), // û: C3 BB, ü: C3 BC
        new("201706", Status, "Quartier", "", "Nórdlicher Innenstadtrand", LoneParents, "13"), // ó: C3 B3, ö: C3 B6
        new("201707", Status, "Stadt", "05711", "Bielefeld", Training, "14"),
        new("201707", Status, "Quartier", "", "Nördlicher Innenstadtrand", LoneParents, "15"),
        new("201707", Status, "Stadt", "05711", "Bielefeld", "Einmuendungen in Ausbildung", "16"),
        new("201708", Status, "Quartier", "", "Nördlicher Innenstadtrand", LoneParents, "17"),
        new("201708", Status, "Stadt", "05711", "Bielefeld", "Einmûndungen in Ausbildung", "18"),
        new("201708", Status, "Stadt", "05711", "Bielefeld", Training, "19"),
    ];

    private List<SourceRow> Read(IEnumerable<BaSpecialEvaluationRow> rows, SpreadsheetVariant variant = SpreadsheetVariant.None)
    {
        var path = _dir.File("BA_SA_Test_20170714.csv");
        BaSpecialEvaluationWriter.Write(rows, path, variant);
        return BaPipeline.ReadAll(BaPipeline.Reader, path).Rows;
    }

    /// <summary>Every data row as one line: loaded observations or rejected problems, so that two readings compare exactly.</summary>
    private static List<string> Outcomes(List<SourceRow> rows) =>
    [
        .. rows.Where(r => r.Row > 1).Select(r => r switch
        {
            SourceRow.Accepted a => string.Join(" | ", a.Observations.Select(o =>
                string.Create(CultureInfo.InvariantCulture, $"{r.Row} {o.IndicatorCode} {o.Month:yyyy-MM} {o.AreaCode} {o.SeriesKey} {o.Value}"))),
            SourceRow.Rejected j => string.Join(" | ", j.Problems.Select(p => $"{p.Row} {p.Column} '{p.RawValue}' {p.Reason.Code}")),
            SourceRow.Skipped s => $"{s.Row} skipped {s.Why}",
            _ => throw new InvalidOperationException(),
        }),
    ];

    [Fact]
    public void Labels_with_umlauts_are_found_row_after_row_and_a_near_miss_inside_a_character_is_rejected()
    {
        Assert.Equal(
        [
            "2 Jobcenter-1.1 2017-06 05711000 BA:Jobcenter-1.1 10",
            "3 Jobcenter-8.1 2017-06 quartier:noerdlicher-innenstadtrand BA:Jobcenter-8.1 11",
            "4 Merkmal 'Einmûndungen in Ausbildung' BA_MERKMAL_UNBEKANNT",
            "5 Region 'Nórdlicher Innenstadtrand' BA_REGION_UNBEKANNT",
            "6 Jobcenter-1.1 2017-07 05711000 BA:Jobcenter-1.1 14",
            "7 Jobcenter-8.1 2017-07 quartier:noerdlicher-innenstadtrand BA:Jobcenter-8.1 15",
            "8  '' BA_DOPPELT",
            "9 Jobcenter-8.1 2017-08 quartier:noerdlicher-innenstadtrand BA:Jobcenter-8.1 17",
            "10 Merkmal 'Einmûndungen in Ausbildung' BA_MERKMAL_UNBEKANNT",
            "11 Jobcenter-1.1 2017-08 05711000 BA:Jobcenter-1.1 19",
        ], Outcomes(Read(Alternating())));
    }

    [Fact]
    public void A_Windows_1252_file_gives_what_its_UTF_8_twin_gives()
    {
        var utf8 = Outcomes(Read(Alternating()));

        Assert.Equal(utf8, Outcomes(Read(Alternating(), SpreadsheetVariant.Windows1252)));
    }

    [Fact]
    public void Regionsschluessel_and_Region_are_told_apart_where_their_bytes_run_together()
    {
        // Key and name written one after the other are the same bytes in both rows; the reader must not take one for the other.
        var rows = Read(
        [
            new("201706", Status, "Quartier", "", "Sieker", LoneParents, "10"),
            new("201707", Status, "Quartier", "S", "ieker", LoneParents, "11"),
            new("201708", Status, "Quartier", "", "Sieker", LoneParents, "12"),
        ]);

        Assert.Equal(
        [
            "2 Jobcenter-8.1 2017-06 quartier:sieker BA:Jobcenter-8.1 10",
            "3 Region 'ieker' BA_REGION_UNBEKANNT",
            "4 Jobcenter-8.1 2017-08 quartier:sieker BA:Jobcenter-8.1 12",
        ], Outcomes(rows));
    }
}
