using StreamProcessor.PhaseSpace.Kde;

namespace StreamProcessor.PhaseSpace.Tests.Kde;

public sealed class Kde3DTests
{
    private static readonly KdeGrid3D Grid = KdeGrid3D.Default;

    [Fact]
    public void Cube_matches_a_hand_computed_scipy_density_ratio_for_five_points()
    {
        double[] x = [-0.4, 0.1, 0.5, -0.2, 0.3];
        double[] y = [0.3, -0.5, 0.2, 0.0, 0.6];
        double[] v = [-250, 300, 100, -600, 450];

        // scipy gaussian_kde by hand with MathNet for the 3 x 3 inverse: K = 0.175^2 np.cov (ddof = 1).
        double[][] columns = [x, y, v];
        var cov = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(3, 3, (i, j) =>
        {
            double mi = columns[i].Average(), mj = columns[j].Average();
            return Enumerable.Range(0, 5).Sum(p => (columns[i][p] - mi) * (columns[j][p] - mj)) / 4.0;
        });
        var inverse = cov.Multiply(0.175 * 0.175).Inverse();
        double Density(double gx, double gy, double gv) => Enumerable.Range(0, 5).Sum(p =>
        {
            var d = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([gx - x[p], gy - y[p], gv - v[p]]);
            return Math.Exp(-0.5 * d.DotProduct(inverse.Multiply(d)));
        });

        // Bin centres: x_i = -1.6 + (i + 1/2) 3.2/50, v_k = -2200 + (k + 1/2) 4400/50.
        static double P(int i) => -1.6 + ((i + 0.5) * 3.2 / 50);
        static double V(int k) => -2200 + ((k + 0.5) * 4400 / 50);
        double expectedRatio = Density(P(26), P(27), V(26)) / Density(P(24), P(25), V(22));

        var fast = new double[Grid.ImageLength];
        new Kde3D(Grid).Compute(x, y, v, fast);

        Assert.Equal(expectedRatio, fast[Grid.Index(26, 27, 26)] / fast[Grid.Index(24, 25, 22)], 1e-11 * expectedRatio);
    }

    [Theory]
    [InlineData(1, 0.0, 0.5, 700.0)]
    [InlineData(2, 0.6, 0.4, 500.0)]
    [InlineData(3, -0.9, 0.6, 900.0)]
    [InlineData(4, 0.3, 0.08, 90.0)]
    public void Fast_cube_equals_the_reference_on_random_clusters(int seed, double rho, double sigmaPos, double sigmaV)
    {
        var rng = new Random(seed);
        int count = rng.Next(50, 90);
        var (x, y, v) = SyntheticMembers.Sample3D(rng, count, sigmaPos, sigmaV, rho);
        var fast = new double[Grid.ImageLength];
        var reference = new double[Grid.ImageLength];
        new Kde3D(Grid).Compute(x, y, v, fast);
        KdeReference.Image3D(x, y, v, Grid, reference);

        Assert.True(SyntheticMembers.MaxAbsDifference(fast, reference) <= 1e-9);
        Assert.Equal(1.0, fast.Sum(), 1e-12);
    }

    [Fact]
    public void Warm_compute_allocates_nothing()
    {
        var (x, y, v) = SyntheticMembers.Sample3D(new Random(1), 120, 0.5, 600, 0.2);
        var kde = new Kde3D(Grid);
        var image = new double[Grid.ImageLength];
        kde.Compute(x, y, v, image);

        long before = GC.GetAllocatedBytesForCurrentThread();
        kde.Compute(x, y, v, image);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Three_members_are_too_few_for_a_full_rank_3d_covariance()
    {
        var error = Assert.Throws<DegenerateSampleException>(() =>
            new Kde3D(Grid).Compute([0.1, 0.2, 0.3], [0.0, 0.5, -0.2], [100, -50, 20], new double[Grid.ImageLength]));

        Assert.Equal(SampleDegeneracy.TooFewPoints, error.Degeneracy);
    }

    [Fact]
    public void Coplanar_members_are_rejected_as_singular_covariance()
    {
        double[] x = [0.1, -0.3, 0.4, 0.0, 0.2, -0.5];
        double[] y = [0.2, 0.1, -0.4, 0.3, -0.1, 0.0];
        double[] v = x.Zip(y, (a, b) => (300 * a) - (500 * b)).ToArray();

        var error = Assert.Throws<DegenerateSampleException>(() => new Kde3D(Grid).Compute(x, y, v, new double[Grid.ImageLength]));

        Assert.Equal(SampleDegeneracy.SingularCovariance, error.Degeneracy);
    }
}
