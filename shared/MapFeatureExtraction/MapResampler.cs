namespace StreamProcessor.MapFeatureExtraction;

/// <summary>
/// Area-weighted (flux-conserving for surface quantities) resampling of a square map onto the model grid, both
/// centred on the object and axis-aligned, row 0 at the lowest declination in both. Each model pixel is the mean of
/// the input pixels it overlaps, weighted by the overlap area: the right average for an intensive quantity (surface
/// brightness, column density), exact when a model pixel is a union of input pixels, and a box filter when the input is
/// finer. The weights are separable (overlap length in x times overlap length in y), so the cost is O(N² + side · N).
/// A model pixel less than half covered by the input map is "outside": NaN here, the channel's floor downstream.
/// </summary>
public static class MapResampler
{
    /// <summary>A model pixel counts as covered when at least this fraction of its area lies inside the input map.</summary>
    public const double MinimumPixelCoverage = 0.5;

    /// <param name="input">Row-major input pixels, <paramref name="inputSide"/>².</param>
    /// <param name="inputSide">Input pixels per side.</param>
    /// <param name="inputPixelKpc">Physical side of one input pixel.</param>
    /// <param name="side">Model pixels per side.</param>
    /// <param name="pixelKpc">Physical side of one model pixel.</param>
    /// <returns>Row-major model pixels (NaN outside the input map) and the fraction of model pixels covered.</returns>
    public static (double[] Pixels, double Coverage) Resample(IReadOnlyList<float> input, int inputSide, double inputPixelKpc, int side, double pixelKpc)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(input.Count, inputSide * inputSide);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputPixelKpc);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelKpc);
        var weights = Weights(inputSide, inputPixelKpc, side, pixelKpc);

        // Rows first: tmp[r, column] = Σ_j w(r, j) input[j, column].
        var tmp = new double[side * inputSide];
        for (int r = 0; r < side; r++)
        {
            foreach (var (j, w) in weights[r].Overlaps)
            {
                int inRow = j * inputSide;
                int outRow = r * inputSide;
                for (int c = 0; c < inputSide; c++) tmp[outRow + c] += w * input[inRow + c];
            }
        }

        var pixels = new double[side * side];
        int covered = 0;
        for (int r = 0; r < side; r++)
        {
            for (int c = 0; c < side; c++)
            {
                double area = weights[r].Covered * weights[c].Covered;
                if (area < MinimumPixelCoverage * pixelKpc * pixelKpc)
                {
                    pixels[(r * side) + c] = double.NaN;
                    continue;
                }

                double sum = 0;
                foreach (var (j, w) in weights[c].Overlaps) sum += w * tmp[(r * inputSide) + j];
                pixels[(r * side) + c] = sum / area;
                covered++;
            }
        }

        return (pixels, covered / (double)(side * side));
    }

    /// <summary>Per model pixel along one axis: the input pixels it overlaps with the overlap lengths (kpc), and their sum.</summary>
    private static (List<(int Index, double Length)> Overlaps, double Covered)[] Weights(int inputSide, double inputPixelKpc, int side, double pixelKpc)
    {
        var result = new (List<(int, double)>, double)[side];
        double inputOrigin = -0.5 * inputSide * inputPixelKpc;
        for (int k = 0; k < side; k++)
        {
            double lo = (k - (0.5 * side)) * pixelKpc;
            double hi = lo + pixelKpc;
            int first = Math.Max(0, (int)Math.Floor((lo - inputOrigin) / inputPixelKpc));
            int last = Math.Min(inputSide - 1, (int)Math.Floor((hi - inputOrigin) / inputPixelKpc));
            var overlaps = new List<(int, double)>();
            double covered = 0;
            for (int j = first; j <= last; j++)
            {
                double jLo = inputOrigin + (j * inputPixelKpc);
                double length = Math.Min(hi, jLo + inputPixelKpc) - Math.Max(lo, jLo);
                if (length <= 0) continue;
                overlaps.Add((j, length));
                covered += length;
            }

            result[k] = (overlaps, covered);
        }

        return result;
    }
}
