using StreamProcessor.Dynamics.Baselines;
using StreamProcessor.PhaseSpace.Kde;

namespace StreamProcessor.PhaseSpace.Features;

/// <summary>
/// Observational limits → KDE images → summary statistics, the one path shared by the trainer and the
/// phase-space service, so that a model sees in production exactly the images it was trained on.
/// Not thread-safe (it owns the KDE work buffers): use one per thread.
/// </summary>
public sealed class PhaseSpaceFeatureExtractor(PhaseSpaceFeatureOptions options)
{
    private readonly Kde2D _kde2D = new(options.Grid2D.Validated());
    private readonly Kde3D? _kde3D = options.Grid3D is { } grid3D ? new Kde3D(grid3D.Validated()) : null;
    private readonly double[] _image = new double[Math.Max(options.Grid2D.ImageLength, options.Grid3D?.ImageLength ?? 0)];

    public PhaseSpaceFeatureOptions Options { get; } = options;

    /// <param name="rProjMpcOverH">Projected radius of each member from the cluster centre.</param>
    /// <param name="vLosKmPerS">Line-of-sight velocity in the cluster frame.</param>
    /// <param name="xMpcOverH">Projected offset east (used by the 3D image).</param>
    /// <param name="yMpcOverH">Projected offset north (used by the 3D image).</param>
    /// <param name="magnitudes">Apparent magnitudes, or empty when the catalogue has none.</param>
    public PhaseSpaceFeatures Extract(
        ReadOnlySpan<double> rProjMpcOverH,
        ReadOnlySpan<double> vLosKmPerS,
        ReadOnlySpan<double> xMpcOverH,
        ReadOnlySpan<double> yMpcOverH,
        ReadOnlySpan<double> magnitudes)
    {
        var selection = Options.Limits.Apply(rProjMpcOverH, vLosKmPerS, magnitudes);
        int kept = selection.KeptIndices.Count;
        var v = new double[kept];
        var r = new double[kept];
        var x = new double[kept];
        var y = new double[kept];
        selection.Gather(vLosKmPerS, v);
        selection.Gather(rProjMpcOverH, r);
        if (xMpcOverH.Length == rProjMpcOverH.Length) selection.Gather(xMpcOverH, x);
        if (yMpcOverH.Length == rProjMpcOverH.Length) selection.Gather(yMpcOverH, y);
        double sigma = kept >= 2 ? VelocityDispersion.SampleStandardDeviationKmPerS(v) : double.NaN;
        var features = new PhaseSpaceFeatures
        {
            Accepted = false,
            RejectionReason = selection.RejectionReason,
            LimitsApplied = selection.LimitsApplied,
            MembersKept = kept,
            SigmaLosKmPerS = sigma,
            VLosKmPerS = v,
            RProjMpcOverH = r,
            XMpcOverH = x,
            YMpcOverH = y,
        };
        if (!selection.IsAccepted) return features;

        try
        {
            var image2D = new float[Options.Grid2D.ImageLength];
            _kde2D.Compute(v, r, _image.AsSpan(0, image2D.Length));
            Narrow(_image.AsSpan(0, image2D.Length), image2D);
            float[]? image3D = null;
            if (_kde3D is not null)
            {
                image3D = new float[_kde3D.Grid.ImageLength];
                _kde3D.Compute(x, y, v, _image.AsSpan(0, image3D.Length));
                Narrow(_image.AsSpan(0, image3D.Length), image3D);
            }

            return features with { Accepted = true, Kde2D = image2D, Kde3D = image3D };
        }
        catch (DegenerateSampleException e)
        {
            return features with { RejectionReason = $"degenerate phase space ({e.Degeneracy}): {e.Message}" };
        }
    }

    private static void Narrow(ReadOnlySpan<double> source, Span<float> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = (float)source[i];
    }
}
