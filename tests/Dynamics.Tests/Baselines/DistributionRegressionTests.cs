using StreamProcessor.Dynamics.Baselines;

namespace StreamProcessor.Dynamics.Tests.Baselines;

public sealed class DistributionRegressionTests
{
    /// <summary>Small grids keep the test fast; the relation is learnable at any of these settings.</summary>
    private static readonly DistributionRegressionOptions Options = new() { FeatureCount = 128, Bandwidths = [0.1, 0.3], RidgeLambdas = [1e-6, 1e-4] };

    [Fact]
    public void Random_fourier_features_approximate_the_gaussian_kernel()
    {
        RandomFourierFeatures features = RandomFourierFeatures.Draw(seed: 5, count: 20000);
        const double bandwidth = 0.2;
        var a = new double[features.Count];
        var b = new double[features.Count];
        features.MeanEmbedding([0.30], [0.20], bandwidth, a);
        foreach ((double u, double w) in new[] { (0.30, 0.20), (0.45, 0.10), (0.10, 0.50), (0.90, 0.90) })
        {
            features.MeanEmbedding([u], [w], bandwidth, b);
            double distanceSquared = ((u - 0.30) * (u - 0.30)) + ((w - 0.20) * (w - 0.20));
            double dot = a.Zip(b, (x, y) => x * y).Sum();
            // Rahimi & Recht (2007): the estimate's standard deviation is below 1/sqrt(D) = 0.007.
            Assert.Equal(Math.Exp(-distanceSquared / (2 * bandwidth * bandwidth)), dot, 0.03);
        }
    }

    [Fact]
    public void Ridge_normal_equations_recover_a_noiseless_linear_relation_with_its_intercept()
    {
        var random = new SeededRandom(3);
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(50, 2, (_, _) => random.NextUniform(-1, 1));
        var y = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(50, i => (2 * x[i, 0]) - x[i, 1] + 3);

        (double[] weights, double intercept) = RidgeNormalEquations.From(x, y).Solve(1e-12);

        Assert.Equal(2, weights[0], 1e-8);
        Assert.Equal(-1, weights[1], 1e-8);
        Assert.Equal(3, intercept, 1e-8);
        // A large penalty shrinks the weights towards zero and the prediction towards the mean target.
        (double[] shrunk, _) = RidgeNormalEquations.From(x, y).Solve(1e3);
        Assert.True(Math.Abs(shrunk[0]) < 0.01 && Math.Abs(shrunk[1]) < 0.01);
    }

    [Fact]
    public void It_recovers_a_mass_velocity_relation_that_evolves_with_redshift_on_held_out_clusters()
    {
        DistributionRegression model = DistributionRegressionFitter.Fit(Clusters(600, seed: 1), Clusters(200, seed: 2), Options);
        MemberSample[] test = Clusters(300, seed: 3);

        double[] residuals = [.. test.Select(s => model.PredictLog10M200c(s.RProjMpcOverH, s.VLosKmPerS, s.Redshift)!.Value - s.Log10M200c)];
        double bias = residuals.Average();
        double scatter = Math.Sqrt(residuals.Sum(r => (r - bias) * (r - bias)) / (residuals.Length - 1));

        // The true log M spans 1.8 dex (standard deviation 0.52); σ from ~100 members is known to ~7 %, i.e. ~0.09 dex in M ∝ σ³.
        Assert.InRange(scatter, 0, 0.15);
        Assert.InRange(bias, -0.03, 0.03);
        Assert.Equal(800, model.TrainingCount);
        Assert.Equal(200, model.ValidationCount);
        Assert.Contains(model.Embedding.Bandwidth, Options.Bandwidths);
        Assert.Contains(model.RidgeLambda, Options.RidgeLambdas);
    }

    [Fact]
    public void Fitting_is_deterministic_from_the_seed_and_independent_of_the_thread_count()
    {
        MemberSample[] fitting = Clusters(120, seed: 7);
        MemberSample[] heldOut = Clusters(40, seed: 8);

        string first = DistributionRegressionFitter.Fit(fitting, heldOut, Options).ToJson();
        string second = DistributionRegressionFitter.Fit(fitting, heldOut, Options with { Threads = 1 }).ToJson();
        string otherSeed = DistributionRegressionFitter.Fit(fitting, heldOut, Options with { Seed = Options.Seed + 1 }).ToJson();

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void A_saved_model_reproduces_its_predictions_and_records_its_settings()
    {
        DistributionRegression model = DistributionRegressionFitter.Fit(Clusters(120, seed: 9), Clusters(40, seed: 10), Options);
        string json = model.ToJson();

        DistributionRegression back = DistributionRegression.FromJson(json);

        foreach (MemberSample s in Clusters(20, seed: 11))
        {
            Assert.Equal(model.PredictLog10M200c(s.RProjMpcOverH, s.VLosKmPerS, s.Redshift), back.PredictLog10M200c(s.RProjMpcOverH, s.VLosKmPerS, s.Redshift));
        }
        Assert.Equal(model.Seed, back.Seed);
        Assert.Equal(model.RidgeLambda, back.RidgeLambda);
        Assert.Equal(model.Embedding.Bandwidth, back.Embedding.Bandwidth);
        Assert.Equal(1.6, back.Embedding.RadiusScaleMpcOverH);
        Assert.Equal(2200, back.Embedding.VelocityScaleKmPerS);
        Assert.Contains("\"FeatureCount\": 128", json);
        Assert.Throws<System.Text.Json.JsonException>(() => DistributionRegression.FromJson(json.Replace("\"Weights\": [", "\"Weights\": [1.0,")));
    }

    [Fact]
    public void It_refuses_fewer_than_three_members_and_non_finite_input()
    {
        DistributionRegression model = DistributionRegressionFitter.Fit(Clusters(120, seed: 12), Clusters(40, seed: 13), Options);

        Assert.NotNull(model.PredictLog10M200c([0.2, 0.5, 0.9], [100, -400, 800], 0.3));
        Assert.Null(model.PredictLog10M200c([0.2, 0.5], [100, -400], 0.3));
        Assert.Null(model.PredictLog10M200c([0.2, double.NaN, 0.9], [100, -400, 800], 0.3));
        Assert.Null(model.PredictLog10M200c([0.2, 0.5, 0.9], [100, double.PositiveInfinity, 800], 0.3));
        Assert.Null(model.PredictLog10M200c([0.2, 0.5, 0.9], [100, -400, 800], double.NaN));
        Assert.Null(model.PredictLog10M200c([0.2, 0.5, 0.9], [100, -400], 0.3));
    }

    /// <summary>
    /// Synthetic clusters with a known relation: log10 M flat in 13.5–15.3, σ = 10^(2.97 + (log10 M − 15)/3) (1 + z)^{1/3} km/s,
    /// 80–160 members with Gaussian v_los and R_proj = 1.6 √u h⁻¹ Mpc (uniform surface density), z uniform in 0.03–1.1.
    /// </summary>
    private static MemberSample[] Clusters(int count, ulong seed)
    {
        var samples = new MemberSample[count];
        for (int c = 0; c < count; c++)
        {
            SeededRandom random = SeededRandom.ForStream(seed, (ulong)c);
            double log10M = random.NextUniform(13.5, 15.3);
            double redshift = random.NextUniform(0.03, 1.1);
            double sigma = Math.Pow(10, 2.97 + ((log10M - 15) / 3)) * Math.Cbrt(1 + redshift);
            int members = 80 + random.Next(81);
            var r = new double[members];
            var v = new double[members];
            for (int i = 0; i < members; i++)
            {
                r[i] = 1.6 * Math.Sqrt(random.NextDouble());
                v[i] = sigma * random.NextGaussian();
            }
            samples[c] = new MemberSample(r, v, redshift, log10M);
        }
        return samples;
    }
}
