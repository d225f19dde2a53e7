namespace Bielefeld.Etl.Catalog;

/// <summary>How an actual value is compared with a target value (Zielwert).</summary>
public enum Comparator
{
    /// <summary>The plan states no measurable target: degree and status are "n/a", never 0.</summary>
    None,

    /// <summary>Higher is better: met when actual ≥ target; degree = actual / target.</summary>
    AtLeast,

    /// <summary>Lower is better: met when actual ≤ target; degree = target / actual.</summary>
    AtMost,

    /// <summary>Reduction by a percentage against a baseline B: target = B × (1 − p); degree = (B − actual) / (B − target).</summary>
    ReductionFromBaseline,

    /// <summary>A milestone to be done by a deadline: degree 1 when done in time, else 0.</summary>
    DoneBy,

    /// <summary>Strictly higher ("mehr als 50 %"): met only when actual &gt; target, so exactly the target is not met; degree = actual / target.</summary>
    MoreThan,

    /// <summary>Strictly lower ("weniger als"): met only when actual &lt; target; degree = target / actual.</summary>
    LessThan,
}
