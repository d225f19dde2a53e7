namespace Bielefeld.Etl.Jobs;

/// <summary>Progress of a run for a display: which file, how many rows read so far, and whether it is done.</summary>
public sealed record RunProgress(string Pipeline, string File, int RowsRead, bool Done);
