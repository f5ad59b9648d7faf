using StreamProcessor.Contracts.Messages;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.ProfileInference;

/// <summary>Which column of schema stacked-profile carries each <see cref="ProfileKind"/> of the model contract.</summary>
public static class ProfileKindColumns
{
    /// <summary>The stacked-profile kind of <paramref name="kind"/>.</summary>
    public static StackedProfileKind For(ProfileKind kind) => StackedProfileKinds.ByColumn(Column(kind))!;

    /// <summary>
    /// The value column of <paramref name="kind"/>, e.g. "gas_density_cm3". Each column is in the units of the
    /// CAMELS-zoomGZ28 training profiles (../shared/data/camels-zoomgz28/README.md). X-ray surface brightness is
    /// xray_surface_brightness_relative (stacked-profile 1.1), in the training data's relative units, never the 1.0
    /// column xray_surface_brightness: that one is absolute (erg s^-1 cm^-2 arcsec^-2) and no documented conversion
    /// links the two.
    /// </summary>
    public static string Column(ProfileKind kind) => kind switch
    {
        ProfileKind.GasDensity => "gas_density_cm3",
        ProfileKind.GasTemperature => "gas_temperature_kev",
        ProfileKind.GasMetallicity => "gas_metallicity_zsun",
        ProfileKind.XraySurfaceBrightness => "xray_surface_brightness_relative",
        ProfileKind.ComptonY => "compton_y",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// A column holding the same quantity as <paramref name="kind"/> in units the model was not trained on, or null:
    /// the model never reads it, but a rejection can point a survey that published only that column to the right one.
    /// </summary>
    public static string? UnreadColumn(ProfileKind kind) => kind switch
    {
        ProfileKind.XraySurfaceBrightness => "xray_surface_brightness",
        _ => null,
    };
}
