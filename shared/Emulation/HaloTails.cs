using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace StreamProcessor.Emulation;

/// <summary>
/// Heavy tails of the halo-to-halo scatter. A few halos lie far from the emulated mean in every component of a kind at
/// once (X-ray surface brightness, which goes as n², is dominated by clumps), more often than a Gaussian allows. They are
/// modelled as a multivariate Student-t of unit covariance: z = sqrt(w) g with g ~ N(0, I) and one weight per halo and
/// kind, w = (nu - 2) / chi^2_nu (mean 1), so the variance the emulator states is unchanged and only its shape is
/// (Kotz &amp; Nadarajah 2004, Multivariate t Distributions, Eq. 1.1). A stack of N halos is then Gaussian given the
/// N weights, with variance sigma_n^2 (sum of w) / N^2: drawn exactly, it tends to the Gaussian as N grows. nu is fitted
/// on single halos' whole residuals (halo scatter plus the GP's error) and applied to the halo term alone, the larger part
/// of them (the GP's share is largest for Z_gas, about 40 % of the variance, by cross-validation of the shipped emulator).
/// </summary>
public static class HaloTails
{
    /// <summary>Degrees of freedom tried by <see cref="Fit"/> (above 2, where the variance is finite).</summary>
    public static readonly IReadOnlyList<double> Grid = [2.25, 2.5, 2.75, 3, 3.5, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100];

    /// <summary>
    /// log density of a C-dimensional unit-covariance Student-t with <paramref name="nu"/> degrees of freedom at a point of
    /// squared norm <paramref name="sumOfSquares"/>; null <paramref name="nu"/>: the standard Gaussian.
    /// </summary>
    public static double LogDensity(double sumOfSquares, int dimensions, double? nu)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        if (nu is not { } v)
        {
            return (-0.5 * dimensions * Math.Log(2 * Math.PI)) - (0.5 * sumOfSquares);
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(v, 2.0, nameof(nu));
        return SpecialFunctions.GammaLn(0.5 * (v + dimensions)) - SpecialFunctions.GammaLn(0.5 * v)
            - (0.5 * dimensions * Math.Log(Math.PI * (v - 2)))
            - (0.5 * (v + dimensions) * Math.Log(1 + (sumOfSquares / (v - 2))));
    }

    /// <summary>
    /// The maximum-likelihood degrees of freedom over <see cref="Grid"/> for halos' squared norms in
    /// <paramref name="dimensions"/> components, or null when the Gaussian is at least as likely.
    /// </summary>
    public static double? Fit(IReadOnlyList<double> sumsOfSquares, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(sumsOfSquares);
        if (sumsOfSquares.Count == 0)
        {
            throw new ArgumentException("Need at least one halo.", nameof(sumsOfSquares));
        }

        double? best = null;
        double bestLogLikelihood = LogLikelihood(sumsOfSquares, dimensions, null);
        foreach (double nu in Grid)
        {
            double logLikelihood = LogLikelihood(sumsOfSquares, dimensions, nu);
            if (logLikelihood > bestLogLikelihood)
            {
                (best, bestLogLikelihood) = (nu, logLikelihood);
            }
        }

        return best;
    }

    /// <summary>Mean over halos of log f_t(nu) - log f_Gaussian: how much better the tails describe them (0 for null nu).</summary>
    public static double LogLikelihoodGain(IReadOnlyList<double> sumsOfSquares, int dimensions, double? nu)
    {
        ArgumentNullException.ThrowIfNull(sumsOfSquares);
        return (LogLikelihood(sumsOfSquares, dimensions, nu) - LogLikelihood(sumsOfSquares, dimensions, null)) / sumsOfSquares.Count;
    }

    /// <summary>Mean of <paramref name="halos"/> weights (nu - 2) / chi^2_nu: the factor on a stack's halo variance sigma_n^2 / N.</summary>
    public static double MeanWeight(Random random, double nu, int halos)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(halos, 1);
        double sum = 0;
        for (int i = 0; i < halos; i++)
        {
            sum += (nu - 2) / ChiSquared.Sample(random, nu);
        }

        return sum / halos;
    }

    /// <summary>Degrees of freedom as printed: the number, or "Gaussian".</summary>
    public static string Describe(double? nu) => nu is { } v ? v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture) : "Gaussian";

    private static double LogLikelihood(IReadOnlyList<double> sumsOfSquares, int dimensions, double? nu) =>
        sumsOfSquares.Sum(q => LogDensity(q, dimensions, nu));
}
