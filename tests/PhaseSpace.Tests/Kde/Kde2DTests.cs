using StreamProcessor.PhaseSpace.Kde;

namespace StreamProcessor.PhaseSpace.Tests.Kde;

public sealed class Kde2DTests
{
    private static readonly KdeGrid2D Grid = KdeGrid2D.Default;

    [Fact]
    public void Image_matches_a_hand_computed_scipy_density_ratio_for_four_points()
    {
        double[] v = [-300, 100, 400, -50];
        double[] r = [0.2, 0.5, 0.9, 1.3];

        // scipy gaussian_kde by hand: np.cov (ddof = 1), K = 0.25^2 cov, kernel exp(-d^T K^-1 d / 2).
        double mv = (-300 + 100 + 400 - 50) / 4.0, mr = (0.2 + 0.5 + 0.9 + 1.3) / 4.0;
        double svv = 0, srr = 0, svr = 0;
        for (int i = 0; i < 4; i++)
        {
            svv += (v[i] - mv) * (v[i] - mv) / 3.0;
            srr += (r[i] - mr) * (r[i] - mr) / 3.0;
            svr += (v[i] - mv) * (r[i] - mr) / 3.0;
        }

        double a = 0.0625 * svv, b = 0.0625 * svr, c = 0.0625 * srr, det = (a * c) - (b * b);
        double Density(double gv, double gr)
        {
            double sum = 0;
            for (int i = 0; i < 4; i++)
            {
                double dv = gv - v[i], dr = gr - r[i];
                sum += Math.Exp(-0.5 * ((c * dv * dv) - (2 * b * dv * dr) + (a * dr * dr)) / det);
            }

            return sum / (4 * 2 * Math.PI * Math.Sqrt(det));
        }

        // Bin centres written out: v_i = -2200 + (i + 1/2) * 4400/48, R_j = (j + 1/2) * 1.6/48.
        double v23 = -2200 + (23.5 * 4400 / 48), r12 = 12.5 * 1.6 / 48;
        double v26 = -2200 + (26.5 * 4400 / 48), r20 = 20.5 * 1.6 / 48;
        double expectedRatio = Density(v23, r12) / Density(v26, r20);

        var fast = new double[Grid.ImageLength];
        var reference = new double[Grid.ImageLength];
        new Kde2D(Grid).Compute(v, r, fast);
        KdeReference.Image2D(v, r, Grid, reference);

        Assert.Equal(expectedRatio, fast[(23 * 48) + 12] / fast[(26 * 48) + 20], 1e-12 * expectedRatio);
        Assert.Equal(expectedRatio, reference[(23 * 48) + 12] / reference[(26 * 48) + 20], 1e-12 * expectedRatio);
    }

    [Fact]
    public void Reference_image_is_the_scipy_density_divided_by_its_grid_sum()
    {
        var rng = new Random(11);
        var (v, r) = SyntheticMembers.Sample2D(rng, 7, 500, 0.8, 0.4, 0.2);
        double mv = v.Average(), mr = r.Average();
        double svv = v.Sum(x => (x - mv) * (x - mv)) / 6, srr = r.Sum(x => (x - mr) * (x - mr)) / 6;
        double svr = v.Zip(r, (x, y) => (x - mv) * (y - mr)).Sum() / 6;
        var inverse = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(
            new[,] { { svv, svr }, { svr, srr } }).Multiply(0.0625).Inverse();
        var expected = new double[48 * 48];
        for (int i = 0; i < 48; i++)
        {
            for (int j = 0; j < 48; j++)
            {
                double gv = -2200 + ((i + 0.5) * 4400 / 48), gr = (j + 0.5) * 1.6 / 48;
                for (int p = 0; p < v.Length; p++)
                {
                    var d = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([gv - v[p], gr - r[p]]);
                    expected[(i * 48) + j] += Math.Exp(-0.5 * d.DotProduct(inverse.Multiply(d)));
                }
            }
        }

        double total = expected.Sum();
        var image = new double[48 * 48];
        KdeReference.Image2D(v, r, Grid, image);

        Assert.True(SyntheticMembers.MaxAbsDifference(image, expected.Select(x => x / total).ToArray()) < 1e-14);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.3)]
    [InlineData(3, -0.5)]
    [InlineData(4, 0.9)]
    [InlineData(5, -0.95)]
    public void Fast_image_equals_the_reference_on_random_clusters(int seed, double rho)
    {
        var rng = new Random(seed);
        var kde = new Kde2D(Grid);
        var fast = new double[Grid.ImageLength];
        var reference = new double[Grid.ImageLength];
        for (int cluster = 0; cluster < 6; cluster++)
        {
            int count = rng.Next(50, 201);
            var (v, r) = SyntheticMembers.Sample2D(rng, count, 300 + (700 * rng.NextDouble()), 0.5 + (0.4 * rng.NextDouble()), 0.2 + (0.3 * rng.NextDouble()), rho);
            kde.Compute(v, r, fast);
            KdeReference.Image2D(v, r, Grid, reference);

            Assert.True(SyntheticMembers.MaxAbsDifference(fast, reference) <= 1e-9);
        }
    }

    [Theory]
    [InlineData(60.0, 0.05, 0.0)]
    [InlineData(120.0, 0.1, 0.8)]
    [InlineData(40.0, 0.03, -0.97)]
    public void Fast_image_equals_the_reference_for_compact_groups_that_need_several_tiles(double sigmaV, double sigmaR, double rho)
    {
        var rng = new Random(7);
        var (v, r) = SyntheticMembers.Sample2D(rng, 80, sigmaV, 0.3, sigmaR, rho);
        var fast = new double[Grid.ImageLength];
        var reference = new double[Grid.ImageLength];
        new Kde2D(Grid).Compute(v, r, fast);
        KdeReference.Image2D(v, r, Grid, reference);

        Assert.True(SyntheticMembers.MaxAbsDifference(fast, reference) <= 1e-9);
    }

    [Fact]
    public void Image_sums_to_one()
    {
        var (v, r) = SyntheticMembers.Sample2D(new Random(3), 120, 700, 0.7, 0.35, 0.1);
        var image = new double[Grid.ImageLength];
        new Kde2D(Grid).Compute(v, r, image);

        Assert.Equal(1.0, image.Sum(), 1e-12);
        Assert.All(image, x => Assert.True(x >= 0));
    }

    [Fact]
    public void Image_does_not_depend_on_the_order_of_the_members()
    {
        var rng = new Random(5);
        var (v, r) = SyntheticMembers.Sample2D(rng, 90, 600, 0.7, 0.3, 0.4);
        int[] order = Enumerable.Range(0, v.Length).OrderBy(_ => rng.Next()).ToArray();
        var image = new double[Grid.ImageLength];
        var permuted = new double[Grid.ImageLength];
        var kde = new Kde2D(Grid);
        kde.Compute(v, r, image);
        kde.Compute(order.Select(i => v[i]).ToArray(), order.Select(i => r[i]).ToArray(), permuted);

        Assert.True(SyntheticMembers.MaxAbsDifference(image, permuted) < 1e-15);
    }

    [Fact]
    public void Doubling_the_bandwidth_widens_the_image_as_kernel_covariance_bw_squared_times_data_covariance()
    {
        // A KDE's covariance is the data covariance plus the kernel's, bw^2 Sigma (scipy semantics), so with the
        // sample well inside the grid the image's velocity variance is (1 + bw^2) s_v^2: 1.0625 s_v^2 at bw = 0.25
        // and 1.25 s_v^2 at bw = 0.5 (a kernel covariance of bw Sigma would give 1.25 and 1.5 instead).
        var (v, r) = SyntheticMembers.Sample2D(new Random(9), 200, 350, 0.8, 0.2, 0.0);
        double meanV = v.Average();
        double sampleVariance = v.Sum(x => (x - meanV) * (x - meanV)) / (v.Length - 1);
        double VelocityVariance(double bandwidth)
        {
            var grid = Grid with { Bandwidth = bandwidth };
            var image = new double[grid.ImageLength];
            new Kde2D(grid).Compute(v, r, image);
            double mean = 0, second = 0;
            for (int i = 0; i < grid.VelocityBins; i++)
            {
                double rowMass = image.AsSpan(i * grid.RadiusBins, grid.RadiusBins).ToArray().Sum();
                double centre = grid.VelocityBinCentreKmPerS(i);
                mean += rowMass * centre;
                second += rowMass * centre * centre;
            }

            return second - (mean * mean);
        }

        double narrow = VelocityVariance(0.25) / sampleVariance;
        double wide = VelocityVariance(0.5) / sampleVariance;

        // Tolerance 0.01 covers the 48-bin discretisation (bin width^2 / 12 ~ 0.006 s_v^2) and sampling noise.
        Assert.Equal(1 + 0.0625, narrow, 0.01);
        Assert.Equal(1 + 0.25, wide, 0.01);
    }

    [Fact]
    public void Warm_compute_allocates_nothing()
    {
        var (v, r) = SyntheticMembers.Sample2D(new Random(1), 150, 600, 0.7, 0.3, 0.3);
        var (vSmall, rSmall) = SyntheticMembers.Sample2D(new Random(2), 60, 60, 0.3, 0.05, 0.5);
        var kde = new Kde2D(Grid);
        var image = new double[Grid.ImageLength];
        kde.Compute(v, r, image);

        long before = GC.GetAllocatedBytesForCurrentThread();
        kde.Compute(v, r, image);
        kde.Compute(vSmall, rSmall, image);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Fewer_than_three_members_are_rejected_as_too_few_points()
    {
        var error = Assert.Throws<DegenerateSampleException>(() => new Kde2D(Grid).Compute([1.0, 2.0], [0.1, 0.2], new double[Grid.ImageLength]));

        Assert.Equal(SampleDegeneracy.TooFewPoints, error.Degeneracy);
    }

    [Fact]
    public void Identical_velocities_are_rejected_as_zero_variance()
    {
        var error = Assert.Throws<DegenerateSampleException>(() => new Kde2D(Grid).Compute([150.0, 150.0, 150.0, 150.0], [0.1, 0.2, 0.4, 0.3], new double[Grid.ImageLength]));

        Assert.Equal(SampleDegeneracy.ZeroVariance, error.Degeneracy);
    }

    [Fact]
    public void Collinear_members_are_rejected_as_singular_covariance_by_both_paths()
    {
        double[] v = [-400, -100, 200, 500, 800];
        double[] r = v.Select(x => 0.6 + (0.0005 * x)).ToArray();

        var fast = Assert.Throws<DegenerateSampleException>(() => new Kde2D(Grid).Compute(v, r, new double[Grid.ImageLength]));
        var reference = Assert.Throws<DegenerateSampleException>(() => KdeReference.Image2D(v, r, Grid, new double[Grid.ImageLength]));

        Assert.Equal(SampleDegeneracy.SingularCovariance, fast.Degeneracy);
        Assert.Equal(SampleDegeneracy.SingularCovariance, reference.Degeneracy);
    }

    [Fact]
    public void A_nan_velocity_is_rejected_as_non_finite()
    {
        var error = Assert.Throws<DegenerateSampleException>(() => new Kde2D(Grid).Compute([1.0, double.NaN, 3.0], [0.1, 0.2, 0.4], new double[Grid.ImageLength]));

        Assert.Equal(SampleDegeneracy.NonFiniteValue, error.Degeneracy);
    }

    [Fact]
    public void Members_far_outside_the_grid_are_rejected_as_no_density_on_grid()
    {
        double[] v = [90000, 90100, 90050, 90020];
        double[] r = [0.2, 0.3, 0.25, 0.4];

        var error = Assert.Throws<DegenerateSampleException>(() => new Kde2D(Grid).Compute(v, r, new double[Grid.ImageLength]));

        Assert.Equal(SampleDegeneracy.NoDensityOnGrid, error.Degeneracy);
    }

    [Fact]
    public void Mismatched_span_lengths_are_a_plain_argument_error()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new Kde2D(Grid).Compute([1.0, 2.0, 3.0], [0.1, 0.2], new double[Grid.ImageLength]));

        Assert.IsNotType<DegenerateSampleException>(error);
    }
}
