using StreamProcessor.Emulation.Camels;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation;

/// <summary>
/// Emulator accuracy on halos it was not conditioned on: K-fold cross-validation over held-out pairs (bases and
/// hyper-parameters fixed, each fold re-conditions on the pairs it keeps), or a held-out set. A halo is one
/// realisation, so these errors include its cosmic variance on top of the emulator's own error.
/// </summary>
public static class EmulatorValidation
{
    /// <summary>Errors per kind and radius over every halo of <paramref name="rows"/>, each predicted by a fold that did not see its pair.</summary>
    public static IReadOnlyList<ProfileErrors> CrossValidate(ProfileEmulator fitted, CamelsZoomDataset data, IReadOnlyList<int> rows, int folds, int seed)
    {
        int[] fold = PairSplit.PairFolds(data.Halos, rows, folds, seed);
        var predicted = new double[rows.Count][];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            int[] keep = [.. rows.Where((_, i) => fold[i] != f)];
            var emulator = ProfileEmulator.Condition(fitted.Model, data, keep);
            for (int i = 0; i < rows.Count; i++)
            {
                if (fold[i] == f)
                {
                    predicted[i] = Predict(emulator, data.Halos[rows[i]]);
                }
            }
        });

        return Errors(data, rows, predicted, fitted.Bins);
    }

    /// <summary>Errors per kind and radius of <paramref name="emulator"/> on the halos <paramref name="rows"/>.</summary>
    public static IReadOnlyList<ProfileErrors> HeldOut(ProfileEmulator emulator, CamelsZoomDataset data, IReadOnlyList<int> rows) =>
        Errors(data, rows, [.. rows.Select(r => Predict(emulator, data.Halos[r]))], emulator.Bins);

    /// <summary>The halo's measured log10 profiles of every kind of <see cref="ProfileEmulator.AllKinds"/>, Compton-y derived.</summary>
    public static double[] MeasuredLog10(CamelsHalo halo, IReadOnlyList<double> radiiKpc)
    {
        int bins = radiiKpc.Count;
        var values = new double[ProfileEmulator.AllKinds.Count * bins];
        foreach (var (kind, profile) in halo.Log10Profiles)
        {
            profile.CopyTo(values.AsSpan(ProfileEmulator.IndexOf(kind) * bins, bins));
        }

        var y = ComptonY.FromGas(radiiKpc, halo.Log10Profiles[ProfileKind.GasDensity], halo.Log10Profiles[ProfileKind.GasTemperature]);
        for (int i = 0; i < bins; i++)
        {
            values[(ProfileEmulator.IndexOf(ProfileKind.ComptonY) * bins) + i] = ProfileLayout.Log10Floored(ProfileKind.ComptonY, y[i]);
        }

        return values;
    }

    private static double[] Predict(ProfileEmulator emulator, CamelsHalo halo)
    {
        var values = new double[ProfileEmulator.AllKinds.Count * emulator.Bins];
        emulator.PredictLog10(emulator.UnitInputs(halo.Parameters, halo.Log10HaloMass), values);
        return values;
    }

    private static List<ProfileErrors> Errors(CamelsZoomDataset data, IReadOnlyList<int> rows, double[][] predicted, int bins)
    {
        double[][] measured = [.. rows.Select(r => MeasuredLog10(data.Halos[r], data.RadiiKpc))];
        var result = new List<ProfileErrors>();
        foreach (var kind in ProfileEmulator.AllKinds)
        {
            int offset = ProfileEmulator.IndexOf(kind) * bins;
            var median = new double[bins];
            var p68 = new double[bins];
            var rmsDex = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                double[] dex = [.. Enumerable.Range(0, rows.Count).Select(i => predicted[i][offset + b] - measured[i][offset + b])];
                double[] percent = [.. dex.Select(d => 100 * Math.Abs(Math.Pow(10, d) - 1)).Order()];
                median[b] = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(percent, 0.5);
                p68[b] = MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(percent, 0.68);
                rmsDex[b] = Math.Sqrt(dex.Average(d => d * d));
            }

            result.Add(new ProfileErrors(kind, median, p68, rmsDex));
        }

        return result;
    }
}

/// <summary>Emulator errors of one kind per radial bin: median and 68th percentile of |emulated / measured - 1| in %, rms in dex.</summary>
/// <param name="Kind">Profile kind.</param>
/// <param name="MedianPercent">Median absolute fractional error, %.</param>
/// <param name="Percentile68Percent">68th percentile of the absolute fractional error, %.</param>
/// <param name="RmsDex">Root-mean-square log10 residual.</param>
public sealed record ProfileErrors(ProfileKind Kind, double[] MedianPercent, double[] Percentile68Percent, double[] RmsDex);
