namespace StreamProcessor.Torch.Posterior;

/// <summary>
/// A one-dimensional Gaussian mixture: the marginal posterior of one parameter from a posterior head (the marginal of
/// a diagonal-covariance mixture is the mixture of the components' marginals). Weights sum to 1.
/// </summary>
public sealed class GaussianMixture
{
    private const int BisectionSteps = 200;
    private readonly double[] _weights;
    private readonly double[] _means;
    private readonly double[] _sigmas;

    /// <summary>A mixture of the given components; weights are normalised to sum 1.</summary>
    public GaussianMixture(IReadOnlyList<double> weights, IReadOnlyList<double> means, IReadOnlyList<double> sigmas)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(sigmas);
        if (weights.Count == 0 || means.Count != weights.Count || sigmas.Count != weights.Count)
        {
            throw new ArgumentException($"Need equal, non-zero numbers of weights, means and sigmas; got {weights.Count}, {means.Count}, {sigmas.Count}.");
        }

        double total = weights.Sum();
        if (!(total > 0) || !double.IsFinite(total) || weights.Any(w => w < 0) || means.Any(m => !double.IsFinite(m)) || sigmas.Any(s => !(s > 0) || !double.IsFinite(s)))
        {
            throw new ArgumentException("Weights must be non-negative with a positive finite sum, means finite and sigmas positive and finite.");
        }

        _weights = [.. weights.Select(w => w / total)];
        _means = [.. means];
        _sigmas = [.. sigmas];
    }

    /// <summary>Number of components.</summary>
    public int Components => _weights.Length;

    /// <summary>Mixture mean Σ w_k μ_k.</summary>
    public double Mean => _weights.Zip(_means, (w, m) => w * m).Sum();

    /// <summary>Mixture standard deviation, √(Σ w_k (σ_k² + μ_k²) − mean²).</summary>
    public double StandardDeviation
    {
        get
        {
            double mean = Mean;
            double second = 0;
            for (int k = 0; k < _weights.Length; k++)
            {
                second += _weights[k] * ((_sigmas[k] * _sigmas[k]) + (_means[k] * _means[k]));
            }

            return Math.Sqrt(Math.Max(0, second - (mean * mean)));
        }
    }

    /// <summary>P(X ≤ x).</summary>
    public double Cdf(double x)
    {
        double p = 0;
        for (int k = 0; k < _weights.Length; k++)
        {
            p += _weights[k] * MathNet.Numerics.Distributions.Normal.CDF(_means[k], _sigmas[k], x);
        }

        return Math.Clamp(p, 0, 1);
    }

    /// <summary>log density at <paramref name="x"/>, by log-sum-exp over components.</summary>
    public double LogDensity(double x)
    {
        double max = double.NegativeInfinity;
        var terms = new double[_weights.Length];
        for (int k = 0; k < _weights.Length; k++)
        {
            double z = (x - _means[k]) / _sigmas[k];
            terms[k] = Math.Log(_weights[k]) - (0.5 * z * z) - Math.Log(_sigmas[k]) - (0.5 * Math.Log(2 * Math.PI));
            max = Math.Max(max, terms[k]);
        }

        if (double.IsNegativeInfinity(max)) return max;
        return max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
    }

    /// <summary>
    /// The <paramref name="level"/> quantile (0 &lt; level &lt; 1), by bisection on the CDF between the outermost
    /// components' ±40σ (the CDF is continuous and increasing, so the root is unique).
    /// </summary>
    public double Quantile(double level)
    {
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A quantile level must lie in (0, 1).");
        }

        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        for (int k = 0; k < _weights.Length; k++)
        {
            low = Math.Min(low, _means[k] - (40 * _sigmas[k]));
            high = Math.Max(high, _means[k] + (40 * _sigmas[k]));
        }

        for (int step = 0; step < BisectionSteps && high - low > 1e-12 * Math.Max(1, Math.Abs(low)); step++)
        {
            double middle = 0.5 * (low + high);
            if (Cdf(middle) < level) low = middle;
            else high = middle;
        }

        return 0.5 * (low + high);
    }

    /// <summary>One draw: a component by weight, then a normal deviate (Box–Muller through MathNet).</summary>
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double u = random.NextDouble();
        int k = 0;
        double cumulative = _weights[0];
        while (u > cumulative && k < _weights.Length - 1)
        {
            cumulative += _weights[++k];
        }

        return MathNet.Numerics.Distributions.Normal.Sample(random, _means[k], _sigmas[k]);
    }
}
