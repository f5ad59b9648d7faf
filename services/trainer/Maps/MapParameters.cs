using StreamProcessor.MapInference;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.Trainer.Maps;

/// <summary>The parameters of the map CNNs (<see cref="CgmParameters"/>; the cluster CNN's halo mass alone) and the halo classes of the metrics.</summary>
internal static class MapParameters
{
    /// <summary>The six CGM properties, as map-inference serves them.</summary>
    public static IReadOnlyList<ParameterDefinition> Cgm => CgmParameters.All;

    /// <summary>The cluster-mass CNN's one parameter.</summary>
    public static IReadOnlyList<ParameterDefinition> MassOnly { get; } = [Cgm[0] with { PriorMin = 13.0, PriorMax = 14.3 }];

    /// <summary>Halo classes of the per-class metrics (Gluck+2024): sub-L*, L*, groups.</summary>
    public static readonly IReadOnlyList<(string Name, double Min, double Max)> MassClasses =
    [
        ("sub-L* (10^11.5-10^12)", 11.5, 12.0),
        ("L* (10^12-10^13)", 12.0, 13.0),
        ("groups (10^13-10^14.3)", 13.0, 14.31),
    ];
}
