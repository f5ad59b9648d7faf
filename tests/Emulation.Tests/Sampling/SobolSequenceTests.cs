using StreamProcessor.Emulation.Sampling;

namespace StreamProcessor.Emulation.Tests.Sampling;

public sealed class SobolSequenceTests
{
    // SciPy, scipy/stats/tests/test_qmc.py, TestSobol.unscramble_nd: qmc.Sobol(2, scramble=False).random(8).
    private static readonly double[][] ScipyFirstEight2D =
    [
        [0.0, 0.0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75],
        [0.375, 0.375], [0.875, 0.875], [0.625, 0.125], [0.125, 0.625],
    ];

    // SciPy 1.7, scipy/stats/tests/test_qmc.py, TestSobol.test_Unscrambled1DSobol / test_Unscrambled3DSobol: ten
    // points of Sobol(3, scramble=False) from a version that dropped the origin, i.e. our points 1..10.
    private static readonly double[] ScipyDimension1Points1To10 =
        [0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.1875, 0.6875, 0.9375];

    private static readonly double[] ScipyDimension3Points1To10 =
        [0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375, 0.9375, 0.4375, 0.6875];

    [Fact]
    public void First_eight_points_in_two_dimensions_match_scipy()
    {
        var points = new SobolSequence(2).Take(8);

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(ScipyFirstEight2D[i], points[i]);
        }
    }

    [Fact]
    public void Points_one_to_ten_of_dimensions_one_and_three_match_scipy()
    {
        var points = new SobolSequence(3).Take(10, skip: 1);

        Assert.Equal(ScipyDimension1Points1To10, points.Select(p => p[0]));
        Assert.Equal(ScipyDimension3Points1To10, points.Select(p => p[2]));
    }

    /// <summary>
    /// Integer coordinates (x 2^32) of far points, which use the high direction numbers of degree-9 dimensions and
    /// the recurrence. Generated with SciPy 1.10.1 (Debian python3-scipy), tolerance: exact:
    /// <c>e = qmc.Sobol(d=64, scramble=False); e.fast_forward(i); x = e.random(1)[0];
    /// [int(round(x[d - 1] * 2**32)) for d in (1, 2, 3, 10, 20, 38, 54, 64)]</c>.
    /// </summary>
    [Theory]
    [InlineData(1023L, new long[] { 4194304, 3233808384, 2629828608, 3653238784, 1371537408, 4240441344, 1749024768, 171966464 })]
    [InlineData(123456789L, new long[] { 4191448864, 3403469216, 27513184, 1734853024, 4190508256, 352425248, 2521910496, 1087637792 })]
    public void Far_points_in_high_dimensions_match_scipy(long index, long[] expectedTimes2To32)
    {
        int[] dimensions = [1, 2, 3, 10, 20, 38, 54, 64];

        var point = new SobolSequence(64).Point(index);

        Assert.Equal(expectedTimes2To32, dimensions.Select(d => (long)(point[d - 1] * SobolSequence.MaxPoints)));
    }

    [Fact]
    public void The_first_point_is_the_origin()
    {
        Assert.All(new SobolSequence(64).Next(), x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void Next_take_and_point_agree()
    {
        var sequence = new SobolSequence(7);
        var taken = sequence.Take(100);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(taken[i], sequence.Next());
            Assert.Equal(taken[i], sequence.Point(i));
        }

        Assert.Equal(100, sequence.NextIndex);
        Assert.Equal(taken[37..60], sequence.Take(23, skip: 37));
        sequence.Reset();
        Assert.Equal(taken[0], sequence.Next());
    }

    [Fact]
    public void Every_coordinate_of_the_first_2_to_the_k_points_has_one_point_per_interval_of_width_2_to_the_minus_k()
    {
        var points = new SobolSequence(SobolSequence.MaxDimensions).Take(1 << 10);

        for (var k = 0; k <= 10; k++)
        {
            int n = 1 << k;
            for (var d = 0; d < SobolSequence.MaxDimensions; d++)
            {
                var cells = points.Take(n).Select(p => (int)Math.Floor(p[d] * n)).Order();
                Assert.Equal(Enumerable.Range(0, n), cells);
            }
        }
    }

    [Fact]
    public void Dimensions_one_and_two_form_a_0_k_2_net_for_every_k_up_to_10()
    {
        var points = new SobolSequence(2).Take(1 << 10);

        for (var k = 0; k <= 10; k++)
        {
            int n = 1 << k;
            for (var a = 0; a <= k; a++)
            {
                // Elementary boxes of shape 2^-a x 2^-(k-a): 2^k of them, each must hold exactly one point.
                var boxes = points.Take(n)
                    .Select(p => ((int)Math.Floor(p[0] * (1 << a)) << (k - a)) + (int)Math.Floor(p[1] * (1 << (k - a))))
                    .Order();
                Assert.Equal(Enumerable.Range(0, n), boxes);
            }
        }
    }

    [Fact]
    public void Mean_of_4096_points_is_one_half_in_every_dimension()
    {
        var points = new SobolSequence(SobolSequence.MaxDimensions).Take(4096);

        for (var d = 0; d < SobolSequence.MaxDimensions; d++)
        {
            Assert.InRange(points.Average(p => p[d]), 0.5 - 1e-3, 0.5 + 1e-3);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(SobolSequence.MaxDimensions + 1)]
    public void Constructor_rejects_an_unsupported_dimension(int dimensions)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(dimensions));
    }

    [Fact]
    public void Take_and_point_reject_negative_or_out_of_range_indices()
    {
        var sequence = new SobolSequence(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Take(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Take(1, skip: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Take(2, skip: SobolSequence.MaxPoints - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Take(2, skip: long.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Point(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sequence.Point(SobolSequence.MaxPoints));
        Assert.Empty(sequence.Take(0));
    }

    [Fact]
    public void ScaleToBox_maps_linear_and_log10_axes()
    {
        var scaled = SobolSequence.ScaleToBox([0.0, 0.5, 0.5, 1.0], [-1.0, 0.0, 1e-3, 1e-3], [1.0, 10.0, 1e1, 1e1], [false, false, true, true]);

        Assert.Equal(-1.0, scaled[0]);
        Assert.Equal(5.0, scaled[1], 12);
        Assert.Equal(0.1, scaled[2], 12);
        Assert.Equal(10.0, scaled[3]);
    }

    [Fact]
    public void ScaleToBox_treats_missing_log_flags_as_linear()
    {
        Assert.Equal(new[] { 2.5, 3.0 }, SobolSequence.ScaleToBox([0.25, 1.0], [0.0, 1.0], [10.0, 3.0]));
    }

    [Fact]
    public void ScaleToBox_rejects_bad_arguments()
    {
        Assert.Throws<ArgumentException>(() => SobolSequence.ScaleToBox([0.5], [0.0, 0.0], [1.0, 1.0]));
        Assert.Throws<ArgumentException>(() => SobolSequence.ScaleToBox([0.5], [0.0], [1.0], [true, false]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.ScaleToBox([1.5], [0.0], [1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.ScaleToBox([double.NaN], [0.0], [1.0]));
        Assert.Throws<ArgumentException>(() => SobolSequence.ScaleToBox([0.5], [2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => SobolSequence.ScaleToBox([0.5], [0.0], [double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => SobolSequence.ScaleToBox([0.5], [0.0], [1.0], [true]));
    }
}
