namespace Bielefeld.Etl.Synthetic.Kaf;

/// <summary>The shipped KAF sample workbooks: five projects' controlling for 2017, as saved on 5 July.</summary>
public static class KafSampleSet
{
    private const int Year = 2017;
    private const string Coaching = "Teilnehmende in Coachingprozessen";
    private const string Stadtumbau = "darunter aus Stadtumbaugebieten";
    private const string Placements = "Vermittlungen in sv-pflichtige Beschäftigung";
    private const string WorkOpportunities = "Teilnehmende an Arbeits- und Beschäftigungsmöglichkeiten";
    private const string LanguageCourses = "Teilnehmende an Sprachkursen";
    private const string ChildrenAndParents = "Erreichte Kinder und Eltern";

    // January to June 2017. The project totals land near half of the 2017 targets so the dashboard shows a
    // realistic mix: REGE-9 coaching 262 of 530 (half: 265), darunter Stadtumbau 75 of 160, placements 46 of 97
    // (37 once the FIM row is rejected); REGE-10 THEO coaching 13 of 25; REGE-11 129 of 248; REGE-12 183 of 371;
    // REGE-13 1270 of 2570. The zeros are "reported: none". The one SumOverride is the set's only rejectable
    // row: FIM's placements sum to 9, but a steward typed 11 over the Summe formula.
    private static readonly (string Code, string Name, bool Legacy, (string Label, int[] JanToJun, int? Summe)[] Rows)[] Figures =
    [
        ("THEO", "Bildungslotsin Theodora", true,
        [
            (Coaching,          [3, 2, 2, 1, 3, 2], null),
            (Placements,        [0, 1, 1, 0, 2, 1], null),
        ]),
        ("COACH", "Coaching langzeitarbeitsloser Menschen", false,
        [
            (Coaching,          [34, 31, 29, 36, 30, 28], null),
            (Stadtumbau,        [14, 12, 11, 15, 13, 10], null),
            (Placements,        [4, 5, 6, 4, 7, 6], null),
        ]),
        ("FIM", "Flüchtlingsintegrationsmaßnahmen", false,
        [
            (WorkOpportunities, [22, 18, 25, 19, 21, 24], null),
            (Coaching,          [11, 9, 12, 8, 10, 11], null),
            (Placements,        [1, 2, 0, 2, 3, 1], 11),
        ]),
        ("SPRACH", "kommunale Einstiegs- und Sondersprachkurse", false,
        [
            (LanguageCourses,   [38, 27, 31, 35, 22, 30], null),
        ]),
        ("ERNAEHR", "Ernährungsbildung für Bielefelder Kinder", false,
        [
            (ChildrenAndParents, [212, 238, 195, 264, 241, 120], null),
        ]),
    ];

    /// <summary>
    /// The 2017 sample workbooks with their format (<c>Legacy</c> = <c>.xls</c>): January to June reported,
    /// July to December empty, remarks <c>Stand: 05.07.2017</c>. January–June sums per Kennzahl:
    /// <list type="bullet">
    /// <item>THEO (legacy <c>.xls</c>): Teilnehmende in Coachingprozessen 13; Vermittlungen in sv-pflichtige Beschäftigung 5.</item>
    /// <item>COACH: Teilnehmende in Coachingprozessen 188; darunter aus Stadtumbaugebieten 75; Vermittlungen 32.</item>
    /// <item>
    /// FIM: Teilnehmende an Arbeits- und Beschäftigungsmöglichkeiten 129; Teilnehmende in Coachingprozessen 61;
    /// Vermittlungen 9 with Summe typed over as 11 (the set's only rejectable row).
    /// </item>
    /// <item>SPRACH: Teilnehmende an Sprachkursen 183.</item>
    /// <item>ERNAEHR: Erreichte Kinder und Eltern 1270.</item>
    /// </list>
    /// All projects: coaching 262, Stadtumbau 75, placements 46 (37 without the rejected FIM row).
    /// </summary>
    public static IReadOnlyList<(KafWorkbook Workbook, bool Legacy)> For2017() =>
        [.. Figures.Select(p => (new KafWorkbook(p.Code, p.Name, Year, [.. p.Rows.Select(ToRow)])
        {
            Remarks = ["Stand: 05.07.2017", "Bearbeitet von: REGE – KAF Controlling"],
        }, p.Legacy))];

    /// <summary>
    /// Writes the <c>.xlsx</c> workbooks of <see cref="For2017"/> into <paramref name="directory"/> (created if missing).
    /// The legacy <c>.xls</c> (THEO) is not written: no maintained library writes BIFF8, so
    /// <c>samples/inbox/kaf/KAF_THEO_2017.xls</c> is a committed file with these figures.
    /// </summary>
    /// <param name="directory">The target directory, e.g. <c>samples/inbox/kaf</c>.</param>
    /// <param name="variant">The real-workbook forms to write instead of the contract's; the figures stay the same.</param>
    /// <returns>The written files' paths, in <see cref="For2017"/> order.</returns>
    public static IReadOnlyList<string> WriteTo(string directory, SpreadsheetVariant variant = SpreadsheetVariant.None)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var workbook in For2017().Where(w => !w.Legacy).Select(w => w.Workbook with { Variant = variant }))
        {
            var path = Path.Combine(directory, KafWorkbookWriter.FileName(workbook.ProjectCode, workbook.Year));
            KafWorkbookWriter.Write(workbook, path);
            paths.Add(path);
        }

        return paths;
    }

    private static KafRow ToRow((string Label, int[] JanToJun, int? Summe) figures) =>
        new(figures.Label, [.. figures.JanToJun.Select(v => (decimal?)v), .. Enumerable.Repeat<decimal?>(null, 6)])
        {
            SumOverride = figures.Summe,
        };
}
