using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.PipelineHost.RealClusters;
using Xunit.Abstractions;

namespace StreamProcessor.Science.Tests;

/// <summary>
/// The real-data table: the reference masses, the folder reader, and the real ACT/SPT clusters through the catalogue
/// path. The run asserts the plumbing (one record per cluster, a reference per cluster, finite posteriors, reasons),
/// never the science: the masses are what they are.
/// </summary>
public sealed class RealClustersTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"real-clusters-test-{Guid.NewGuid():N}");

    [Theory]
    [InlineData(14.0, 0.3)]
    [InlineData(14.8, 0.6)]
    [InlineData(15.2, 1.0)]
    public void An_SZ_M500c_converts_to_the_M200c_of_the_same_NFW_halo(double log10M200c, double z)
    {
        // Independent of the code under test: an NFW halo with the Duffy+08 median c200c, and R500c found by bisection
        // where the mean enclosed density is 500 rho_c(z) (h^-1 units: rho_c = 2.77537e11 E^2 h^2 M_sun Mpc^-3).
        double omegaM = FlatLcdm.Planck18.OmegaM;
        double e2 = (omegaM * Math.Pow(1 + z, 3)) + (1 - omegaM);
        double rhoC = 2.77537e11 * e2;
        double m200 = Math.Pow(10, log10M200c);
        double c = 5.71 * Math.Pow(m200 / 2e12, -0.084) * Math.Pow(1 + z, -0.47);
        double r200 = Math.Cbrt(3 * m200 / (4 * Math.PI * 200 * rhoC));
        double rs = r200 / c;
        static double Mu(double x) => Math.Log(1 + x) - (x / (1 + x));
        double Enclosed(double r) => m200 * Mu(r / rs) / Mu(c);
        double lo = 0.1 * r200, hi = r200;
        for (int i = 0; i < 200; i++)
        {
            double mid = 0.5 * (lo + hi);
            double meanDensity = Enclosed(mid) / (4 * Math.PI / 3 * mid * mid * mid);
            if (meanDensity > 500 * rhoC) lo = mid; else hi = mid;
        }

        double m500MsunOverH = Enclosed(0.5 * (lo + hi));
        double m500MsunForH07 = m500MsunOverH / ReferenceMass.SzCatalogueH;

        Assert.Equal(log10M200c, ReferenceMass.Log10M200cFromSz(m500MsunForH07, z, FlatLcdm.Planck18), 6);
        Assert.InRange(log10M200c - Math.Log10(m500MsunOverH), 0.1, 0.25); // M200c/M500c ~ 1.3-1.8 for c ~ 3-6
    }

    [Fact]
    public void A_published_dispersion_maps_through_Munari13()
    {
        // sigma = 1177 km/s at E(z) M200c = 1e15 h^-1 M_sun.
        double z = 0.5;
        double expected = 15 - Math.Log10(Background.E(z, FlatLcdm.Planck18));
        Assert.Equal(expected, ReferenceMass.Log10M200cFromSigma(1177, z, FlatLcdm.Planck18)!.Value, 9);
        Assert.Null(ReferenceMass.Log10M200cFromSigma(20, z, FlatLcdm.Planck18)); // below its validity window
    }

    [Fact]
    public void The_folder_reader_builds_catalogues_and_keeps_missing_masses_missing()
    {
        WriteFolder(
            "CName,Nspec,z,sigma,RA,DEC,M500,Ref\nSPT-CLJ0001-0001,3,0.5,900,10.0,-50.0,6.0e14,GMOS\nACT-CLJ0002-0002,2,0.3,nan,20.0,-52.0,nan,2010A\nSPT-CLJ0003-0003,0,0.4,800,30.0,-51.0,5e14,GMOS\n",
            "CName,RAdeg,DEdeg,zspec\nSPT-CLJ0001-0001,10.001,-50.001,0.501\nSPT-CLJ0001-0001,10.002,-50.0,0.499\nSPT-CLJ0001-0001,9.999,-49.999,0.5\nACT-CLJ0002-0002,20.0,-52.001,0.301\nACT-CLJ0002-0002,20.001,-52.0,0.299\n");

        IReadOnlyList<RealCluster> clusters = RealClusterFolder.Read(_folder);

        Assert.Equal(["SPT-CLJ0001-0001", "ACT-CLJ0002-0002"], clusters.Select(c => c.Catalogue.ClusterId));
        Assert.Equal(["SPT", "ACT"], clusters.Select(c => c.Catalogue.Survey));
        Assert.Equal(3, clusters[0].Catalogue.Members.Count);
        Assert.Equal(6.0e14, clusters[0].SzM500cMsun);
        Assert.Null(clusters[1].SzM500cMsun);
        Assert.Null(clusters[1].PublishedSigmaKmPerS);
        Assert.Equal(0.3, clusters[1].Catalogue.Redshift);
    }

    [Theory]
    [InlineData("CName,Nspec,z,sigma,RA,DEC,M500,Ref\nSPT-CLJ0001-0001,3,0.5,fast,10.0,-50.0,6.0e14,GMOS\n", "clusters.csv line 2: sigma = 'fast'")]
    [InlineData("CName,Nspec,z,sigma,RA,DEC,Ref\nSPT-CLJ0001-0001,3,0.5,900,10.0,-50.0,GMOS\n", "column M500 is missing")]
    public void A_broken_file_is_refused_with_the_file_and_line_named(string clustersCsv, string expected)
    {
        WriteFolder(clustersCsv, "CName,RAdeg,DEdeg,zspec\nSPT-CLJ0001-0001,10.001,-50.001,0.501\n");
        var error = Assert.Throws<InvalidDataException>(() => RealClusterFolder.Read(_folder));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task Every_real_ACT_and_SPT_cluster_gets_a_record_and_a_reference()
    {
        string data = Path.Combine(RepoPaths.Root, "..", "shared", "data", "act-spt-spectroscopic");
        var log = new StringWriter();
        string[] serviceArgs = [$"--MassInference:ModelPath={RepoPaths.Model}", "--metrics-url=http://127.0.0.1:0"];

        IReadOnlyList<RealClusterResult> results = await RealClusterRun.RunAsync(data, _folder, serviceArgs, log);
        output.WriteLine(log.ToString());

        Assert.Equal(52, results.Count);
        Assert.All(results, r => Assert.NotNull(r.ReferenceLog10M200c));
        Assert.All(results.Where(r => r.Accepted), r =>
        {
            Assert.InRange(r.Posterior.Log10M200c!.Value, 12, 16.5);
            Assert.True(r.Posterior.SigmaLog10M200c > 0);
            Assert.True(r.Posterior.MembersKept >= 11);
            Assert.Equal(r.Posterior.OutOfDistribution, r.Posterior.OodReason is not null);
        });
        Assert.All(results.Where(r => !r.Accepted), r => Assert.Contains("outside |v_los|", r.Posterior.RejectionReason));
        Assert.True(results.Count(r => r.Accepted) >= 40, "most of these clusters have 20+ spectra");
        Assert.Contains(RealClusterReport.Summaries(results), s => s.ReferenceKind == RealClusterResult.SzReference && s.Count >= 30);
        Assert.Contains("| SPT-CLJ0040-4407 |", File.ReadAllText(Path.Combine(_folder, RealClusterRun.MarkdownFile)));
        Assert.Equal(53, File.ReadAllLines(Path.Combine(_folder, RealClusterRun.CsvFile)).Length);
    }

    private void WriteFolder(string clusters, string galaxies)
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, RealClusterFolder.ClustersFile), clusters);
        File.WriteAllText(Path.Combine(_folder, RealClusterFolder.GalaxiesFile), galaxies);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
