using StreamProcessor.Torch.Inference;

namespace StreamProcessor.Torch.Training;

/// <summary>
/// Post-hoc calibration of a moment network's sigmas, one factor per parameter: the 68.27 % quantile of
/// |theta - mu| / sigma on held-out (validation) samples, so that 1 sigma covers 68.27 % of them there. A network that
/// over-fits its training split reports sigmas that are too small on new data; this is the regression form of
/// temperature scaling (Guo et al. 2017, arXiv:1706.04599; Kuleshov et al. 2018, arXiv:1807.00263). Fitted on the
/// validation split only: the test split stays an honest check of the calibrated posteriors.
/// </summary>
public static class SigmaCalibration
{
    /// <summary>Quantile of |z| that a unit Gaussian puts at 1 sigma.</summary>
    public const double OneSigmaMass = 0.682689492;

    /// <summary>Sigma factor of every parameter from the model's predictions on <paramref name="rows"/>.</summary>
    public static double[] Fit(SampleDataset data, MomentModel model, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        if (rows.Count < 2)
        {
            throw new ArgumentException("Sigma calibration needs at least 2 held-out samples.", nameof(rows));
        }

        var inputs = new float[rows.Count * data.InputLength];
        data.GatherInputs([.. rows], inputs);
        var predictions = model.Predict(inputs, rows.Count);
        var scales = new double[data.ParameterCount];
        for (int p = 0; p < scales.Length; p++)
        {
            // Divide by the current scale (1 unless already calibrated), so a refit does not compound.
            double current = model.Normalisation.SigmaScale?[p] ?? 1.0;
            double[] z = [.. Enumerable.Range(0, rows.Count).Select(i =>
                Math.Abs(data.Target(rows[i])[p] - predictions.MeanOf(i, p)) / (predictions.SigmaOf(i, p) / current)).Order()];
            scales[p] = Math.Max(1e-3, MathNet.Numerics.Statistics.SortedArrayStatistics.Quantile(z, OneSigmaMass));
        }

        return scales;
    }
}
