using Bielefeld.Etl.Synthetic.Kaf;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>
/// A large KAF workbook for loads that must be interrupted: one valid row, then <c>rows - 1</c> repetitions of it,
/// each rejected as a duplicate Kennzahl. Read = rows + 8 (title block and remarks), loaded 1, rejected rows - 1, skipped 8.
/// </summary>
public static class BigKafWorkbook
{
    public const string Name = "KAF_THEO_2017.xlsx";

    public static string Write(string folder, int rows)
    {
        var row = new KafRow("Teilnehmende in Coachingprozessen", [5, 6, 7, null, null, null, null, null, null, null, null, null]);
        var big = new KafWorkbook("THEO", "Bildungslotsin Theodora", 2017, [.. Enumerable.Repeat(row, rows)]) { Remarks = ["Stand: 05.07.2017"] };
        var path = Path.Combine(folder, Name);
        KafWorkbookWriter.Write(big, path);
        File.SetLastWriteTimeUtc(path, new DateTime(2017, 7, 5, 8, 0, 0, DateTimeKind.Utc));
        return path;
    }
}
