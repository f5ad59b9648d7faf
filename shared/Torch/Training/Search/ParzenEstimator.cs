using MathNet.Numerics;

namespace StreamProcessor.Torch.Training.Search;

/// <summary>
/// A one-dimensional adaptive Parzen estimator on [low, high]: one Gaussian per observation plus the prior as one
/// more component, each truncated to the bounds (Bergstra et al. 2011, NeurIPS 24, section 4.2).
/// </summary>
/// <remarks>
/// Bandwidths follow hyperopt's adaptive_parzen_normal, the reference implementation of the paper: sort the centres
/// (observations and the prior mean, the interval midpoint), give each the larger distance to its two neighbours,
/// and clip to [range / min(100, 1 + n), range]; the prior has width range. The lower clip keeps a cluster of equal
/// observations from collapsing to a spike; the upper one keeps an isolated point from spreading past the prior.
/// Observation weights are equal (hyperopt's linear forgetting only starts after 25 points, beyond typical budgets).
/// </remarks>
internal sealed class ParzenEstimator
{
    private readonly double _low;
    private readonly double _high;
    private readonly double[] _means;
    private readonly double[] _sigmas;
    private readonly double[] _cumulativeWeights;
    private readonly double[] _logWeightOverMass;

    /// <summary>An estimator fitted to <paramref name="observations"/> (internal coordinates within the bounds).</summary>
    public ParzenEstimator(IReadOnlyList<double> observations, double low, double high, double priorWeight)
    {
        _low = low;
        _high = high;
        double range = high - low;
        double priorMean = 0.5 * (low + high);

        var centres = observations.Select(x => (Mean: x, Weight: 1.0, IsPrior: false))
            .Append((Mean: priorMean, Weight: priorWeight, IsPrior: true))
            .OrderBy(c => c.Mean)
            .ToArray();
        int n = centres.Length;
        double minSigma = range / Math.Min(100.0, 1.0 + n);

        _means = new double[n];
        _sigmas = new double[n];
        _cumulativeWeights = new double[n];
        _logWeightOverMass = new double[n];
        double totalWeight = centres.Sum(c => c.Weight);
        double cumulative = 0;
        for (var i = 0; i < n; i++)
        {
            double left = i > 0 ? centres[i].Mean - centres[i - 1].Mean : 0;
            double right = i < n - 1 ? centres[i + 1].Mean - centres[i].Mean : 0;
            double sigma = centres[i].IsPrior ? range : Math.Clamp(Math.Max(left, right), minSigma, range);
            double weight = centres[i].Weight / totalWeight;

            _means[i] = centres[i].Mean;
            _sigmas[i] = sigma;
            cumulative += weight;
            _cumulativeWeights[i] = cumulative;
            // Truncation: each component is renormalised by its mass inside [low, high].
            double mass = StandardNormalCdf((high - _means[i]) / sigma) - StandardNormalCdf((low - _means[i]) / sigma);
            _logWeightOverMass[i] = Math.Log(weight) - Math.Log(mass);
        }
    }

    /// <summary>log of the mixture density at <paramref name="x"/> (internal coordinate).</summary>
    public double LogDensity(double x)
    {
        // log-sum-exp over components: far-away components underflow individually, their sum must not.
        var terms = new double[_means.Length];
        double max = double.NegativeInfinity;
        for (var i = 0; i < _means.Length; i++)
        {
            double z = (x - _means[i]) / _sigmas[i];
            terms[i] = _logWeightOverMass[i] - (0.5 * z * z) - Math.Log(_sigmas[i] * Math.Sqrt(2 * Math.PI));
            max = Math.Max(max, terms[i]);
        }

        double sum = terms.Sum(t => Math.Exp(t - max));
        return max + Math.Log(sum);
    }

    /// <summary>One draw from the truncated mixture.</summary>
    public double Sample(Random random)
    {
        double u = random.NextDouble() * _cumulativeWeights[^1];
        int component = Array.FindIndex(_cumulativeWeights, c => u < c);
        if (component < 0)
        {
            component = _means.Length - 1;
        }

        // Rejection from the untruncated Gaussian: every mean lies in [low, high] and sigma <= range, so at least
        // Phi(1) - 1/2 = 34% of draws land inside; 64 misses in a row has probability below 1e-11.
        for (var attempt = 0; attempt < 64; attempt++)
        {
            double x = _means[component] + (_sigmas[component] * StandardNormal(random));
            if (x >= _low && x <= _high)
            {
                return x;
            }
        }

        return Math.Clamp(_means[component], _low, _high);
    }

    /// <summary>Box-Muller transform (one of the pair), so draws depend only on the seeded <see cref="Random"/>.</summary>
    private static double StandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // (0, 1]: keeps log finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static double StandardNormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2.0));
}
