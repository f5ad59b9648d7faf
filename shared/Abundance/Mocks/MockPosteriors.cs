using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using StreamProcessor.Abundance.Selection;

namespace StreamProcessor.Abundance.Mocks;

/// <summary>
/// Observes mock haloes the way the end-to-end check assumes the pipeline does: a halo enters the catalogue with
/// probability C(M_true, z), and its posterior is N(log₁₀ M_true + ε, σ) with ε ~ N(0, σ), i.e. an unbiased
/// estimator with Gaussian error σ whose reported width is honest.
/// </summary>
public static class MockPosteriors
{
    /// <summary>One posterior per selected halo, in halo order; deterministic for a given seed.</summary>
    public static IReadOnlyList<MassPosterior> Observe(
        IReadOnlyList<MockHalo> haloes, string survey, CompletenessModel completeness, double sigmaDex, int seed, DateTimeOffset detectionTimeUtc)
    {
        ArgumentNullException.ThrowIfNull(haloes);
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(completeness);
        if (!(sigmaDex >= 0 && sigmaDex <= 1)) throw new ArgumentOutOfRangeException(nameof(sigmaDex), sigmaDex, "σ must lie in [0, 1] dex.");
        var random = new Xoshiro256StarStar(seed);
        var posteriors = new List<MassPosterior>(haloes.Count);
        foreach (MockHalo halo in haloes)
        {
            // Both draws are made for every halo, so the noise of a halo does not depend on the selection of others.
            bool selected = random.NextDouble() < completeness.Evaluate(halo.Log10M200c, halo.Redshift);
            double noise = Normal.Sample(random, 0.0, 1.0) * sigmaDex;
            if (!selected) continue;
            posteriors.Add(new MassPosterior(halo.HaloId, survey, halo.Redshift, detectionTimeUtc, halo.Log10M200c + noise, sigmaDex, halo.Log10M200c));
        }

        return posteriors;
    }
}
