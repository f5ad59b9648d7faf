using System.Globalization;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.ProfileInference;

/// <summary>
/// stacked profile → the feature vector of a <see cref="ProfileLayout"/>: for each layout kind, log10 of the profile at
/// each layout radius (floored per kind, <see cref="ProfileLayout.Log10Floored"/>), kind-major, then log10 M_halo and
/// log10 of the stacked object count where the layout reads them.
/// Each layout radius takes the profile bin within <see cref="ProfileLayout.RadiusTolerance"/> (relative) of it;
/// profile bins the layout does not use are ignored, so a survey may publish a finer or wider grid. A stack larger than
/// the largest the model was trained on (the card's feature domain) is read as that largest: its halo scatter is
/// already far below the emulator's error there, so a larger stack would change nothing the model knows of, and the
/// network is never asked to extrapolate in the stack size.
/// </summary>
public sealed class ProfileFeatureExtractor(ProfileLayout layout, FeatureDomain? domain = null)
{
    public const string MissingKind = "missing-kind";
    public const string RadiiMismatch = "radii-mismatch";
    public const string MissingHaloMass = "missing-halo-mass";

    private readonly IReadOnlyList<string> _names = layout.FeatureNames();
    private readonly StackedProfileKind[] _columns = [.. layout.Kinds.Select(ProfileKindColumns.For)];
    private readonly double _maxLog10StackedObjects = LargestTrainedStack(layout, domain);

    public ProfileExtraction Extract(StackedProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var missing = Enumerable.Range(0, _columns.Length).Where(k => _columns[k].Values(profile) is null).ToList();
        if (missing.Count > 0)
        {
            string absent = string.Join(", ", missing.Select(k => $"{_columns[k].ValuesColumn} ({ProfileLayout.ShortName(layout.Kinds[k])})"));
            var presentColumns = StackedProfileKinds.Present(profile).ToList();
            string present = string.Join(", ", presentColumns);
            // A survey that published xray_surface_brightness (absolute units) but not the relative column is told why it is not read.
            string unread = string.Concat(missing
                .Select(k => (Needed: _columns[k].ValuesColumn, Unread: ProfileKindColumns.UnreadColumn(layout.Kinds[k])))
                .Where(c => c.Unread is not null && presentColumns.Contains(c.Unread))
                .Select(c => $"; {c.Unread} is in other units than the model was trained on and is not read in place of {c.Needed}"));
            return new ProfileExtraction.Rejected(MissingKind,
                $"the profile has no {absent}, which the model reads (it has {(present.Length == 0 ? "no kind" : present)}){unread}");
        }

        if (MatchBins(profile.RadiiMpcOverH) is not { } bins)
        {
            return new ProfileExtraction.Rejected(RadiiMismatch, RadiiReason(profile.RadiiMpcOverH));
        }

        if (layout.IncludeLog10HaloMass && profile.Log10HaloMass is null)
        {
            return new ProfileExtraction.Rejected(MissingHaloMass, "the profile has no log10_halo_mass, which the model reads as its last feature");
        }

        var values = new double[layout.FeatureCount];
        var belowFloor = new List<string>();
        int f = 0;
        for (int k = 0; k < _columns.Length; k++)
        {
            var kind = layout.Kinds[k];
            var series = _columns[k].Values(profile)!;
            foreach (int bin in bins)
            {
                double value = series[bin];
                // Exact zeros occur in the training data too (empty shells) and were floored the same way; a positive
                // value below the floor is smaller than anything the model saw.
                if (value > 0 && value < ProfileLayout.Floor(kind)) belowFloor.Add(_names[f]);
                values[f++] = ProfileLayout.Log10Floored(kind, value);
            }
        }

        if (layout.IncludeLog10HaloMass) values[f++] = profile.Log10HaloMass!.Value;
        // The schema keeps stacked_objects at 1 or more; a stack-size-aware model reads how much its scatter averages down.
        if (layout.IncludeLog10StackedObjects) values[f] = Math.Min(Math.Log10(Math.Max(1, profile.StackedObjects)), _maxLog10StackedObjects);
        return new ProfileExtraction.Extracted(values, belowFloor);
    }

    private static double LargestTrainedStack(ProfileLayout layout, FeatureDomain? domain)
    {
        int index = domain is null || !layout.IncludeLog10StackedObjects ? -1 : domain.FeatureNames.ToList().IndexOf(ProfileLayout.StackedObjectsFeature);
        return index >= 0 ? domain!.Ranges[index].Max : double.PositiveInfinity;
    }

    /// <summary>The profile bin of every layout radius (the nearest within the tolerance), or null when one has none.</summary>
    private int[]? MatchBins(IReadOnlyList<double> radii)
    {
        var bins = new int[layout.RadiiMpcOverH.Count];
        for (int j = 0; j < bins.Length; j++)
        {
            if (Nearest(radii, layout.RadiiMpcOverH[j]) is not { } bin) return null;
            bins[j] = bin;
        }

        return bins;
    }

    private static int? Nearest(IReadOnlyList<double> radii, double target)
    {
        int? best = null;
        double bestOffset = double.PositiveInfinity;
        for (int i = 0; i < radii.Count; i++)
        {
            double offset = Math.Abs(radii[i] - target);
            if (offset <= ProfileLayout.RadiusTolerance * target && offset < bestOffset)
            {
                best = i;
                bestOffset = offset;
            }
        }

        return best;
    }

    private string RadiiReason(IReadOnlyList<double> radii)
    {
        var unmatched = layout.RadiiMpcOverH.Where(r => Nearest(radii, r) is null).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{unmatched.Count} of the model's {layout.RadiiMpcOverH.Count} radii ({layout.RadiiMpcOverH[0]:G3}–{layout.RadiiMpcOverH[^1]:G3} h^-1 Mpc) " +
            $"have no profile bin within {ProfileLayout.RadiusTolerance:P0} (first: {unmatched[0]:G4} h^-1 Mpc); " +
            $"the profile has {radii.Count} radii, {radii[0]:G3}–{radii[^1]:G3} h^-1 Mpc");
    }
}
