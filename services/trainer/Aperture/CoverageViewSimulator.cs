using System.Text.Json;
using System.Text.Json.Nodes;
using StreamProcessor.Dynamics.Mocks;
using StreamProcessor.PhaseSpace.Features;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Trainer.Data;

namespace StreamProcessor.Trainer.Aperture;

/// <summary>
/// Re-simulates a dataset's contaminated views (the simulator is deterministic per halo, so halo i comes out as it did
/// for <c>trainer simulate</c>) and measures their aperture coverage, at full coverage or with every galaxy at
/// R_proj ≥ R_t removed first (a field of view that stops at R_t). The datasets' samples.bin does not store member
/// lists, hence the re-simulation; <see cref="CheckAgainst"/> proves it reproduces the stored views.
/// </summary>
internal sealed class CoverageViewSimulator
{
    private readonly MockCatalogueSimulator _simulator;
    private readonly PhaseSpaceFeatureOptions _features = new();
    private readonly ulong _seed;

    public CoverageViewSimulator(DatasetManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _seed = manifest.Seed;
        _simulator = new MockCatalogueSimulator(SimulatorOptions(manifest));
        // Only the 2D path matters here; the limits and 2D grid must be the dataset's.
        foreach (string name in new[] { nameof(PhaseSpaceFeatureOptions.Limits), nameof(PhaseSpaceFeatureOptions.Grid2D) })
        {
            JsonNode? ours = JsonSerializer.SerializeToNode(_features)?[name];
            if (!JsonNode.DeepEquals(ours, manifest.FeatureOptions[name]))
            {
                throw new InvalidDataException($"The dataset's feature option {name} ({manifest.FeatureOptions[name]?.ToJsonString()}) differs from this code's ({ours?.ToJsonString()}).");
            }
        }
    }

    public double ApertureRadiusMpcOverH => _features.Limits.ApertureRadiusMpcOverH;

    /// <summary>Ω_m of the simulator's cosmology (the background of R_σ).</summary>
    public double OmegaM => _simulator.Options.Cosmology.OmegaM;

    /// <summary>
    /// The accepted contaminated views (original velocity sign) of <paramref name="haloIds"/>, in halo order, with their
    /// images when <paramref name="withImages"/>; <paramref name="truncationMpcOverH"/> cuts the galaxies first.
    /// </summary>
    public IReadOnlyList<CoverageView> Simulate(IReadOnlyList<int> haloIds, double? truncationMpcOverH, bool withImages, int threads)
    {
        var perHalo = new List<CoverageView>[haloIds.Count];
        using var extractors = new ThreadLocal<PhaseSpaceFeatureExtractor>(() => new PhaseSpaceFeatureExtractor(_features));
        Parallel.For(0, haloIds.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            HaloDraw draw = _simulator.SimulateHalo(haloIds[i], _seed);
            perHalo[i] = [.. draw.Contaminated.Where(c => !c.VelocitySignFlipped)
                .Select(c => View(c, truncationMpcOverH, withImages, extractors.Value!))
                .OfType<CoverageView>()];
        });
        return [.. perHalo.SelectMany(v => v)];
    }

    /// <summary>Throws unless the full-coverage views of every halo have the (halo, line of sight, richness) the dataset stored.</summary>
    public static void CheckAgainst(IReadOnlyList<CoverageView> views, IReadOnlyList<DatasetSample> stored)
    {
        var expected = stored.Where(s => s.Contaminated && !s.VelocitySignFlipped).Select(s => (s.HaloId, s.LineOfSight, s.Richness)).ToList();
        var actual = views.Select(v => (v.HaloId, v.LineOfSight, v.Richness)).ToList();
        if (!expected.SequenceEqual(actual))
        {
            int at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
            throw new InvalidDataException(
                $"Re-simulated views differ from the dataset's ({actual.Count} vs {expected.Count}; first difference at view {at}): the simulator changed since the dataset was made.");
        }
    }

    private static CoverageView? View(ProjectedCluster cluster, double? truncation, bool withImages, PhaseSpaceFeatureExtractor extractor)
    {
        int[] keep = [.. Enumerable.Range(0, cluster.GalaxyCount).Where(i => truncation is not { } t || cluster.RProjMpcOverH[i] < t)];
        double[] Pick(double[] values) => [.. keep.Select(i => values[i])];
        PhaseSpaceFeatures features = extractor.Extract(
            Pick(cluster.RProjMpcOverH), Pick(cluster.VLosKmPerS), Pick(cluster.XMpcOverH), Pick(cluster.YMpcOverH), Pick(cluster.Magnitude));
        if (!features.Accepted || features.Kde2D is null) return null;
        double[] reach = [.. Enumerable.Range(1, CoverageView.MaxRank).Select(k => ApertureCoverage.Reach(features.RProjMpcOverH, k))];
        return new CoverageView(cluster.HaloId, cluster.LineOfSight, features.MembersKept, cluster.Redshift, cluster.Log10M200c, features.SigmaLosKmPerS, reach, withImages ? features.Kde2D : null);
    }

    /// <summary>
    /// The simulator options the dataset was made with: the default or the low-redshift configuration with the manifest's
    /// lines of sight and sign flips, whichever serialises exactly to the manifest's record (else the dataset is refused).
    /// </summary>
    private static MockCatalogueOptions SimulatorOptions(DatasetManifest manifest)
    {
        foreach (MockCatalogueOptions configuration in new[] { new MockCatalogueOptions(), MockCatalogueOptions.SdssLowRedshift })
        {
            var candidate = (configuration with { LinesOfSight = manifest.LinesOfSight, AddVelocitySignFlips = manifest.SignFlips }).Validated();
            if (JsonNode.DeepEquals(JsonSerializer.SerializeToNode(candidate), manifest.SimulatorOptions)) return candidate;
        }
        throw new InvalidDataException("The dataset's simulator options match neither the default nor the low-redshift configuration of this code: re-simulate it.");
    }
}
