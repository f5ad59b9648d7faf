using StreamProcessor.Emulation.Camels;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Profiles;

/// <summary>
/// The 28 inferred parameters as a consumer reads them: names, units and priors in the inferred space
/// (<see cref="CamelsParameter.InferredName"/>).
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
                ? new ParameterDefinition(p.InferredName, $"dex of {unit}", p.InferredValue(p.Min), p.InferredValue(p.Max), true, p.Group, p.Description)
                : new ParameterDefinition(p.InferredName, unit, p.Min, p.Max, false, p.Group, p.Description);
        })];

}
