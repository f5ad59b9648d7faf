using StreamProcessor.Emulation.Camels;

namespace StreamProcessor.Emulation;

/// <summary>
/// Whether the emulator states its uncertainty honestly, on halos it never saw: for every PCA coefficient of every
/// stored kind, the mean over halos of z^2 = (c_measured - mu_GP)^2 / variance, with the variance either the fitted
/// halo-to-halo noise sigma_n^2 alone or sigma_n^2 plus the GP's predictive variance of the mean (Rasmussen &amp;
/// Williams 2006, Eq. 2.26). Mean z^2 near 1 is honest; above 1 the stated variance is too small. Measured by
/// cross-validation over held-out pairs of the emulator's own halos, it sets the variance inflation the emulator keeps
/// (<see cref="Inflation"/>); measured on the test halos, which the inflation never saw, it checks that inflation.
/// </summary>
public static class EmulatorCalibration
{
    /// <summary>Mean z^2 per component of every stored kind, over the halos <paramref name="rows"/> of <paramref name="data"/>.</summary>
    public static IReadOnlyList<UncertaintyCalibration> HeldOut(ProfileEmulator emulator, CamelsZoomDataset data, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(data);
        RequireHalos(rows);
        var sums = new ZSquaredSums(emulator.Model);
        sums.Add(emulator, data, rows);
        return sums.Means(rows.Count, emulator.Model.IsCalibrated ? emulator : null);
    }

    /// <summary>
    /// Mean z^2 per component over every halo of <paramref name="rows"/>, each predicted by a fold that did not see its
    /// pair (the folds of <see cref="EmulatorValidation.CrossValidate"/>: bases and hyper-parameters fixed, each fold
    /// re-conditions on the pairs it keeps).
    /// </summary>
    public static IReadOnlyList<UncertaintyCalibration> CrossValidated(ProfileEmulator fitted, CamelsZoomDataset data, IReadOnlyList<int> rows, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(data);
        RequireHalos(rows);
        int[] fold = PairSplit.PairFolds(data.Halos, rows, folds, seed);
        var perFold = new ZSquaredSums[folds];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            int[] keep = [.. rows.Where((_, i) => fold[i] != f)];
            int[] held = [.. rows.Where((_, i) => fold[i] == f)];
            perFold[f] = new ZSquaredSums(fitted.Model);
            if (held.Length > 0)
            {
                perFold[f].Add(ProfileEmulator.Condition(fitted.Model, data, keep), data, held);
            }
        });

        var total = new ZSquaredSums(fitted.Model);
        foreach (var sums in perFold)
        {
            total.Add(sums);
        }

        return total.Means(rows.Count, null);
    }

    /// <summary>
    /// The variance inflation of one kind's components: its cross-validated mean z^2 with the emulator's error, never
    /// below 1. Only understatement is corrected; the marginal-likelihood fit stays the estimate where it is honest
    /// (a mean z^2 below 1 over ~500 halos is within its own scatter of sqrt(2/500) ~ 6 %).
    /// </summary>
    public static double[] Inflation(UncertaintyCalibration crossValidated)
    {
        ArgumentNullException.ThrowIfNull(crossValidated);
        return [.. crossValidated.WithEmulatorError.Select(z2 => Math.Max(1.0, z2))];
    }

    private static void RequireHalos(IReadOnlyList<int> rows)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("Calibration needs at least one held-out halo.", nameof(rows));
        }
    }

    /// <summary>Halos named per kind as the largest contributors to its mean z^2.</summary>
    public const int LargestHalos = 3;

    /// <summary>Sums of z^2 per process, against the noise alone and with the emulator's predictive variance.</summary>
    private sealed class ZSquaredSums(EmulatorModel model)
    {
        private readonly double[] _noiseOnly = new double[model.Kinds.Sum(k => k.CoefficientMean.Length)];
        private readonly double[] _withError = new double[model.Kinds.Sum(k => k.CoefficientMean.Length)];
        private readonly double[] _withinOneSigma = new double[model.Kinds.Sum(k => k.CoefficientMean.Length)];
        private readonly List<(int Kind, HaloZSquared Halo)> _halos = [];

        public void Add(ProfileEmulator emulator, CamelsZoomDataset data, IReadOnlyList<int> rows)
        {
            double[][] inputs = [.. rows.Select(r => emulator.UnitInputs(data.Halos[r].Parameters, data.Halos[r].Log10HaloMass))];
            double[][] variances = emulator.EmulatorVariances(inputs);
            double[][] means = [.. inputs.Select(u => emulator.PredictStandardisedCoefficients(u))];
            int process = 0;
            for (int k = 0; k < model.Kinds.Count; k++)
            {
                var kind = model.Kinds[k];
                for (int i = 0; i < rows.Count; i++)
                {
                    double[] measured = kind.Basis.Project(data.Halos[rows[i]].Log10Profiles[kind.Kind]);
                    double halo = 0;
                    for (int c = 0; c < kind.CoefficientMean.Length; c++)
                    {
                        double residual = ((measured[c] - kind.CoefficientMean[c]) / kind.CoefficientStd[c]) - means[i][process + c];
                        double noise = kind.Hyperparameters[c].NoiseVariance;
                        _noiseOnly[process + c] += residual * residual / noise;
                        double z2 = residual * residual / (noise + variances[i][process + c]);
                        _withError[process + c] += z2;
                        _withinOneSigma[process + c] += z2 < 1 ? 1 : 0;
                        halo += z2 / kind.CoefficientMean.Length;
                    }

                    _halos.Add((k, new HaloZSquared(data.Halos[rows[i]].ZoomId, halo)));
                }

                process += kind.CoefficientMean.Length;
            }
        }

        public void Add(ZSquaredSums other)
        {
            for (int p = 0; p < _noiseOnly.Length; p++)
            {
                _noiseOnly[p] += other._noiseOnly[p];
                _withError[p] += other._withError[p];
                _withinOneSigma[p] += other._withinOneSigma[p];
            }

            _halos.AddRange(other._halos);
        }

        /// <summary>Per kind; with a <paramref name="calibrated"/> emulator, also against its inflation and at its tails.</summary>
        public List<UncertaintyCalibration> Means(int halos, ProfileEmulator? calibrated)
        {
            IReadOnlyList<double>? inflation = calibrated?.VarianceInflation;
            var result = new List<UncertaintyCalibration>();
            int process = 0;
            for (int k = 0; k < model.Kinds.Count; k++)
            {
                var kind = model.Kinds[k];
                int count = kind.CoefficientMean.Length;
                double[] noiseOnly = [.. _noiseOnly.Skip(process).Take(count).Select(s => s / halos)];
                double[] withError = [.. _withError.Skip(process).Take(count).Select(s => s / halos)];
                double[]? inflated = inflation is null ? null : [.. withError.Select((z2, c) => z2 / inflation[process + c])];
                double[] within = [.. _withinOneSigma.Skip(process).Take(count).Select(s => s / halos)];
                HaloZSquared[] own = [.. _halos.Where(h => h.Kind == k).Select(h => h.Halo)];
                HaloZSquared[] largest = [.. own.OrderByDescending(h => h.MeanZSquared).ThenBy(h => h.ZoomId).Take(LargestHalos)];
                double[] sumsOfSquares = [.. own.Select(h => h.MeanZSquared * count)];
                double? nu = HaloTails.Fit(sumsOfSquares, count);
                double? gainAt = calibrated is null ? nu : kind.TailDegreesOfFreedom;
                result.Add(new UncertaintyCalibration(kind.Kind, halos, noiseOnly, withError, inflated, within, largest)
                {
                    TailDegreesOfFreedom = nu,
                    TailLogLikelihoodGain = HaloTails.LogLikelihoodGain(sumsOfSquares, count, gainAt),
                });
                process += count;
            }

            return result;
        }
    }
}

/// <summary>Mean z^2 of one kind's coefficients on held-out halos (see <see cref="EmulatorCalibration"/>).</summary>
/// <param name="Kind">Profile kind.</param>
/// <param name="Halos">Held-out halos averaged over.</param>
/// <param name="NoiseOnly">Per component: mean z^2 against the halo-to-halo noise alone.</param>
/// <param name="WithEmulatorError">Per component: mean z^2 against the noise plus the GP's predictive variance.</param>
/// <param name="WithInflatedError">Per component: mean z^2 against that variance scaled by the emulator's cross-validated
/// inflation; null when the emulator has none.</param>
/// <param name="WithinOneSigma">Per component: the share of halos with |z| &lt; 1 against the noise plus the GP's predictive
/// variance (0.683 for Gaussian residuals of honest variance). Unlike the mean z², a few outlying halos barely move it, so
/// the two together tell heavy tails from a variance that is too small throughout; null in cards written before it.</param>
/// <param name="LargestHalos">The halos with the largest mean z^2 over this kind's components (with the emulator's error),
/// largest first; null in cards written before it.</param>
public sealed record UncertaintyCalibration(
    Profiles.ProfileKind Kind,
    int Halos,
    double[] NoiseOnly,
    double[] WithEmulatorError,
    double[]? WithInflatedError = null,
    double[]? WithinOneSigma = null,
    IReadOnlyList<HaloZSquared>? LargestHalos = null)
{
    /// <summary>
    /// Maximum-likelihood degrees of freedom of a multivariate Student-t of unit covariance for these halos' residuals
    /// (<see cref="HaloTails.Fit"/>); null where the Gaussian is at least as likely (or in cards written before it).
    /// </summary>
    public double? TailDegreesOfFreedom { get; init; }

    /// <summary>
    /// Mean log-likelihood per halo of the tails over the Gaussian: at the calibrated emulator's own degrees of freedom
    /// (fitted by cross-validation, so out of sample on test halos), else at <see cref="TailDegreesOfFreedom"/>.
    /// </summary>
    public double? TailLogLikelihoodGain { get; init; }

    /// <summary>Mean z^2 with the emulator's error over the halos other than <see cref="LargestHalos"/>: what the bulk says.</summary>
    public double? WithoutLargestHalos => LargestHalos is { Count: > 0 } largest && Halos > largest.Count
        ? ((WithEmulatorError.Average() * Halos) - largest.Sum(h => h.MeanZSquared)) / (Halos - largest.Count)
        : null;
}

/// <summary>One halo's mean z^2 over the components of a kind.</summary>
/// <param name="ZoomId">zoom_N of the halo.</param>
/// <param name="MeanZSquared">Its mean z^2 against the noise plus the GP's predictive variance.</param>
public sealed record HaloZSquared(int ZoomId, double MeanZSquared);
