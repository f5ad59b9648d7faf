using StreamProcessor.Emulation.Camels;

namespace StreamProcessor.Emulation;

/// <summary>
/// Whether the emulator states its uncertainty honestly, on halos it never saw: for every PCA coefficient of every
/// stored kind, the mean over halos of z^2 = (c_measured - mu_GP)^2 / variance, with the variance either the fitted
/// halo-to-halo noise sigma_n^2 alone or sigma_n^2 plus the GP's predictive variance of the mean (Rasmussen &amp;
/// Williams 2006, Eq. 2.26). Mean z^2 near 1 is honest; above 1 the stated variance is too small. This is what decides
/// whether networks should be trained with the emulator's error (<c>profiles train --emulator-error</c>).
/// </summary>
public static class EmulatorCalibration
{
    /// <summary>Mean z^2 per component of every stored kind, over the halos <paramref name="rows"/> of <paramref name="data"/>.</summary>
    public static IReadOnlyList<UncertaintyCalibration> HeldOut(ProfileEmulator emulator, CamelsZoomDataset data, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(data);
        if (rows.Count == 0)
        {
            throw new ArgumentException("Calibration needs at least one held-out halo.", nameof(rows));
        }

        double[][] inputs = [.. rows.Select(r => emulator.UnitInputs(data.Halos[r].Parameters, data.Halos[r].Log10HaloMass))];
        double[][] variances = emulator.EmulatorVariances(inputs);
        double[][] means = [.. inputs.Select(u => emulator.PredictStandardisedCoefficients(u))];
        var result = new List<UncertaintyCalibration>();
        int process = 0;
        foreach (var kind in emulator.Model.Kinds)
        {
            int count = kind.CoefficientMean.Length;
            var noiseOnly = new double[count];
            var withError = new double[count];
            for (int i = 0; i < rows.Count; i++)
            {
                double[] measured = kind.Basis.Project(data.Halos[rows[i]].Log10Profiles[kind.Kind]);
                for (int c = 0; c < count; c++)
                {
                    double residual = ((measured[c] - kind.CoefficientMean[c]) / kind.CoefficientStd[c]) - means[i][process + c];
                    double noise = kind.Hyperparameters[c].NoiseVariance;
                    noiseOnly[c] += residual * residual / noise / rows.Count;
                    withError[c] += residual * residual / (noise + variances[i][process + c]) / rows.Count;
                }
            }

            result.Add(new UncertaintyCalibration(kind.Kind, rows.Count, noiseOnly, withError));
            process += count;
        }

        return result;
    }
}

/// <summary>Mean z^2 of one kind's coefficients on held-out halos (see <see cref="EmulatorCalibration"/>).</summary>
/// <param name="Kind">Profile kind.</param>
/// <param name="Halos">Held-out halos averaged over.</param>
/// <param name="NoiseOnly">Per component: mean z^2 against the halo-to-halo noise alone.</param>
/// <param name="WithEmulatorError">Per component: mean z^2 against the noise plus the GP's predictive variance.</param>
public sealed record UncertaintyCalibration(Profiles.ProfileKind Kind, int Halos, double[] NoiseOnly, double[] WithEmulatorError);
