using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Repository;

/// <summary>What the README's main command must give on the shipped samples: every sample file loaded once, with its row accounting.</summary>
internal static class SampleRun
{
    /// <summary>The files of samples/inbox, in load order.</summary>
    public static readonly string[] Files =
    [
        "BA_AMR_05711_201705.xls", "BA_AMR_05711_201706.xlsx", "BA_SA_Alleinerziehende_20170714.csv", "BA_SA_Alleinerziehende_20171013.csv",
        "BA_SA_AusbildungIntegration_20170714.csv", "EWO_Bestand_20170630.csv", "KAF_COACH_2017.xlsx", "KAF_ERNAEHR_2017.xlsx",
        "KAF_FIM_2017.xlsx", "KAF_SPRACH_2017.xlsx", "KAF_THEO_2017.xls", "Meldebogen_500-8_2017.xlsx", "Prosoz_HzE_20170705.csv",
        "REKOM_Export_2017-07-05.csv",
    ];

    /// <summary>Asserts the output names every file as done and the SQLite warehouse holds 14 loads: 279 rows read = 111 loaded + 23 rejected + 145 skipped.</summary>
    public static void AssertLoaded(string output, string warehouse)
    {
        Assert.All(Files, f => Assert.Contains($": {f}: ", output, StringComparison.Ordinal));
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = warehouse, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), sum(zeilen_gelesen), sum(zeilen_geladen), sum(zeilen_abgewiesen), sum(zeilen_uebersprungen) FROM rpt_ladeprotokoll WHERE status = 'geladen'";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((14L, 279L, 111L, 23L, 145L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
    }
}
