using Bielefeld.Etl.Observations;

namespace Bielefeld.Etl.Loading;

/// <summary>What a reader made of one row of an extract file: loaded, rejected or skipped.</summary>
public abstract record SourceRow(int Row)
{
    /// <summary>A valid row and the observations it yields (possibly several: one per month and mapped indicator).</summary>
    public sealed record Accepted(int Row, IReadOnlyList<Observation> Observations) : SourceRow(Row);

    /// <summary>A row that cannot be loaded, with every problem found in it.</summary>
    public sealed record Rejected(int Row, IReadOnlyList<RejectedRow> Problems) : SourceRow(Row);

    /// <summary>A row without data: blank, a heading, a remark or a footnote.</summary>
    public sealed record Skipped(int Row, string Why) : SourceRow(Row);
}
