using Bielefeld.Etl.Bench;

// bench [--rows N] [--seed S] [--work DIR] [--json FILE] [--postgres CONN | --no-postgres] [--no-sqlite] [--repeats N] [--naive-sample N]
// bench generate [--rows N] [--seed S] [--out DIR]
return await BenchCommand.RunAsync(args);
