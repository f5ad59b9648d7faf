using System.Buffers.Binary;
using StreamProcessor.Plotting;

namespace StreamProcessor.Plotting.Tests;

public sealed class ParameterPlotsTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly double[] Levels = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
    private static readonly Dictionary<string, double> Thresholds = new() { ["cosmological"] = 0.97, ["astrophysical"] = 0.90 };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parameter-plots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    public static TheoryData<int> Sizes => [1, 6, 28];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Predicted_versus_true_writes_a_grid_png(int n)
    {
        var (names, groups) = Parameters(n);
        var (truth, mean, sigma) = Posterior(n, samples: 300);
        string path = ParameterPlots.PredictedVersusTrue(Png($"pvt{n}"), names, groups, truth, mean, sigma);
        AssertPng(path, ParameterPlots.GridPixels(n));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Correlation_bars_write_a_png(int n)
    {
        var (names, groups) = Parameters(n);
        double[] r = Enumerable.Range(0, n).Select(p => 0.85 + (0.15 * p / Math.Max(1, n - 1))).ToArray();
        string path = ParameterPlots.CorrelationBars(Png($"bars{n}"), names, groups, r, Thresholds);
        AssertPng(path, ParameterPlots.CorrelationBarsPixels(n));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Coverage_curves_write_a_png_for_one_and_for_two_estimators(int n)
    {
        var (names, _) = Parameters(n);
        var size = (ParameterPlots.CoverageWidthPixels, ParameterPlots.CoverageHeightPixels);
        AssertPng(ParameterPlots.CoverageCurves(Png($"cov{n}"), names, Levels, Coverage(n, 0.9), "coverage"), size);
        CoverageSeries[] both = [new("moment network", Coverage(n, 0.9)), new("flow", Coverage(n, 1.0))];
        AssertPng(ParameterPlots.CoverageCurves(Png($"cov2-{n}"), names, Levels, both, "coverage"), size);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Rank_histograms_write_a_grid_png(int n)
    {
        var (names, _) = Parameters(n);
        var random = new Random(3);
        int[][] counts = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, 20).Select(_ => random.Next(30, 70)).ToArray()).ToArray();
        AssertPng(ParameterPlots.RankHistograms(Png($"rank{n}"), names, counts), ParameterPlots.GridPixels(n));
    }

    [Fact]
    public void Non_finite_samples_are_skipped_not_fatal()
    {
        var (names, groups) = Parameters(3);
        var (truth, mean, sigma) = Posterior(3, samples: 50);
        truth[0][0] = double.NaN;
        mean[0][1] = double.PositiveInfinity;
        sigma[0][2] = double.NaN;
        Array.Fill(mean[2], double.NaN); // a parameter with no finite sample: an empty panel, "r = n/a"
        AssertPng(ParameterPlots.PredictedVersusTrue(Png("nan-pvt"), names, groups, truth, mean, sigma, maxPointsPerPanel: null), ParameterPlots.GridPixels(3));
        AssertPng(ParameterPlots.CorrelationBars(Png("nan-bars"), names, groups, [0.99, double.NaN, 0.5], Thresholds), ParameterPlots.CorrelationBarsPixels(3));
        double[][] coverage = Coverage(3, 1.0);
        coverage[0][4] = double.NaN;
        Array.Fill(coverage[1], double.NaN);
        AssertPng(ParameterPlots.CoverageCurves(Png("nan-cov"), names, Levels, coverage, "coverage"), (ParameterPlots.CoverageWidthPixels, ParameterPlots.CoverageHeightPixels));
    }

    [Fact]
    public void Subsampling_and_a_missing_folder_are_handled()
    {
        var (names, groups) = Parameters(2);
        var (truth, mean, sigma) = Posterior(2, samples: 5000);
        string path = Path.Combine(_folder, "nested", "deeper", "pvt.png");
        AssertPng(ParameterPlots.PredictedVersusTrue(path, names, groups, truth, mean, sigma, maxPointsPerPanel: 100), ParameterPlots.GridPixels(2));
    }

    [Fact]
    public void Pearson_r_skips_non_finite_pairs()
    {
        Assert.Equal(1.0, ParameterPlots.PearsonR([1, 2, 3, double.NaN], [2, 4, 6, 8]), 12);
        Assert.Equal(-1.0, ParameterPlots.PearsonR([1, 2, 3], [3, 2, 1]), 12);
        Assert.Equal(0.8, ParameterPlots.PearsonR([1, 2, 3, 4, 5], [1, 3, 2, 5, 4]), 12);
        Assert.True(double.IsNaN(ParameterPlots.PearsonR([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(ParameterPlots.PearsonR([1, double.NaN], [1, 2])));
        Assert.Throws<ArgumentException>(() => ParameterPlots.PearsonR([1, 2], [1]));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(6, 3, 2)]
    [InlineData(9, 3, 3)]
    [InlineData(28, 6, 5)]
    public void Grid_has_about_sqrt_n_columns(int panels, int columns, int rows)
    {
        Assert.Equal((columns, rows), ParameterPlots.GridShape(panels));
        Assert.Equal((columns * ParameterPlots.PanelPixels, rows * ParameterPlots.PanelPixels), ParameterPlots.GridPixels(panels));
    }

    [Fact]
    public void Predicted_versus_true_rejects_ragged_and_mismatched_input()
    {
        var (names, groups) = Parameters(3);
        var (truth, mean, sigma) = Posterior(3, samples: 10);
        string path = Png("bad");
        mean[1] = mean[1][..9];
        Assert.Throws<ArgumentException>("mean", () => ParameterPlots.PredictedVersusTrue(path, names, groups, truth, mean, sigma));
        (truth, mean, sigma) = Posterior(3, samples: 10);
        Assert.Throws<ArgumentException>("groups", () => ParameterPlots.PredictedVersusTrue(path, names, groups[..2], truth, mean, sigma));
        Assert.Throws<ArgumentException>("sigma", () => ParameterPlots.PredictedVersusTrue(path, names, groups, truth, mean, sigma[..2]));
        Assert.Throws<ArgumentException>("truth", () => ParameterPlots.PredictedVersusTrue(path, names, groups, [truth[0], null!, truth[2]], mean, sigma));
        Assert.Throws<ArgumentException>("names", () => ParameterPlots.PredictedVersusTrue(path, [], [], [], [], []));
        Assert.Throws<ArgumentOutOfRangeException>("maxPointsPerPanel", () => ParameterPlots.PredictedVersusTrue(path, names, groups, truth, mean, sigma, 0));
        Assert.ThrowsAny<ArgumentException>(() => ParameterPlots.PredictedVersusTrue(" ", names, groups, truth, mean, sigma));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Other_figures_reject_mismatched_input()
    {
        var (names, groups) = Parameters(3);
        string path = Png("bad");
        Assert.Throws<ArgumentException>("pearsonR", () => ParameterPlots.CorrelationBars(path, names, groups, [0.9, 0.9], Thresholds));
        Assert.Throws<ArgumentException>("thresholdByGroup", () => ParameterPlots.CorrelationBars(path, names, groups, [0.9, 0.9, 0.9], new Dictionary<string, double> { ["cosmological"] = double.NaN }));

        double[][] coverage = Coverage(3, 1.0);
        coverage[2] = coverage[2][..5];
        Assert.Throws<ArgumentException>("empiricalCoverage", () => ParameterPlots.CoverageCurves(path, names, Levels, coverage, "t"));
        Assert.Throws<ArgumentException>("estimators", () => ParameterPlots.CoverageCurves(path, names, Levels, [new CoverageSeries("flow", coverage)], "t"));
        Assert.Throws<ArgumentException>("estimators", () => ParameterPlots.CoverageCurves(path, names, Levels, Array.Empty<CoverageSeries>(), "t"));
        Assert.Throws<ArgumentException>("nominalLevels", () => ParameterPlots.CoverageCurves(path, names, [], Coverage(3, 1.0), "t"));

        Assert.Throws<ArgumentException>("counts", () => ParameterPlots.RankHistograms(path, names, [[1, 2], [1, 2, 3], [1, 2]]));
        Assert.Throws<ArgumentException>("counts", () => ParameterPlots.RankHistograms(path, names, [[1, 2], [1, -2], [1, 2]]));
        Assert.Throws<ArgumentException>("counts", () => ParameterPlots.RankHistograms(path, names, [[1, 2], [1, 2]]));
        Assert.Throws<ArgumentException>("counts", () => ParameterPlots.RankHistograms(path, names, [[], [], []]));
        Assert.False(File.Exists(path));
    }

    private string Png(string name) => Path.Combine(_folder, name + ".png");

    private static void AssertPng(string path, (int Width, int Height) expected)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 5_000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        // IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(expected, (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20))));
        using var image = new ScottPlot.Image(path); // decodes the whole file
        Assert.Equal(expected, (image.Width, image.Height));
    }

    /// <summary>CAMELS-like names: up to five cosmological parameters first, then astrophysical ones.</summary>
    private static (string[] Names, string[] Groups) Parameters(int n)
    {
        string[] cosmological = ["Omega_m", "sigma_8", "Omega_b", "h", "n_s"];
        string[] names = Enumerable.Range(0, n).Select(p => p < cosmological.Length ? cosmological[p] : $"A_astro{p - cosmological.Length + 1}").ToArray();
        string[] groups = Enumerable.Range(0, n).Select(p => p < cosmological.Length ? "cosmological" : "astrophysical").ToArray();
        return (names, groups);
    }

    private static (double[][] Truth, double[][] Mean, double[][] Sigma) Posterior(int n, int samples)
    {
        var random = new Random(1);
        double[][] truth = new double[n][], mean = new double[n][], sigma = new double[n][];
        for (int p = 0; p < n; p++)
        {
            double noise = 0.02 + (0.01 * p);
            truth[p] = Enumerable.Range(0, samples).Select(_ => random.NextDouble()).ToArray();
            sigma[p] = Enumerable.Range(0, samples).Select(_ => noise * (0.5 + random.NextDouble())).ToArray();
            mean[p] = truth[p].Select((t, s) => t + (sigma[p][s] * ((2 * random.NextDouble()) - 1))).ToArray();
        }
        return (truth, mean, sigma);
    }

    /// <summary>Coverage curves bent by <paramref name="scale"/> (1 is calibrated), with a small spread per parameter.</summary>
    private static double[][] Coverage(int n, double scale) =>
        Enumerable.Range(0, n).Select(p => Levels.Select(l => Math.Clamp(Math.Pow(l, 1 / scale) + (0.005 * (p - (n / 2.0)) / n), 0, 1)).ToArray()).ToArray();
}
