namespace Bielefeld.Etl.Loading;

/// <summary>
/// Row conservation of one extract file: every row read was loaded, rejected or skipped (blank, heading,
/// remark), and the numbers add up.
/// </summary>
public readonly record struct RowCounts(int Read, int Loaded, int Rejected, int Skipped)
{
    /// <summary>Whether read = loaded + rejected + skipped.</summary>
    public bool IsConserved => Read == Loaded + Rejected + Skipped;
}
