using System.Diagnostics;
using System.Globalization;
using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Bench.Measures;

/// <summary>
/// PostgreSQL: the server's own COPY of the normalised rows (into an unlogged bare table, and into a table shaped and
/// indexed like the observation fact), the set-based statements a merge can use, the product end to end against the
/// unlogged COPY, the naive row-by-row Dapper loop on a sample, and each record-level source end to end against the
/// unlogged COPY of the observations it produced. Everything runs in databases of its own, dropped afterwards.
/// </summary>
internal static class PostgresBench
{
    private const string Columns = "indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id";

    /// <summary>The baseline's table: the fact's columns, unlogged, without any index or key.</summary>
    private const string UnloggedTable =
        """
        CREATE SCHEMA IF NOT EXISTS bench;
        CREATE UNLOGGED TABLE bench.stg (
            indikator_code text NOT NULL, monat date NOT NULL, bereich_code text NOT NULL, quelle text NOT NULL, serie text NOT NULL,
            wert numeric, zaehler numeric, nenner numeric, unterdrueckt boolean NOT NULL, datenstand date, datei_id bigint NOT NULL);
        """;

    private const string UnloggedNote = "COPY FROM STDIN (Text) der normalisierten Zeilen in eine UNLOGGED-Tabelle ohne Index";

    private const string Schema =
        UnloggedTable +
        """

        CREATE TABLE bench.load_file (datei_id bigint PRIMARY KEY);
        INSERT INTO bench.load_file VALUES (1);
        CREATE TABLE bench.fact (
            beobachtung_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            indikator_code text NOT NULL, monat date NOT NULL, bereich_code text NOT NULL, quelle text NOT NULL, serie text NOT NULL,
            wert numeric, zaehler numeric, nenner numeric, unterdrueckt boolean NOT NULL DEFAULT false, datenstand date,
            datei_id bigint NOT NULL REFERENCES bench.load_file (datei_id),
            ersetzt_durch_datei_id bigint REFERENCES bench.load_file (datei_id));
        CREATE UNIQUE INDEX ux_fact_aktuell ON bench.fact (indikator_code, monat, bereich_code, serie) WHERE ersetzt_durch_datei_id IS NULL;
        CREATE INDEX ix_fact_scope ON bench.fact (quelle, serie, monat) WHERE ersetzt_durch_datei_id IS NULL;
        CREATE INDEX ix_fact_ersetzt ON bench.fact (ersetzt_durch_datei_id) WHERE ersetzt_durch_datei_id IS NOT NULL;
        CREATE INDEX ix_fact_datei ON bench.fact (datei_id);
        """;

    /// <summary>Why the server of <paramref name="adminConnectionString"/> cannot be used, or null when a connection opens.</summary>
    public static async Task<string?> UnreachableAsync(string adminConnectionString)
    {
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (NpgsqlException ex)
        {
            // Host and port only: the connection string may carry a password.
            return string.Create(CultureInfo.InvariantCulture, $"PostgreSQL unter {admin.Host}:{admin.Port} nicht erreichbar: {ex.InnerException?.Message ?? ex.Message}");
        }
    }

    public static async Task<IReadOnlyList<Measurement>> RunAsync(
        BenchWorkspace workspace, string adminConnectionString, int naiveSample, IReadOnlyDictionary<string, IReadOnlyList<GeneratedFile>> records)
    {
        var results = await InDatabaseAsync(adminConnectionString, "", c => MeasureAsync(workspace, c, naiveSample));
        foreach (var (source, files) in records)
        {
            results.AddRange(await InDatabaseAsync(adminConnectionString, "_" + source, c => MeasureRecordsAsync(workspace, source, files, c)));
        }

        return results;
    }

    /// <summary>Runs <paramref name="measure"/> in a database of its own (named after the process), dropped afterwards.</summary>
    private static async Task<List<Measurement>> InDatabaseAsync(string adminConnectionString, string suffix, Func<string, Task<List<Measurement>>> measure)
    {
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        var database = string.Create(CultureInfo.InvariantCulture, $"bielefeld_bench_{Environment.ProcessId}{suffix}");
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {database}");
            await connection.ExecuteAsync($"CREATE DATABASE {database}");
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database, Pooling = true, CommandTimeout = 0 }.ConnectionString;
        try
        {
            return await measure(connectionString);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>One record-level source end to end, then the unlogged COPY of the observations it produced (its baseline).</summary>
    private static async Task<List<Measurement>> MeasureRecordsAsync(BenchWorkspace workspace, string source, IReadOnlyList<GeneratedFile> files, string connectionString)
    {
        var (endToEnd, normalised) = await RecordSources.LoadAsync("postgres", workspace, source, files,
            new PostgresWarehouse(connectionString, TimeProvider.System), new WarehouseSettings("postgresql", connectionString));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(UnloggedTable);
        var copy = await Timed.RunAsync($"postgres.{source}.copy.unlogged", null, async () =>
            await CopyAsync(connection, "bench.stg", normalised), UnloggedNote + "; dieselben Beobachtungen");
        return [endToEnd with { Baseline = copy.Name }, copy];
    }

    private static async Task<List<Measurement>> MeasureAsync(BenchWorkspace workspace, string connectionString, int naiveSample)
    {
        var results = new List<Measurement>();
        var loadable = workspace.BaLoadable;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync(Schema);
            results.Add(await Timed.RunAsync("postgres.copy.unlogged", null, async () =>
                await CopyAsync(connection, "bench.stg", workspace.BaNormalised), UnloggedNote));
            results.Add(await Timed.RunAsync("postgres.copy.fact", null, async () =>
                await CopyAsync(connection, "bench.fact", workspace.BaNormalised), "COPY FROM STDIN (Text) in eine Tabelle wie fact_beobachtung (geloggt, gleiche Indizes)"));
            await connection.ExecuteAsync("ANALYZE bench.stg");
            results.Add(await SetBasedAsync(connection, "postgres.insert-select", loadable,
                $"INSERT INTO bench.fact ({Columns}) SELECT {Columns} FROM bench.stg"));
            results.Add(await SetBasedAsync(connection, "postgres.insert-on-conflict", loadable,
                $"""
                INSERT INTO bench.fact ({Columns}) SELECT {Columns} FROM bench.stg
                ON CONFLICT (indikator_code, monat, bereich_code, serie) WHERE ersetzt_durch_datei_id IS NULL
                DO UPDATE SET wert = excluded.wert, datenstand = excluded.datenstand, datei_id = excluded.datei_id
                """));
            results.Add(await SetBasedAsync(connection, "postgres.merge", loadable,
                $"""
                MERGE INTO bench.fact f USING bench.stg s
                ON f.ersetzt_durch_datei_id IS NULL AND f.indikator_code = s.indikator_code AND f.monat = s.monat
                   AND f.bereich_code = s.bereich_code AND f.serie = s.serie
                WHEN MATCHED THEN UPDATE SET wert = s.wert, datenstand = s.datenstand, datei_id = s.datei_id
                WHEN NOT MATCHED THEN INSERT ({Columns}) VALUES (s.indikator_code, s.monat, s.bereich_code, s.quelle, s.serie,
                    s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.datenstand, s.datei_id)
                """));
            results.Add(await NaiveAsync(connection, workspace, naiveSample));
        }

        if (!workspace.HasBaPipeline)
        {
            return results;
        }

        using var statements = new NpgsqlStatementTimes();
        var warehouse = new PostgresWarehouse(connectionString, TimeProvider.System);
        results.AddRange(await EndToEnd.RunAsync("postgres", "postgres.copy.unlogged", workspace, warehouse,
            new WarehouseSettings("postgresql", connectionString),
            async () =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL");
            }));
        statements.Print();
        return results;
    }

    private static async Task<Measurement> SetBasedAsync(NpgsqlConnection connection, string name, long rows, string sql)
    {
        await connection.ExecuteAsync("TRUNCATE bench.fact");
        return await Timed.RunAsync(name, "postgres.copy.fact", async () =>
        {
            await connection.ExecuteAsync(sql, commandTimeout: 0);
            return rows;
        }, "aus der UNLOGGED-Tabelle in die leere Faktentabelle, eine Anweisung");
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string table, string path)
    {
        // The client only pipes the file's characters; parsing and converting them is the server's own COPY.
        await using (var copy = await connection.BeginTextImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT TEXT)"))
        using (var file = new StreamReader(path, System.Text.Encoding.UTF8, false, 1 << 16))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = await file.ReadAsync(buffer)) > 0)
            {
                await copy.WriteAsync(buffer.AsMemory(0, read));
            }
        }

        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
    }

    private static async Task<Measurement> NaiveAsync(NpgsqlConnection connection, BenchWorkspace workspace, int sample)
    {
        await connection.ExecuteAsync("TRUNCATE bench.fact");
        var rows = File.ReadLines(workspace.BaNormalised).Take(sample).Select(NormalisedRow.Parse).ToList();
        var measured = await Timed.RunAsync("postgres.naive-dapper-insert", null, async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            foreach (var r in rows)
            {
                await connection.ExecuteAsync(
                    $"INSERT INTO bench.fact ({Columns}) VALUES (@Indicator, @Month, @Area, @Source, @Series, @Value, NULL, NULL, @Suppressed, @DataStatus, 1)",
                    r, transaction);
            }

            await transaction.CommitAsync();
            return rows.Count;
        });
        var extrapolated = measured.RowsPerSecond > 0 ? workspace.BaLoadable / measured.RowsPerSecond : 0;
        return measured with
        {
            Note = string.Create(CultureInfo.InvariantCulture,
                $"Stichprobe {rows.Count:N0} Zeilen, eine Transaktion, ein INSERT je Zeile; hochgerechnet auf {workspace.BaLoadable:N0} Zeilen: {extrapolated:N0} s"),
        };
    }

    /// <summary>Sums the server time per statement of the provider (Npgsql's activity source), to see where a load spends it.</summary>
    private sealed class NpgsqlStatementTimes : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly Dictionary<string, (int Count, TimeSpan Total)> _times = new(StringComparer.Ordinal);

        public NpgsqlStatementTimes()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = Record,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Print()
        {
            Console.Error.WriteLine("  PostgreSQL: Zeit je Anweisung (Npgsql-Aktivitäten, die längsten):");
            lock (_times)
            {
                foreach (var (statement, (count, total)) in _times.OrderByDescending(t => t.Value.Total).Take(12))
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {total.TotalSeconds,8:N2} s  {count,7:N0}×  {statement}"));
                }
            }
        }

        public void Dispose() => _listener.Dispose();

        private void Record(Activity activity)
        {
            var text = (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString() ?? activity.DisplayName;
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            text = text.Length > 90 ? text[..90] : text;
            lock (_times)
            {
                var (count, total) = _times.GetValueOrDefault(text);
                _times[text] = (count + 1, total + activity.Duration);
            }
        }
    }
}
