using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Dynamics;
using StreamProcessor.Dynamics.Mocks;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Demo;

/// <summary>
/// A simulated survey for demos and tests: contaminated mock catalogues (members plus interlopers, one line of sight
/// per halo) from <see cref="MockCatalogueSimulator"/>, placed at random positions of a sky patch, with the true
/// log10 M200c kept so predicted and true masses can be compared downstream. Deterministic in (options, seed): halo i
/// is simulated from stream (seed, i) and placed from an independent stream, whatever the thread count.
/// </summary>
public static class DemoSurvey
{
    // Salt of the sky-placement streams, so they never coincide with the simulator's own stream (seed, i).
    private const ulong PlacementSalt = 0x9E3779B97F4A7C15UL;

    /// <summary>
    /// <see cref="DemoSurveyOptions.Clusters"/> catalogues, ordered by detection time. Haloes are simulated in index
    /// order and the first ones that pass the simulator's richness cut are kept, so a smaller survey of the same seed
    /// is a subset of a larger one.
    /// </summary>
    public static IReadOnlyList<ClusterCatalogue> Generate(DemoSurveyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validated();
        var mock = options.Mock with { LinesOfSight = 1, RandomLineOfSightRotations = false, AddVelocitySignFlips = false };
        var simulator = new MockCatalogueSimulator(mock);
        var catalogues = new List<ClusterCatalogue>(options.Clusters);
        int nextHalo = 0;
        while (catalogues.Count < options.Clusters)
        {
            int missing = options.Clusters - catalogues.Count;
            int chunk = Math.Max(64, missing + (missing / 4));
            if ((long)nextHalo + chunk > 1000L * Math.Max(options.Clusters, 100))
            {
                throw new InvalidOperationException(
                    $"the simulator's richness cut kept {catalogues.Count} of {nextHalo} haloes; loosen MockCatalogueOptions.Selection or raise the richness");
            }

            var draws = new HaloDraw[chunk];
            int first = nextHalo;
            Parallel.For(0, chunk, new ParallelOptions { CancellationToken = cancellationToken }, k => draws[k] = simulator.SimulateHalo(first + k, options.Seed));
            foreach (var projected in draws.SelectMany(d => d.Contaminated))
            {
                if (catalogues.Count == options.Clusters) break;
                catalogues.Add(ToCatalogue(projected, options, mock.Cosmology));
            }

            nextHalo += chunk;
        }

        return [.. catalogues.OrderBy(c => c.DetectionTime).ThenBy(c => c.ClusterId, StringComparer.Ordinal)];
    }

    /// <summary>The default demo survey with <paramref name="clusters"/> catalogues from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<ClusterCatalogue> Generate(int clusters, ulong seed, CancellationToken cancellationToken = default) =>
        Generate(new DemoSurveyOptions { Clusters = clusters, Seed = seed }, cancellationToken);

    /// <summary>The member-row form of catalogues (one row per member, cluster columns repeated), as `ingest file` reads it.</summary>
    public static IReadOnlyList<MemberRow> ToMemberRows(IEnumerable<ClusterCatalogue> catalogues)
    {
        ArgumentNullException.ThrowIfNull(catalogues);
        var rows = new List<MemberRow>();
        foreach (var c in catalogues)
        {
            foreach (var m in c.Members)
            {
                rows.Add(new MemberRow
                {
                    ClusterId = c.ClusterId,
                    Survey = c.Survey,
                    ClusterRaDeg = c.RaDeg,
                    ClusterDecDeg = c.DecDeg,
                    ClusterRedshift = c.Redshift,
                    DetectionTimeUtc = c.DetectionTime.UtcDateTime,
                    MemberRaDeg = m.RaDeg,
                    MemberDecDeg = m.DecDeg,
                    MemberRedshift = m.Redshift,
                    MemberVLosKmPerS = m.VLosKmPerS,
                    MemberMagnitude = m.Magnitude,
                    MemberProjectedRadiusMpcOverH = m.ProjectedRadiusMpcOverH,
                    TrueLog10M200c = c.TrueLog10M200c,
                });
            }
        }

        return rows;
    }

    private static ClusterCatalogue ToCatalogue(ProjectedCluster cluster, DemoSurveyOptions options, FlatLcdm cosmology)
    {
        var random = SeededRandom.ForStream(options.Seed ^ PlacementSalt, (ulong)cluster.HaloId);
        double raDeg = random.NextUniform(options.RaMinDeg, options.RaMaxDeg);
        // Uniform on the sphere: sin(dec) is uniform between the patch's limits.
        double sinDec = random.NextUniform(Math.Sin(DegToRad(options.DecMinDeg)), Math.Sin(DegToRad(options.DecMaxDeg)));
        double decDeg = Math.Asin(sinDec) * 180 / Math.PI;
        long nightMs = (long)options.NightLength.TotalMilliseconds;
        // Whole milliseconds: the catalogue codec stores detection times to the millisecond.
        var detected = options.NightStartUtc.ToUniversalTime().AddMilliseconds(Math.Floor(random.NextDouble() * nightMs));

        return ToCatalogue(cluster, $"{options.Survey}-{options.Seed}-{cluster.HaloId:D6}", options.Survey, raDeg, decDeg, detected, cosmology);
    }

    /// <summary>
    /// One simulated line of sight as a catalogue message: the cluster placed at (<paramref name="raDeg"/>,
    /// <paramref name="decDeg"/>), its members projected onto the sky around it, the true mass kept.
    /// </summary>
    public static ClusterCatalogue ToCatalogue(
        ProjectedCluster cluster, string clusterId, string survey, double raDeg, double decDeg, DateTimeOffset detectedUtc, FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(survey);
        ArgumentNullException.ThrowIfNull(cosmology);
        var sky = SkyProjection.ToSky(cluster, raDeg, decDeg, cosmology);
        var members = new ClusterMember[cluster.GalaxyCount];
        for (int i = 0; i < members.Length; i++)
        {
            // The simulator's R_proj is physical h^-1 Mpc (θ D_A); the catalogue contract stores comoving, R (1 + z)
            // (Hogg 1999, arXiv:astro-ph/9905116, Eqs. 16 and 18: D_M = (1 + z) D_A).
            members[i] = new ClusterMember(sky.RaDeg[i], sky.DecDeg[i], sky.Redshift[i], cluster.VLosKmPerS[i], cluster.Magnitude[i],
                cluster.RProjMpcOverH[i] * (1 + cluster.Redshift));
        }

        return new ClusterCatalogue
        {
            ClusterId = clusterId,
            Survey = survey,
            RaDeg = raDeg,
            DecDeg = decDeg,
            Redshift = cluster.Redshift,
            DetectionTime = detectedUtc,
            TrueLog10M200c = cluster.Log10M200c,
            Members = members,
        };
    }

    private static double DegToRad(double degrees) => degrees * Math.PI / 180;
}
