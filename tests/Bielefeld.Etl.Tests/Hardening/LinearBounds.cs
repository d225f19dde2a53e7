namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// The audit official statistics run on a suppression pattern (τ-ARGUS): every hidden figure is an unknown ≥ 0, every
/// published figure that involves hidden ones is an equation (Σ coefficient × unknown = constant), and the smallest and
/// largest value an unknown can take under all of them is what a reader can narrow it to. Solved exactly as two linear
/// programmes per unknown (two-phase simplex, Bland's rule against cycling).
/// </summary>
internal sealed class LinearBounds
{
    private const double Epsilon = 1e-9;
    private readonly List<(Dictionary<int, double> Terms, double Constant)> _equations = [];

    public int Count { get; private set; }

    /// <summary>A new unknown, ≥ 0; its number.</summary>
    public int Unknown() => Count++;

    /// <summary>Σ terms = constant.</summary>
    public void Equation(IEnumerable<(int Unknown, double Coefficient)> terms, double constant)
    {
        var summed = new Dictionary<int, double>();
        foreach (var (unknown, coefficient) in terms)
        {
            summed[unknown] = summed.GetValueOrDefault(unknown) + coefficient;
        }

        _equations.Add((summed, constant));
    }

    /// <summary>The least and greatest value of the unknown; <see cref="double.PositiveInfinity"/> when nothing bounds it.</summary>
    public (double Low, double High) Bounds(int unknown)
    {
        var minimise = new double[Count];
        minimise[unknown] = 1;
        var maximise = new double[Count];
        maximise[unknown] = -1;
        var low = Minimise(minimise) ?? throw new InvalidOperationException("a lower bound is always finite");
        var high = Minimise(maximise) is { } negated ? -negated : double.PositiveInfinity;
        return (low, high);
    }

    // Minimises cost · x subject to the equations and x ≥ 0; null when unbounded below.
    private double? Minimise(double[] cost)
    {
        int rows = _equations.Count, columns = Count;
        var rhs = columns + rows;
        var tableau = new double[rows + 1, rhs + 1];
        var basis = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var (terms, constant) = _equations[i];
            var sign = constant < 0 ? -1 : 1;
            foreach (var (j, a) in terms)
            {
                tableau[i, j] = sign * a;
            }

            tableau[i, columns + i] = 1;
            tableau[i, rhs] = sign * constant;
            basis[i] = columns + i;
        }

        // Phase 1: minimise the sum of the artificial unknowns; 0 means the published figures are consistent.
        for (var j = 0; j <= rhs; j++)
        {
            if (j >= columns && j < rhs)
            {
                continue;
            }

            double sum = 0;
            for (var i = 0; i < rows; i++)
            {
                sum += tableau[i, j];
            }

            tableau[rows, j] = -sum;
        }

        if (!Run(tableau, basis, rows, columns + rows, rhs))
        {
            throw new InvalidOperationException("phase 1 is bounded");
        }

        if (-tableau[rows, rhs] > 1e-6)
        {
            throw new InvalidOperationException("the published figures contradict each other");
        }

        for (var i = 0; i < rows; i++)
        {
            if (basis[i] < columns)
            {
                continue;
            }

            for (var j = 0; j < columns; j++)
            {
                if (Math.Abs(tableau[i, j]) > Epsilon)
                {
                    Pivot(tableau, basis, rows, rhs, i, j);
                    break;
                }
            }
        }

        // Phase 2: the real cost, artificial unknowns no longer allowed to enter.
        for (var j = 0; j <= rhs; j++)
        {
            tableau[rows, j] = j < columns ? cost[j] : 0;
        }

        for (var i = 0; i < rows; i++)
        {
            if (basis[i] < columns && cost[basis[i]] != 0)
            {
                var factor = cost[basis[i]];
                for (var j = 0; j <= rhs; j++)
                {
                    tableau[rows, j] -= factor * tableau[i, j];
                }
            }
        }

        return Run(tableau, basis, rows, columns, rhs) ? -tableau[rows, rhs] : null;
    }

    // Simplex iterations over the columns below `entering`; false when the objective is unbounded.
    private static bool Run(double[,] tableau, int[] basis, int rows, int entering, int rhs)
    {
        while (true)
        {
            var column = -1;
            for (var j = 0; j < entering; j++)
            {
                if (tableau[rows, j] < -Epsilon)
                {
                    column = j;
                    break;
                }
            }

            if (column < 0)
            {
                return true;
            }

            var row = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < rows; i++)
            {
                if (tableau[i, column] <= Epsilon)
                {
                    continue;
                }

                var ratio = tableau[i, rhs] / tableau[i, column];
                if (ratio < best - Epsilon || (Math.Abs(ratio - best) <= Epsilon && basis[i] < basis[row]))
                {
                    (row, best) = (i, ratio);
                }
            }

            if (row < 0)
            {
                return false;
            }

            Pivot(tableau, basis, rows, rhs, row, column);
        }
    }

    private static void Pivot(double[,] tableau, int[] basis, int rows, int rhs, int row, int column)
    {
        var pivot = tableau[row, column];
        for (var j = 0; j <= rhs; j++)
        {
            tableau[row, j] /= pivot;
        }

        for (var i = 0; i <= rows; i++)
        {
            if (i == row || Math.Abs(tableau[i, column]) <= Epsilon)
            {
                continue;
            }

            var factor = tableau[i, column];
            for (var j = 0; j <= rhs; j++)
            {
                tableau[i, j] -= factor * tableau[row, j];
            }
        }

        basis[row] = column;
    }
}
