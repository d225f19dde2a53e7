using System.Globalization;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Bench.Measures;

/// <summary>
/// SQLite: a plain prepared insert of the normalised rows in one transaction into a table shaped and indexed like the
/// observation fact (the baseline), then the product end to end into a fresh warehouse file.
/// </summary>
internal static class SqliteBench
{
    private static readonly string[] ParameterNames = ["$i", "$m", "$b", "$q", "$s", "$w", "$u", "$d"];

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchWorkspace workspace)
    {
        var folder = Path.Combine(workspace.Root, "sqlite");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var results = new List<Measurement> { await PlainInsertAsync(workspace, Path.Combine(folder, "baseline.db")) };
        if (!workspace.HasBaPipeline)
        {
            return results;
        }

        var connectionString = $"Data Source={Path.Combine(folder, "warehouse.db")};Pooling=False";
        var warehouse = new SqliteWarehouse(connectionString, TimeProvider.System);
        results.AddRange(await EndToEnd.RunAsync("sqlite", "sqlite.insert.fact", workspace, warehouse, new WarehouseSettings("sqlite", connectionString),
            async () =>
            {
                await using var connection = new SqliteConnection(connectionString);
                return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL");
            }));
        SqliteConnection.ClearAllPools();
        return results;
    }

    private static async Task<Measurement> PlainInsertAsync(BenchWorkspace workspace, string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE fact (
                beobachtung_id INTEGER PRIMARY KEY, indikator_code TEXT NOT NULL, monat TEXT NOT NULL, bereich_code TEXT NOT NULL,
                quelle TEXT NOT NULL, serie TEXT NOT NULL, wert REAL, zaehler REAL, nenner REAL, unterdrueckt INTEGER NOT NULL DEFAULT 0,
                datenstand TEXT, datei_id INTEGER NOT NULL, ersetzt_durch_datei_id INTEGER);
            CREATE UNIQUE INDEX ux_fact_aktuell ON fact (indikator_code, monat, bereich_code, serie) WHERE ersetzt_durch_datei_id IS NULL;
            CREATE INDEX ix_fact_scope ON fact (quelle, serie, monat) WHERE ersetzt_durch_datei_id IS NULL;
            """);
        return await Timed.RunAsync("sqlite.insert.fact", null, async () =>
        {
            long rows = 0;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO fact (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id)
                VALUES ($i, $m, $b, $q, $s, $w, NULL, NULL, $u, $d, 1)
                """;
            var p = ParameterNames.Select(n => command.Parameters.Add(n, SqliteType.Text)).ToArray();
            p[5].SqliteType = SqliteType.Real;
            p[6].SqliteType = SqliteType.Integer;
            command.Prepare();
            foreach (var line in File.ReadLines(workspace.BaNormalised))
            {
                var f = line.Split('\t');
                p[0].Value = f[0];
                p[1].Value = f[1];
                p[2].Value = f[2];
                p[3].Value = f[3];
                p[4].Value = f[4];
                p[5].Value = f[5] == "\\N" ? DBNull.Value : double.Parse(f[5], CultureInfo.InvariantCulture);
                p[6].Value = f[8] == "t" ? 1 : 0;
                p[7].Value = f[9];
                await command.ExecuteNonQueryAsync();
                rows++;
            }

            await transaction.CommitAsync();
            return rows;
        }, "vorbereitetes INSERT, eine Transaktion, Tabelle wie fact_beobachtung (gleiche Indizes)");
    }
}
