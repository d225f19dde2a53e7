using System.Globalization;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Synthetic.BaStatistik;

/// <summary>
/// The shipped BA-Statistik samples for 2017 (inbox <c>ba-statistik</c>): two monthly Arbeitsmarktreport tables and
/// three special evaluations, one of them a revision with a later Datenstand.
/// </summary>
public static class BaSampleSet
{
    /// <summary>The June 2017 Arbeitsmarktreport (<c>.xlsx</c>); U25 unemployment rate SGB II 6,1 %.</summary>
    public const string JuneTable = "BA_AMR_05711_201706.xlsx";

    /// <summary>The May 2017 Arbeitsmarktreport (legacy <c>.xls</c>, taller title block, merged header); U25 rate SGB II 6,3 %.</summary>
    public const string MayTable = "BA_AMR_05711_201705.xls";

    /// <summary>Unemployed lone parents (SGB II) per quarter, December 2016 to June 2017, Datenstand 13.07.2017.</summary>
    public const string LoneParents = "BA_SA_Alleinerziehende_20170714.csv";

    /// <summary>The revision: April to September 2017, Datenstand 12.10.2017; four figures of May and June changed.</summary>
    public const string LoneParentsRevision = "BA_SA_Alleinerziehende_20171013.csv";

    /// <summary>Entries into training and integrations (SGB II), city, January to June 2017, Datenstand 13.07.2017.</summary>
    public const string TrainingAndIntegrations = "BA_SA_AusbildungIntegration_20170714.csv";

    private const string LoneParentsMerkmal = "Arbeitslose Alleinerziehende SGB II";
    private const string Training = "Einmuendungen in Ausbildung";
    private const string Integrations = "Integrationen SGB II";
    private const string Rate = "Arbeitslosenquote bezogen auf alle zivilen Erwerbspersonen";

    private static readonly string[] Quarters = ["Sennestadt", "Baumheide", "Sieker"];

    // Per quarter, December 2016 to June 2017 (Datenstand 13.07.2017). Sieker's April figure is suppressed ('*').
    // Baselines (December 2016): Sennestadt 112, Baumheide 87, Sieker 64.
    private static readonly string[][] LoneParentsJuly =
    [
        ["112", "115", "114", "110", "108", "105", "104"],
        ["87", "89", "88", "86", "85", "83", "84"],
        ["64", "66", "65", "63", "*", "61", "60"],
    ];

    // Per quarter, April to September 2017 (Datenstand 12.10.2017): May and June revised for Sennestadt (106, 102),
    // June for Baumheide (82) and Sieker (59); April and May otherwise unchanged; July to September new.
    private static readonly string[][] LoneParentsOctober =
    [
        ["108", "106", "102", "101", "99", "98"],
        ["85", "83", "82", "81", "80", "79"],
        ["*", "61", "59", "58", "57", "57"],
    ];

    /// <summary>Entries into training, January to June 2017: 184 in all.</summary>
    public static readonly IReadOnlyList<int> TrainingJanToJun = [21, 18, 24, 31, 38, 52];

    /// <summary>Integrations SGB II, January to June 2017: 2.902 in all.</summary>
    public static readonly IReadOnlyList<int> IntegrationsJanToJun = [412, 455, 531, 487, 519, 498];

    /// <summary>The June 2017 Arbeitsmarktreport.</summary>
    public static BaTable June2017() => Arbeitsmarktreport(
        ["Arbeitsmarktreport – Eckwerte", "Region: Bielefeld, Stadt (05711000)", "Berichtsmonat: Juni 2017", "Datenstand: Juli 2017", "Erstellungsdatum: 13.07.2017"],
        [(12514m, 3087m, 9427m), (1108m, 402m, 706m), (1203m, 97m, 1106m), (5112m, 421m, 4691m), (1010m, 312m, 698m),
         (7.4m, 1.8m, 5.6m), (8.4m, 2.3m, 6.1m), (17.9m, 2.9m, 15.0m), (17420m, 4120m, 13300m)]);

    /// <summary>The May 2017 Arbeitsmarktreport, as an older download: one more title line, Merkmal merged over both header rows.</summary>
    public static BaTable May2017() => Arbeitsmarktreport(
        ["Arbeitsmarktreport – Eckwerte", "Region: Bielefeld, Stadt (05711000)", "Gebietsstand: Januar 2017", "Berichtsmonat: Mai 2017", "Datenstand: Juni 2017", "Erstellungsdatum: 14.06.2017"],
        [(12788m, 3166m, 9622m), (1164m, 428m, 736m), (1219m, 99m, 1120m), (5140m, 430m, 4710m), (1021m, 318m, 703m),
         (7.6m, 1.9m, 5.7m), (8.7m, 2.4m, 6.3m), (18.3m, 3.0m, 15.3m), (17610m, 4190m, 13420m)]) with { MergedMerkmalHeader = true };

    /// <summary>The lone-parent evaluation of 14 July 2017: 21 quarter values, one city row (context, skipped), one unknown quarter (rejected).</summary>
    public static IReadOnlyList<BaSpecialEvaluationRow> LoneParentsJuly2017()
    {
        var rows = new List<BaSpecialEvaluationRow>();
        for (var m = 0; m < 7; m++)
        {
            var month = new DateOnly(2016, 12, 1).AddMonths(m);
            rows.AddRange(Quarters.Select((q, i) => Quarter(month, "13.07.2017", q, LoneParentsJuly[i][m])));
        }

        rows.Add(new("201706", "13.07.2017", "Stadt", "05711000", "Bielefeld, Stadt", LoneParentsMerkmal, "1.106"));
        rows.Add(Quarter(new DateOnly(2017, 6, 1), "13.07.2017", "Sennestadt-Süd", "23"));
        return rows;
    }

    /// <summary>The revision of 13 October 2017: April to September, 18 quarter values.</summary>
    public static IReadOnlyList<BaSpecialEvaluationRow> LoneParentsOctober2017()
    {
        var rows = new List<BaSpecialEvaluationRow>();
        for (var m = 0; m < 6; m++)
        {
            var month = new DateOnly(2017, 4, 1).AddMonths(m);
            rows.AddRange(Quarters.Select((q, i) => Quarter(month, "12.10.2017", q, LoneParentsOctober[i][m])));
        }

        return rows;
    }

    /// <summary>
    /// Entries into training and integrations, city, January to June 2017; July's entries not yet available ('.'),
    /// July's integrations annotated by hand ('vorl. 498', rejected) and a row of Gütersloh (rejected).
    /// </summary>
    public static IReadOnlyList<BaSpecialEvaluationRow> TrainingAndIntegrationsJuly2017()
    {
        var rows = new List<BaSpecialEvaluationRow>();
        for (var m = 0; m < 6; m++)
        {
            rows.Add(City(new DateOnly(2017, m + 1, 1), Training, Count(TrainingJanToJun[m])));
        }

        rows.Add(City(new DateOnly(2017, 7, 1), Training, "."));
        for (var m = 0; m < 6; m++)
        {
            rows.Add(City(new DateOnly(2017, m + 1, 1), Integrations, Count(IntegrationsJanToJun[m])));
        }

        rows.Add(City(new DateOnly(2017, 7, 1), Integrations, "vorl. 498"));
        rows.Add(new("201706", "13.07.2017", "Stadt", "05754008", "Gütersloh, Stadt", Integrations, "301"));
        return rows;
    }

    /// <summary>
    /// Writes every sample file but the legacy <see cref="MayTable"/> into <paramref name="directory"/> (created if
    /// missing). No maintained library writes BIFF8 <c>.xls</c>, so <c>samples/inbox/ba-statistik/BA_AMR_05711_201705.xls</c>
    /// is a committed file holding <see cref="May2017"/>.
    /// </summary>
    /// <param name="directory">The target directory, e.g. <c>samples/inbox/ba-statistik</c>.</param>
    /// <returns>The written files' paths.</returns>
    public static IReadOnlyList<string> WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        string Target(string name)
        {
            var path = Path.Combine(directory, name);
            paths.Add(path);
            return path;
        }

        BaTableWriter.Write(June2017(), Target(JuneTable));
        BaSpecialEvaluationWriter.Write(LoneParentsJuly2017(), Target(LoneParents));
        BaSpecialEvaluationWriter.Write(LoneParentsOctober2017(), Target(LoneParentsRevision));
        BaSpecialEvaluationWriter.Write(TrainingAndIntegrationsJuly2017(), Target(TrainingAndIntegrations));
        return paths;
    }

    private static BaTable Arbeitsmarktreport(string[] title, (decimal Total, decimal SgbIII, decimal SgbII)[] figures)
    {
        string[] labels =
        [
            "Arbeitslose",
            "  darunter: Jugendliche unter 25 Jahren",
            "  Alleinerziehende",
            "  Langzeitarbeitslose",
            "  schwerbehinderte Menschen",
            Rate,
            "  Jugendliche 15 bis unter 25 Jahre",
            "  Ausländer",
            "Unterbeschäftigung (ohne Kurzarbeit)",
        ];
        return new BaTable("AMR", "Eckwerte", title, ["Merkmal", "Insgesamt", "SGB III", "SGB II"],
            [.. labels.Select((l, i) => new BaTableRow(l, [figures[i].Total, figures[i].SgbIII, figures[i].SgbII]))],
            [
                "© Statistik der Bundesagentur für Arbeit",
                "*) Aus Datenschutzgründen und Gründen der statistischen Geheimhaltung werden Zahlenwerte von 1 oder 2 und Daten, aus denen rechnerisch auf einen solchen Zahlenwert geschlossen werden kann, anonymisiert.",
                "Hinweise: Werte der Grundsicherung (SGB II) sind vorläufig und werden nach einer Wartezeit von drei Monaten revidiert.",
            ]);
    }

    private static BaSpecialEvaluationRow Quarter(DateOnly month, string status, string quarter, string value) =>
        new(month.ToString("yyyyMM", CultureInfo.InvariantCulture), status, "Quartier", quarter, quarter, LoneParentsMerkmal, value);

    private static BaSpecialEvaluationRow City(DateOnly month, string merkmal, string value) =>
        new(month.ToString("yyyyMM", CultureInfo.InvariantCulture), "13.07.2017", "Stadt", "05711000", "Bielefeld, Stadt", merkmal, value);

    private static string Count(int value) => value.ToString("#,0", GermanValues.Culture);
}
