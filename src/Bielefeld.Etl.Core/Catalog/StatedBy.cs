namespace Bielefeld.Etl.Catalog;

/// <summary>Where a deadline or a baseline comes from: the plan's own words, or an assumption made in its place.</summary>
public enum StatedBy
{
    /// <summary>The plan states it (in the target, the Maßnahmen or the problem analysis).</summary>
    Plan,

    /// <summary>The plan states none; the import or the attainment rules assumed it (end of the plan year, the month before the period).</summary>
    Assumed,
}
