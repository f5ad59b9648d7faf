using System.CommandLine;
using System.Diagnostics;
using System.Numerics;
using StreamProcessor.PhaseSpace.Kde;

namespace StreamProcessor.Bench;

/// <summary>
/// <c>bench kde</c>: times the reference Gaussian-KDE loop (<see cref="KdeReference"/>) against the separable fast
/// path (<see cref="Kde2D"/>, <see cref="Kde3D"/>) on the same random clusters in one process, and reports ms per
/// cluster, the speed-up and the largest absolute difference of the normalised images. Targets (issue): speed-up
/// of at least 20x and max |difference| of at most 1e-9; the command exits 1 when the accuracy target is missed.
/// </summary>
internal static class KdeBenchCommand
{
    private const double TargetSpeedUp = 20.0;
    private const double TargetMaxAbsDifference = 1e-9;

    internal static Command Create()
    {
        var clusters = new Option<int>("--clusters") { Description = "Random clusters for the 2D image (50-200 members each).", DefaultValueFactory = _ => 200 };
        var clusters3D = new Option<int>("--clusters-3d") { Description = "Random clusters for the 3D cube (its reference loop is ~50x slower per cluster).", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of the cluster generator.", DefaultValueFactory = _ => 1 };
        var passes = new Option<int>("--passes") { Description = "Timed passes over all clusters per path; the fastest pass is reported.", DefaultValueFactory = _ => 3 };
        var command = new Command("kde", "Gaussian-KDE phase-space images: reference triple loop vs separable fast path (2D 48x48 and 3D 50^3).")
        {
            clusters, clusters3D, seed, passes,
        };
        command.SetAction(parse => Run(
            parse.GetValue(clusters), parse.GetValue(clusters3D), parse.GetValue(seed), parse.GetValue(passes), Console.Out));
        return command;
    }

    internal static int Run(int clusterCount, int clusterCount3D, int seed, int passes, TextWriter output)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clusterCount3D);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(passes);

        var generator = new SyntheticPhaseSpace(seed);
        var clusters2D = Enumerable.Range(0, clusterCount).Select(_ => generator.NextCluster2D()).ToArray();
        var clusters3D = Enumerable.Range(0, clusterCount3D).Select(_ => generator.NextCluster3D()).ToArray();

        output.WriteLine($"bench kde: seed {seed}, 50-200 members per cluster, best of {passes} passes, single thread, " +
                         $"Vector<double>.Count = {Vector<double>.Count}, {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
        output.WriteLine(KdeBenchResult.Header);

        var result2D = Bench2D(clusters2D, passes);
        output.WriteLine(result2D);
        var result3D = Bench3D(clusters3D, passes);
        output.WriteLine(result3D);

        bool accurate = result2D.MaxAbsDifference <= TargetMaxAbsDifference && result3D.MaxAbsDifference <= TargetMaxAbsDifference;
        bool fast = result2D.SpeedUp >= TargetSpeedUp && result3D.SpeedUp >= TargetSpeedUp;
        output.WriteLine($"targets: speed-up >= {TargetSpeedUp}x {(fast ? "met" : "NOT met")}; max |fast - ref| <= {TargetMaxAbsDifference:E0} {(accurate ? "met" : "NOT met")}");
        return accurate ? 0 : 1;
    }

    private static KdeBenchResult Bench2D((double[] V, double[] R)[] clusters, int passes)
    {
        var grid = KdeGrid2D.Default;
        var kde = new Kde2D(grid);
        var reference = clusters.Select(_ => new double[grid.ImageLength]).ToArray();
        var fast = clusters.Select(_ => new double[grid.ImageLength]).ToArray();

        // Warm-up: both paths reach optimised (tier-1) code before any timed pass.
        WarmUp(() => { for (int c = 0; c < Math.Min(3, clusters.Length); c++) KdeReference.Image2D(clusters[c].V, clusters[c].R, grid, reference[c]); },
               () => { for (int c = 0; c < clusters.Length; c++) kde.Compute(clusters[c].V, clusters[c].R, fast[c]); });

        double referenceMs = BestPassMs(passes, () => { for (int c = 0; c < clusters.Length; c++) KdeReference.Image2D(clusters[c].V, clusters[c].R, grid, reference[c]); });
        double fastMs = BestPassMs(passes, () => { for (int c = 0; c < clusters.Length; c++) kde.Compute(clusters[c].V, clusters[c].R, fast[c]); });
        return new KdeBenchResult("2D 48x48", clusters.Length, referenceMs / clusters.Length, fastMs / clusters.Length, MaxAbsDifference(reference, fast));
    }

    private static KdeBenchResult Bench3D((double[] X, double[] Y, double[] V)[] clusters, int passes)
    {
        var grid = KdeGrid3D.Default;
        var kde = new Kde3D(grid);
        var reference = clusters.Select(_ => new double[grid.ImageLength]).ToArray();
        var fast = clusters.Select(_ => new double[grid.ImageLength]).ToArray();

        WarmUp(() => KdeReference.Image3D(clusters[0].X, clusters[0].Y, clusters[0].V, grid, reference[0]),
               () => { for (int c = 0; c < clusters.Length; c++) kde.Compute(clusters[c].X, clusters[c].Y, clusters[c].V, fast[c]); });

        double referenceMs = BestPassMs(passes, () => { for (int c = 0; c < clusters.Length; c++) KdeReference.Image3D(clusters[c].X, clusters[c].Y, clusters[c].V, grid, reference[c]); });
        double fastMs = BestPassMs(passes, () => { for (int c = 0; c < clusters.Length; c++) kde.Compute(clusters[c].X, clusters[c].Y, clusters[c].V, fast[c]); });
        return new KdeBenchResult("3D 50^3", clusters.Length, referenceMs / clusters.Length, fastMs / clusters.Length, MaxAbsDifference(reference, fast));
    }

    /// <summary>Runs each action a few times, then pauses so the runtime's background tier-1 compilation can finish.</summary>
    private static void WarmUp(Action reference, Action fast)
    {
        reference();
        for (int i = 0; i < 3; i++) fast();
        Thread.Sleep(250);
        fast();
    }

    private static double BestPassMs(int passes, Action pass)
    {
        double best = double.PositiveInfinity;
        for (int p = 0; p < passes; p++)
        {
            long start = Stopwatch.GetTimestamp();
            pass();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return best;
    }

    private static double MaxAbsDifference(double[][] reference, double[][] fast)
    {
        double max = 0;
        for (int c = 0; c < reference.Length; c++)
        {
            for (int i = 0; i < reference[c].Length; i++) max = Math.Max(max, Math.Abs(reference[c][i] - fast[c][i]));
        }

        return max;
    }
}
