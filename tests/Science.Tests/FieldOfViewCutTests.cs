using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.PipelineHost.RealClusters;

namespace StreamProcessor.Science.Tests;

/// <summary><c>pipeline real-clusters --cut-radius</c>: which spectra a smaller field of view keeps.</summary>
public sealed class FieldOfViewCutTests
{
    [Fact]
    public void Only_spectra_inside_the_cut_radius_remain_and_an_emptied_cluster_is_dropped()
    {
        const double z = 0.5;
        // Members due north of the centre at 0.3, 0.6, 0.7 and 1.2 h^-1 Mpc (physical: D_A θ), independent of the code under test.
        double dA = Background.AngularDiameterDistanceMpcOverH(z, FlatLcdm.Planck18);
        ClusterMember At(double rMpcOverH) => new(30.0, -50.0 + (rMpcOverH / dA * 180 / Math.PI), z, null);
        var catalogue = new ClusterCatalogue
        {
            ClusterId = "SPT-CLJ0000-0000",
            Survey = "SPT",
            RaDeg = 30.0,
            DecDeg = -50.0,
            Redshift = z,
            DetectionTime = RealClusterFolder.DetectionTime,
            Members = [At(0.3), At(0.6), At(0.7), At(1.2)],
        };
        var cluster = new RealCluster(catalogue, 4, 6e14, null, "test");

        var cut = FieldOfViewCut.Within(cluster, 0.63, FlatLcdm.Planck18);

        Assert.NotNull(cut);
        Assert.Equal([0.3, 0.6], cut.Catalogue.Members.Select(m => Math.Round((m.DecDeg + 50.0) * Math.PI / 180 * dA, 6)));
        Assert.Equal(2, cut.Spectra);
        Assert.Equal(cluster.SzM500cMsun, cut.SzM500cMsun);
        Assert.Null(FieldOfViewCut.Within(cluster, 0.2, FlatLcdm.Planck18));
    }
}
