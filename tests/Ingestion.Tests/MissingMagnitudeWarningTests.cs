using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Catalogues;

namespace StreamProcessor.Ingestion.Tests;

public sealed class MissingMagnitudeWarningTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("magnitude-limits-").FullName;

    [Fact]
    public void The_shipped_phase_space_settings_give_sdss_its_limit_and_the_others_none()
    {
        var limits = MagnitudeLimits.Load(Path.Combine(RepositoryRoot(), MagnitudeLimits.DefaultConfigPath));

        Assert.Equal(17.77, limits.For("sdss"));
        Assert.Equal(17.77, limits.For("SDSS"));
        Assert.Null(limits.For("euclid"));
        Assert.Null(limits.For("a-survey-without-a-profile"));
    }

    [Fact]
    public void Members_without_magnitudes_under_a_limit_are_counted_per_survey()
    {
        var limits = Limits("""{ "PhaseSpace": { "DefaultProfile": { "MagnitudeLimit": 21.5 }, "Profiles": { "sdss": { "MagnitudeLimit": 17.77 }, "euclid": {} } } }""");
        ClusterCatalogue[] catalogues =
        [
            Catalogue("a", "sdss", 15.0, null, double.NaN),
            Catalogue("b", "sdss", 16.0, 17.0),
            Catalogue("c", "euclid", null, null),
            Catalogue("d", "rubin", null, 20.0),
        ];

        var warnings = MissingMagnitudeWarning.For(catalogues, limits);

        Assert.Equal(2, warnings.Count);
        Assert.Contains("survey 'rubin' has a magnitude limit m <= 21.5", warnings[0]); // the default profile's
        Assert.Contains("1 of its 2 members (1 of 1 catalogues)", warnings[0]);
        Assert.Contains("survey 'sdss' has a magnitude limit m <= 17.77", warnings[1]);
        Assert.Contains("2 of its 5 members (1 of 2 catalogues)", warnings[1]);
        Assert.DoesNotContain(warnings, w => w.Contains("euclid", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_without_a_PhaseSpace_section_are_refused()
    {
        string path = Path.Combine(_folder, "other.json");
        File.WriteAllText(path, """{ "Worker": {} }""");
        var error = Assert.Throws<InvalidDataException>(() => MagnitudeLimits.Load(path));
        Assert.Contains("no PhaseSpace section", error.Message);
    }

    private MagnitudeLimits Limits(string json)
    {
        string path = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(path, json);
        return MagnitudeLimits.Load(path);
    }

    private static ClusterCatalogue Catalogue(string id, string survey, params double?[] magnitudes) => new()
    {
        ClusterId = id,
        Survey = survey,
        RaDeg = 150,
        DecDeg = 2,
        Redshift = 0.1,
        DetectionTime = new DateTimeOffset(2026, 3, 20, 21, 0, 0, TimeSpan.Zero),
        Members = [.. magnitudes.Select((m, i) => new ClusterMember(150 + (0.001 * i), 2, 0.1, null, m))],
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamProcessor.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("StreamProcessor.sln not found above the test folder");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
