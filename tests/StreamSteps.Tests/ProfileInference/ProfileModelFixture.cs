using StreamProcessor.Contracts.Messages;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Ingestion.Demo;
using StreamProcessor.ProfileInference;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.StreamSteps.Tests.ProfileInference;

/// <summary>
/// A tiny profile bundle written to a temporary folder and loaded once for the collection: an untrained MLP (its
/// outputs mean nothing, the plumbing around them is what is tested) over four kinds at seven radii plus the halo
/// mass, six parameters with mixed units, and a feature domain measured on 200 demo stacks.
/// </summary>
public sealed class ProfileModelFixture : IDisposable
{
    public static readonly double[] Radii = [0.02, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5];

    public static readonly ProfileLayout Layout = new(
        [ProfileKind.GasDensity, ProfileKind.GasTemperature, ProfileKind.GasMetallicity, ProfileKind.XraySurfaceBrightness], Radii, IncludeLog10HaloMass: true);

    public static readonly IReadOnlyList<ParameterDefinition> Parameters =
    [
        new("Omega0", "", 0.1, 0.5, false, "cosmological", "Matter density"),
        new("sigma8", "", 0.6, 1.0, false, "cosmological", "Amplitude of fluctuations"),
        new("WindEnergyIn1e51erg", "dex(1e51 erg)", Math.Log10(0.9), Math.Log10(14.4), true, "astrophysical", "Galactic wind energy"),
        new("RadioFeedbackFactor", "dex", Math.Log10(0.25), Math.Log10(4.0), true, "astrophysical", "AGN kinetic-mode energy"),
        new("VariableWindVelFactor", "", 3.7, 14.8, false, "astrophysical", "Wind speed"),
        new("n_s", "", 0.8, 1.1, false, "cosmological", "Spectral index"),
    ];

    /// <summary>Seed of the demo stacks the feature domain was measured on.</summary>
    public const ulong DomainSeed = 99;

    private readonly string _folder = Directory.CreateTempSubdirectory("profile-bundle-").FullName;

    public ProfileModelFixture()
    {
        var extractor = new ProfileFeatureExtractor(Layout);
        var training = DemoProfiles.Generate(200, Radii, DomainSeed)
            .Select(p => Assert.IsType<ProfileExtraction.Extracted>(extractor.Extract(p)).Values).ToList();
        var domain = new FeatureDomain(
            Layout.FeatureNames(),
            [.. Enumerable.Range(0, Layout.FeatureCount).Select(f => ValueRange.Of(training.Select(v => v[f])))],
            MaxFeaturesOutside: 2);
        UntrainedProfileBundle.Save(_folder, Layout, Parameters, hiddenWidths: [16], seed: 7, domain);
        Model = TorchProfileModel.Load(_folder);
    }

    public TorchProfileModel Model { get; }

    /// <summary>The first <paramref name="count"/> (at most 200) demo stacks the feature domain was measured on: inside it by construction.</summary>
    public static IReadOnlyList<StackedProfile> InDomainProfiles(int count) => DemoProfiles.Generate(count, Radii, DomainSeed);

    public void Dispose()
    {
        Model.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
