using System.Globalization;
using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Bench.Measures;

/// <summary>
/// SQLite: a plain prepared insert of the normalised rows in one transaction into a bare table with the fact's columns
/// (the baseline) and into one indexed like the observation fact, then the product end to end into a fresh warehouse
/// file, and each record-level source end to end against the bare insert of the observations it produced.
/// </summary>
internal static class SqliteBench
{
    private static readonly string[] ParameterNames = ["$i", "$m", "$b", "$q", "$s", "$w", "$z", "$n", "$u", "$d"];

    /// <summary>The fact's columns as SQLite holds them.</summary>
    private const string FactColumns =
        """
        beobachtung_id INTEGER PRIMARY KEY, indikator_code TEXT NOT NULL, monat TEXT NOT NULL, bereich_code TEXT NOT NULL,
        quelle TEXT NOT NULL, serie TEXT NOT NULL, wert REAL, zaehler REAL, nenner REAL, unterdrueckt INTEGER NOT NULL DEFAULT 0,
        datenstand TEXT, datei_id INTEGER NOT NULL, ersetzt_durch_datei_id INTEGER
        """;

    private const string FactIndexes =
        """
        CREATE UNIQUE INDEX ux_fact_aktuell ON fact (indikator_code, monat, bereich_code, serie) WHERE ersetzt_durch_datei_id IS NULL;
        CREATE INDEX ix_fact_scope ON fact (quelle, serie, monat) WHERE ersetzt_durch_datei_id IS NULL;
        """;

    private const string BareNote = "vorbereitetes INSERT, eine Transaktion, die Spalten von fact_beobachtung, kein Index";

    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchWorkspace workspace, IReadOnlyDictionary<string, IReadOnlyList<GeneratedFile>> records)
    {
        var folder = Path.Combine(workspace.Root, "sqlite");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var results = new List<Measurement>
        {
            await PlainInsertAsync("sqlite.insert.bare", workspace.BaNormalised, Path.Combine(folder, "bare.db"), indexed: false, BareNote),
            await PlainInsertAsync("sqlite.insert.fact", workspace.BaNormalised, Path.Combine(folder, "baseline.db"), indexed: true,
                "vorbereitetes INSERT, eine Transaktion, Tabelle wie fact_beobachtung (gleiche Indizes)"),
        };
        if (!workspace.HasBaPipeline)
        {
            return results;
        }

        var connectionString = $"Data Source={Path.Combine(folder, "warehouse.db")};Pooling=False";
        var warehouse = new SqliteWarehouse(connectionString, TimeProvider.System);
        results.AddRange(await EndToEnd.RunAsync("sqlite", "sqlite.insert.bare", workspace, warehouse, new WarehouseSettings("sqlite", connectionString),
            async () =>
            {
                await using var connection = new SqliteConnection(connectionString);
                return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL");
            }));
        foreach (var (source, files) in records)
        {
            var own = $"Data Source={Path.Combine(folder, source + ".db")};Pooling=False";
            var (endToEnd, normalised) = await RecordSources.LoadAsync("sqlite", workspace, source, files,
                new SqliteWarehouse(own, TimeProvider.System), new WarehouseSettings("sqlite", own));
            var bare = await PlainInsertAsync($"sqlite.{source}.insert.bare", normalised, Path.Combine(folder, source + "-bare.db"), indexed: false, BareNote + "; dieselben Beobachtungen");
            results.Add(endToEnd with { Baseline = bare.Name });
            results.Add(bare);
        }

        SqliteConnection.ClearAllPools();
        return results;
    }

    /// <summary>Inserts the normalised rows of <paramref name="normalised"/> into a new table with the fact's columns (and its indexes when <paramref name="indexed"/>).</summary>
    private static async Task<Measurement> PlainInsertAsync(string name, string normalised, string path, bool indexed, string note)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync($"PRAGMA journal_mode = WAL; CREATE TABLE fact ({FactColumns}); {(indexed ? FactIndexes : "")}");
        return await Timed.RunAsync(name, null, async () =>
        {
            long rows = 0;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText =
                """
                INSERT INTO fact (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id)
                VALUES ($i, $m, $b, $q, $s, $w, $z, $n, $u, $d, 1)
                """;
            var p = ParameterNames.Select(n => command.Parameters.Add(n, SqliteType.Text)).ToArray();
            p[5].SqliteType = p[6].SqliteType = p[7].SqliteType = SqliteType.Real;
            p[8].SqliteType = SqliteType.Integer;
            command.Prepare();
            foreach (var line in File.ReadLines(normalised))
            {
                var f = line.Split('\t');
                for (var i = 0; i < 5; i++)
                {
                    p[i].Value = f[i];
                }

                for (var i = 5; i < 8; i++)
                {
                    p[i].Value = f[i] == "\\N" ? DBNull.Value : double.Parse(f[i], CultureInfo.InvariantCulture);
                }

                p[8].Value = f[8] == "t" ? 1 : 0;
                p[9].Value = f[9] == "\\N" ? DBNull.Value : f[9];
                await command.ExecuteNonQueryAsync();
                rows++;
            }

            await transaction.CommitAsync();
            return rows;
        }, note);
    }
}
