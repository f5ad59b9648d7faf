using MathNet.Numerics;

namespace StreamProcessor.Cosmology.Inference;

/// <summary>
/// Poisson log-likelihood of binned counts (Cash 1979, ApJ 228, 939, keeping the data-only term):
/// ln L = Σ_b [n_b ln μ_b − μ_b − ln Γ(n_b + 1)]. Non-integer n (e.g. Asimov data = expected counts) are allowed.
/// </summary>
public static class PoissonLikelihood
{
    /// <summary>ln L of <paramref name="observed"/> given <paramref name="expected"/> (same shape). −∞ if μ = 0 where n &gt; 0.</summary>
    public static double LogLikelihood(double[,] observed, double[,] expected)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(expected);
        CheckShapes(observed, expected);
        double sum = 0.0;
        for (int i = 0; i < observed.GetLength(0); i++)
        {
            for (int j = 0; j < observed.GetLength(1); j++)
            {
                sum += Term(observed[i, j], expected[i, j]) - SpecialFunctions.GammaLn(observed[i, j] + 1.0);
            }
        }

        return sum;
    }

    /// <summary>Checks that the counts are finite and non-negative and have the expected shape.</summary>
    internal static void CheckShapes(double[,] observed, double[,] expected)
    {
        if (observed.GetLength(0) != expected.GetLength(0) || observed.GetLength(1) != expected.GetLength(1))
            throw new ArgumentException($"Observed counts are {observed.GetLength(0)}×{observed.GetLength(1)}, expected {expected.GetLength(0)}×{expected.GetLength(1)}.", nameof(observed));
        foreach (double n in observed)
        {
            if (!(n >= 0 && double.IsFinite(n))) throw new ArgumentOutOfRangeException(nameof(observed), n, "Counts must be finite and non-negative.");
        }
    }

    /// <summary>n ln μ − μ, with the limits 0 ln 0 = 0 and n ln 0 = −∞ for n &gt; 0.</summary>
    internal static double Term(double observed, double expected)
    {
        if (expected <= 0) return observed > 0 ? double.NegativeInfinity : 0.0;
        return observed == 0 ? -expected : (observed * Math.Log(expected)) - expected;
    }
}
