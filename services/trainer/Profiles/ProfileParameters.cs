using StreamProcessor.Emulation.Camels;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// The 28 inferred parameters as the network sees them: a parameter the CAMELS design samples uniformly in log10 is
/// inferred as its log10 (named "log10_&lt;name&gt;"), the others as themselves.
/// </summary>
internal static class ProfileParameters
{
    /// <summary>Units of the parameters that carry one (TNG parameter file conventions); the rest are dimensionless.</summary>
    private static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["WindEnergyIn1e51erg"] = "1e51 erg per M_sun of star formation",
        ["MaxSfrTimescale"] = "Gyr",
        ["SNII_MinMass_Msun"] = "M_sun",
        ["VariableWindSpecMomentum"] = "km/s",
        ["MinWindVel"] = "km/s",
        ["SeedBlackHoleMass"] = "1e10 h^-1 M_sun",
        ["HubbleParam"] = "100 km/s/Mpc",
    };

    /// <summary>Name, unit, prior (in the inferred space) and group of every parameter.</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions(IReadOnlyList<CamelsParameter> parameters) =>
        [.. parameters.Select(p =>
        {
            string unit = Units.GetValueOrDefault(p.Name, "dimensionless");
            return p.SampledInLog
                ? new ParameterDefinition($"log10_{p.Name}", $"dex of {unit}", Math.Log10(p.Min), Math.Log10(p.Max), true, p.Group, p.Description)
                : new ParameterDefinition(p.Name, unit, p.Min, p.Max, false, p.Group, p.Description);
        })];

    /// <summary>The network's target for <paramref name="value"/> of <paramref name="parameter"/>.</summary>
    public static double Target(CamelsParameter parameter, double value) => parameter.SampledInLog ? Math.Log10(value) : value;
}
