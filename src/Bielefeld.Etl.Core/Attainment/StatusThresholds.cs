namespace Bielefeld.Etl.Attainment;

/// <summary>
/// Where green ends and amber and red begin, as the share of the target path reached to date.
/// The defaults give green from 95 % of the path, amber from 80 %, red below.
/// </summary>
public sealed record StatusThresholds(decimal Green, decimal Amber)
{
    /// <summary>95 % of the path for green, 80 % for amber.</summary>
    public static StatusThresholds Default { get; } = new(0.95m, 0.80m);

    /// <summary>The status for a share of the path reached.</summary>
    public AttainmentStatus Classify(decimal shareOfPath) =>
        shareOfPath >= Green ? AttainmentStatus.Green
        : shareOfPath >= Amber ? AttainmentStatus.Amber
        : AttainmentStatus.Red;
}
