using System.Globalization;
using Bielefeld.Etl.Attainment;
using Dapper;

namespace Bielefeld.Etl.Warehouse.Sqlite;

public sealed partial class SqliteWarehouse
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<LoadRecord>> RecentLoadsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LoadDbRow>(new CommandDefinition(
            SqliteSql.RecentLoads,
            new { count }, cancellationToken: cancellationToken));
        return rows.Select(r => new LoadRecord(
            r.DateiId, r.Datei, r.Quelle, r.Status, r.ZeilenGelesen, r.ZeilenGeladen, r.ZeilenAbgewiesen, r.ZeilenUebersprungen,
            ParseTimestamp(r.GestartetUm), r.BeendetUm is null ? null : ParseTimestamp(r.BeendetUm), r.Meldung)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RejectedRowRecord>> RejectedRowsAsync(RejectedRowQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // A column computed in a view has no declared type, so the rows are read by property, not by constructor.
        var rows = await connection.QueryAsync<RejectDbRow>(new CommandDefinition(
            SqliteSql.RejectedRows,
            query, cancellationToken: cancellationToken));
        return rows.Select(r => new RejectedRowRecord(
            r.DateiId, r.Datei, r.Quelle, r.Blatt, r.Zeile, r.Spalte, r.Rohwert, r.GrundCode, r.Grund, ParseTimestamp(r.GeladenUm),
            r.AbweisungId, r.Bearbeitung, r.Entscheidung, r.Kommentar, r.EntschiedenVon, r.EntschiedenUm is null ? null : ParseTimestamp(r.EntschiedenUm))).ToList();
    }

    /// <inheritdoc />
    /// <remarks>The rows kept when attainment was recomputed (<c>zielerreichung_letzte</c>), not a pass over the view.</remarks>
    public override async Task<IReadOnlyList<AttainmentRow>> LatestAttainmentAsync(CancellationToken cancellationToken)
    {
        return await ReadAttainmentAsync(new CommandDefinition(
            SqliteSql.LatestAttainment,
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<AttainmentRow>> AttainmentSeriesAsync(string areaCode, CancellationToken cancellationToken)
    {
        return await ReadAttainmentAsync(new CommandDefinition(
            SqliteSql.AttainmentSeries,
            new { areaCode }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Reads attainment rows value by value. The view's figures are CASE expressions (suppression) and have no declared
    /// type, so SQLite reports a column whose first value is NULL as a BLOB and Dapper's constructor mapping refuses it.
    /// The stored text and REAL become the typed row here: the ISO month a day, the figures decimals, the word a status.
    /// </summary>
    private async Task<IReadOnlyList<AttainmentRow>> ReadAttainmentAsync(CommandDefinition command)
    {
        await using var connection = await OpenAsync(command.CancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(command);
        var rows = new List<AttainmentRow>();
        while (await reader.ReadAsync(command.CancellationToken))
        {
            rows.Add(new AttainmentRow(
                reader.GetString(0), reader.GetString(1), IsoMonth(reader.GetString(2)), reader.GetString(3),
                Number(reader, 4), Number(reader, 5), Number(reader, 6), Number(reader, 7), AttainmentStatusNames.FromReportName(reader.GetString(8))));
        }

        return rows;

        // A REAL has 15 significant digits, which is what the conversion keeps; a decimal of more would invent them.
        static decimal? Number(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : (decimal)reader.GetDouble(ordinal);

        static DateOnly IsoMonth(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private sealed class RejectDbRow
    {
        public long DateiId { get; set; }

        public string Datei { get; set; } = "";

        public string Quelle { get; set; } = "";

        public string? Blatt { get; set; }

        public long Zeile { get; set; }

        public string? Spalte { get; set; }

        public string? Rohwert { get; set; }

        public string GrundCode { get; set; } = "";

        public string Grund { get; set; } = "";

        public string GeladenUm { get; set; } = "";

        public long AbweisungId { get; set; }

        public string Bearbeitung { get; set; } = "";

        public string? Entscheidung { get; set; }

        public string? Kommentar { get; set; }

        public string? EntschiedenVon { get; set; }

        public string? EntschiedenUm { get; set; }
    }

    private sealed record LoadDbRow(
        long DateiId, string Datei, string Quelle, string Status, long ZeilenGelesen, long ZeilenGeladen, long ZeilenAbgewiesen,
        long ZeilenUebersprungen, string GestartetUm, string? BeendetUm, string? Meldung);
}
