using Bielefeld.Etl.Bench;

// bench [--rows N] [--seed S] [--work DIR] [--json FILE] [--postgres CONN | --no-postgres] [--no-sqlite] [--repeats N] [--naive-sample N] [--bad-every N]
// bench generate [--rows N] [--seed S] [--out DIR] [--source ba|rekom|prosoz|einwohnermeldeamt|kaf|all] [--bad-every N]
return await BenchCommand.RunAsync(args);
