namespace StreamProcessor.Dynamics.Baselines;

/// <summary>
/// Random Fourier features of a 2D Gaussian kernel (Rahimi &amp; Recht 2007, NIPS 20, "Random features for large-scale
/// kernel machines", Algorithm 1): k(x, x′) = exp(−|x − x′|² / 2γ²) ≈ φ(x)·φ(x′) with
/// φ_j(x) = √(2/D) cos(ω_j·x + b_j), ω_j ~ N(0, γ⁻² I₂), b_j ~ U[0, 2π). The draws are stored unscaled
/// (ε_j = γ ω_j ~ N(0, I₂)) so that one set of draws serves every bandwidth γ of a selection grid, and they are kept
/// in the saved model so a prediction never depends on re-running a random generator.
/// </summary>
/// <param name="RadiusFrequencies">ε_j along the scaled projected radius.</param>
/// <param name="VelocityFrequencies">ε_j along the scaled |v_los|.</param>
/// <param name="Phases">b_j in [0, 2π).</param>
public sealed record RandomFourierFeatures(double[] RadiusFrequencies, double[] VelocityFrequencies, double[] Phases)
{
    /// <summary>D, the number of features.</summary>
    public int Count => Phases.Length;

    /// <summary>D features drawn from the xoshiro256** stream of <paramref name="seed"/> (ε_r, ε_v, b per feature, in that order).</summary>
    public static RandomFourierFeatures Draw(ulong seed, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new SeededRandom(seed);
        var radius = new double[count];
        var velocity = new double[count];
        var phases = new double[count];
        for (int j = 0; j < count; j++)
        {
            radius[j] = random.NextGaussian();
            velocity[j] = random.NextGaussian();
            phases[j] = random.NextUniform(0, 2 * Math.PI);
        }
        return new RandomFourierFeatures(radius, velocity, phases);
    }

    /// <summary>
    /// The empirical kernel mean embedding μ̂ = (1/N) Σ_i φ(x_i) of the points (<paramref name="u"/>_i, <paramref name="w"/>_i)
    /// (already scaled to the kernel's units) with bandwidth <paramref name="bandwidth"/>, written to <paramref name="embedding"/> (length D).
    /// </summary>
    public void MeanEmbedding(ReadOnlySpan<double> u, ReadOnlySpan<double> w, double bandwidth, Span<double> embedding)
    {
        if (u.Length != w.Length) throw new ArgumentException("The two coordinates differ in length.", nameof(w));
        if (u.IsEmpty) throw new ArgumentException("An embedding needs at least one point.", nameof(u));
        if (embedding.Length != Count) throw new ArgumentException($"The embedding has {embedding.Length} slots for {Count} features.", nameof(embedding));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bandwidth);
        double inverseBandwidth = 1 / bandwidth;
        double amplitude = Math.Sqrt(2.0 / Count) / u.Length;
        for (int j = 0; j < Count; j++)
        {
            double omegaU = RadiusFrequencies[j] * inverseBandwidth;
            double omegaW = VelocityFrequencies[j] * inverseBandwidth;
            double phase = Phases[j];
            double sum = 0;
            for (int i = 0; i < u.Length; i++)
            {
                sum += Math.Cos((omegaU * u[i]) + (omegaW * w[i]) + phase);
            }
            embedding[j] = amplitude * sum;
        }
    }
}
