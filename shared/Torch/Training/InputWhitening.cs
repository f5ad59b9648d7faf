using MathNet.Numerics.LinearAlgebra;
using StreamProcessor.Torch.Models;

namespace StreamProcessor.Torch.Training;

/// <summary>
/// PCA whitening of standardised inputs (Bishop 2006, PRML §12.1.3, eq. 12.24: y = Λ^{-1/2} Uᵀ (x − x̄)), fitted on the
/// training split. Axes whose variance is below <see cref="RelativeTolerance"/> of the largest carry no information
/// (rounding only) and are dropped. Why: emulated profiles fill a manifold of a few dozen dimensions in 151 inputs,
/// and the directions that separate the weaker parameters carry under 0.1 % of the variance; on the principal axes
/// at unit variance they are as visible to the first layer as the dominant ones. Eigenvector signs are fixed (largest
/// entry positive) so the layer does not depend on the eigen-solver's sign convention.
/// </summary>
/// <param name="Weight">Row-major [Axes, Features]: Λ^{-1/2} Uᵀ applied to standardised inputs.</param>
/// <param name="Bias">[Axes]: −Λ^{-1/2} Uᵀ x̄.</param>
/// <param name="Axes">Principal axes kept.</param>
/// <param name="Features">Input features.</param>
/// <param name="Variances">Variance along each kept axis (descending), standardised units.</param>
public sealed record InputWhitening(float[] Weight, float[] Bias, int Axes, int Features, IReadOnlyList<double> Variances)
{
    /// <summary>Axes with a variance below this fraction of the largest are dropped.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>
    /// Fits the whitening to rows <paramref name="rows"/> of <paramref name="data"/> after <paramref name="normalisation"/>'s
    /// transform and per-feature standardisation (which must be set).
    /// </summary>
    public static InputWhitening Fit(SampleDataset data, ModelNormalisation normalisation, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(normalisation);
        ArgumentNullException.ThrowIfNull(rows);
        if (normalisation.InputMean is not { } inputMean || normalisation.InputStd is not { } inputStd)
        {
            throw new ArgumentException("Whitening is fitted to standardised inputs: the normalisation needs InputMean and InputStd.", nameof(normalisation));
        }

        if (rows.Count < 2)
        {
            throw new ArgumentException("Whitening needs at least two training rows.", nameof(rows));
        }

        int f = data.InputLength;
        var mean = new double[f];
        var covariance = Matrix<double>.Build.Dense(f, f);
        var row = new double[f];
        foreach (int r in rows)
        {
            Standardise(data.Input(r), normalisation, inputMean, inputStd, row);
            for (int i = 0; i < f; i++)
            {
                mean[i] += row[i] / rows.Count;
            }
        }

        foreach (int r in rows)
        {
            Standardise(data.Input(r), normalisation, inputMean, inputStd, row);
            for (int i = 0; i < f; i++)
            {
                double di = row[i] - mean[i];
                for (int j = 0; j <= i; j++)
                {
                    covariance[i, j] += di * (row[j] - mean[j]);
                }
            }
        }

        for (int i = 0; i < f; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                covariance[i, j] /= rows.Count;
                covariance[j, i] = covariance[i, j];
            }
        }

        var evd = covariance.Evd(Symmetricity.Symmetric);
        double[] values = [.. evd.EigenValues.Select(v => v.Real)];
        double largest = values.Max();
        int[] kept = [.. Enumerable.Range(0, f).Where(k => values[k] > RelativeTolerance * largest).OrderByDescending(k => values[k])];
        var weight = new float[kept.Length * f];
        var bias = new float[kept.Length];
        for (int a = 0; a < kept.Length; a++)
        {
            var axis = evd.EigenVectors.Column(kept[a]);
            double sign = axis[axis.AbsoluteMaximumIndex()] < 0 ? -1.0 : 1.0;
            double scale = sign / Math.Sqrt(values[kept[a]]);
            double shift = 0;
            for (int i = 0; i < f; i++)
            {
                weight[(a * f) + i] = (float)(axis[i] * scale);
                shift += axis[i] * scale * mean[i];
            }

            bias[a] = (float)-shift;
        }

        return new InputWhitening(weight, bias, kept.Length, f, [.. kept.Select(k => values[k])]);
    }

    private static void Standardise(ReadOnlySpan<float> input, ModelNormalisation normalisation, IReadOnlyList<double> mean, IReadOnlyList<double> std, double[] destination)
    {
        for (int i = 0; i < input.Length; i++)
        {
            destination[i] = (normalisation.Transform(input[i]) - mean[i]) / std[i];
        }
    }
}
