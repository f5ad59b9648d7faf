using StreamProcessor.Emulation.Profiles;
using StreamProcessor.ProfileInference;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// profile-inference as its own process, serving an untrained bundle of the shipped model's shape (28 parameters, an
/// MLP over four kinds at eight radii plus the halo mass) written to a folder the caller owns: no trained model is
/// needed to drill the service.
/// </summary>
internal static class ProfileService
{
    public static readonly double[] Radii = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0];

    public static readonly ProfileLayout Layout = new(
        [ProfileKind.GasDensity, ProfileKind.GasTemperature, ProfileKind.GasMetallicity, ProfileKind.XraySurfaceBrightness], Radii, IncludeLog10HaloMass: true);

    public static readonly IReadOnlyList<ParameterDefinition> Parameters =
    [
        .. Enumerable.Range(0, 28).Select(i => new ParameterDefinition(
            $"param_{i:D2}", i < 5 ? "dimensionless" : "dex", 0, 1, i >= 5, i < 5 ? "cosmological" : "astrophysical", $"test parameter {i}")),
    ];

    /// <summary>Writes the bundle to <paramref name="bundleFolder"/> and starts the service on it against <paramref name="bootstrap"/>.</summary>
    public static Task<ServiceProcess> StartAsync(string bootstrap, string bundleFolder)
    {
        UntrainedProfileBundle.Save(bundleFolder, Layout, Parameters, hiddenWidths: [32, 32], seed: 3);
        return ServiceProcess.StartAsync("profile-inference", bootstrap, $"--ProfileInference:ModelPath={bundleFolder}", "--ProfileInference:Device=cpu");
    }
}
