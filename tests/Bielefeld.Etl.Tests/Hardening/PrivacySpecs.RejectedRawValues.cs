using Bielefeld.Etl.Warehouse;
using Dapper;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// A rejected cell can hold anything a person typed or a system shifted into the wrong column: BI readers see it in
/// <c>rpt.abgewiesene_zeilen</c> only where it has the shape of a number or a date; stewards' tools read the full
/// value. On PostgreSQL read with a Power BI login in the reader role.
/// </summary>
public abstract partial class PrivacySpecs
{
    private const string Case = "HZE-2017-09999";
    private const string Household = "Familie Mustermann, Am Beispielweg 3";

    [Fact]
    public async Task A_case_number_or_a_name_in_a_rejected_cell_reaches_BI_readers_only_masked_and_stewards_in_full()
    {
        var inbox = Dir.Folder("inbox");
        Directory.CreateDirectory(Path.Combine(inbox, "prosoz"));
        await File.WriteAllLinesAsync(Path.Combine(inbox, "prosoz", "Prosoz_HzE_20170705.csv"),
        [
            "Fallnummer;Paragraph;Stationaer;Unterbringung;Hilfebeginn;Hilfeende;Stadtbezirk;Entscheidung_Datum;Anbieterdatenbank;Hilfeplan_Datum;Ziele_smart;Verfahren_neu",
            "HZE-2017-00001;34;J;auswaertig;15.01.2017;;Mitte;10.01.2017;J;20.03.2017;2;J",
            // The Fallnummer shifted one column to the right; a household's name and address in the Stadtbezirk.
            $";{Case};34;J;auswaertig;15.01.2017;;Mitte;10.01.2017;J;20.03.2017;2",
            $"HZE-2017-00003;33;J;oertlich;01.03.2017;;{Household};20.02.2017;N;10.05.2017;1;N",
            "HZE-2017-00004;31;N;;01.02.2017;01.01.2017;Sennestadt;20.01.2017;;12.04.2017;2;J",
        ], TestContext.Current.CancellationToken);
        var (warehouse, run) = await PrepareAsync(inbox);
        var summary = await run.RunAsync(["prosoz"], null, TestContext.Current.CancellationToken);
        Assert.Equal(3, summary.Files.Single().Counts.Rejected);

        await using var reader = await ReaderAsync(warehouse);
        var shown = (await reader.QueryAsync<(string? Column, string? Raw, string Message)>(
            $"SELECT spalte, rohwert, grund FROM {Views}abgewiesene_zeilen")).ToList();
        var stewards = await warehouse.RejectedRowsAsync(new RejectedRowQuery(), TestContext.Current.CancellationToken);

        Assert.Equal(stewards.Count, shown.Count);
        Assert.DoesNotContain(shown, s => $"{s.Raw} {s.Message}".Contains("09999", StringComparison.Ordinal)
                                          || $"{s.Raw} {s.Message}".Contains("Mustermann", StringComparison.Ordinal)
                                          || $"{s.Raw} {s.Message}".Contains("Beispielweg", StringComparison.Ordinal));
        Assert.Contains(("Paragraph", "verdeckt (14 Zeichen)"), shown.Select(s => (s.Column, s.Raw)));
        Assert.Contains(("Stadtbezirk", "verdeckt (36 Zeichen)"), shown.Select(s => (s.Column, s.Raw)));
        Assert.Contains(shown, s => s.Column == "Stadtbezirk" && s.Message.StartsWith("'verdeckt (36 Zeichen)' ist keiner der zehn Stadtbezirke", StringComparison.Ordinal));
        // A date or a number stays readable: it is what a steward needs to see and it names no one.
        Assert.Contains(("Hilfeende", "01.01.2017"), shown.Select(s => (s.Column, s.Raw)));
        Assert.Contains(stewards, r => r.Spalte == "Paragraph" && r.Rohwert == Case);
        Assert.Contains(stewards, r => r.Spalte == "Stadtbezirk" && r.Rohwert == Household && r.Grund.Contains(Household, StringComparison.Ordinal));
    }
}
