namespace StreamProcessor.Contracts.Messages;

/// <summary>Every profile kind of schema stacked-profile, in column order.</summary>
public static class StackedProfileKinds
{
    public static IReadOnlyList<StackedProfileKind> All { get; } =
    [
        new("xray_surface_brightness", "xray_surface_brightness_error",
            p => p.XraySurfaceBrightness, p => p.XraySurfaceBrightnessError,
            (p, v, e) => p with { XraySurfaceBrightness = v, XraySurfaceBrightnessError = e }),
        new("hi_log10_column_density", "hi_log10_column_density_error_dex",
            p => p.HiLog10ColumnDensity, p => p.HiLog10ColumnDensityErrorDex,
            (p, v, e) => p with { HiLog10ColumnDensity = v, HiLog10ColumnDensityErrorDex = e }),
        new("galaxy_surface_density_h2_per_mpc2", "galaxy_surface_density_error_h2_per_mpc2",
            p => p.GalaxySurfaceDensityH2PerMpc2, p => p.GalaxySurfaceDensityErrorH2PerMpc2,
            (p, v, e) => p with { GalaxySurfaceDensityH2PerMpc2 = v, GalaxySurfaceDensityErrorH2PerMpc2 = e }),
        new("gas_density_cm3", "gas_density_cm3_error",
            p => p.GasDensityCm3, p => p.GasDensityCm3Error,
            (p, v, e) => p with { GasDensityCm3 = v, GasDensityCm3Error = e }),
        new("gas_temperature_kev", "gas_temperature_kev_error",
            p => p.GasTemperatureKev, p => p.GasTemperatureKevError,
            (p, v, e) => p with { GasTemperatureKev = v, GasTemperatureKevError = e }),
        new("gas_metallicity_zsun", "gas_metallicity_zsun_error",
            p => p.GasMetallicityZsun, p => p.GasMetallicityZsunError,
            (p, v, e) => p with { GasMetallicityZsun = v, GasMetallicityZsunError = e }),
        new("compton_y", "compton_y_error",
            p => p.ComptonY, p => p.ComptonYError,
            (p, v, e) => p with { ComptonY = v, ComptonYError = e }),
        new("xray_surface_brightness_relative", "xray_surface_brightness_relative_error",
            p => p.XraySurfaceBrightnessRelative, p => p.XraySurfaceBrightnessRelativeError,
            (p, v, e) => p with { XraySurfaceBrightnessRelative = v, XraySurfaceBrightnessRelativeError = e }),
    ];

    /// <summary>The kind whose value or error column is <paramref name="column"/>, or null.</summary>
    public static StackedProfileKind? ByColumn(string column) =>
        All.FirstOrDefault(k => k.ValuesColumn == column || k.ErrorsColumn == column);

    /// <summary>The value columns of the kinds present in <paramref name="profile"/>.</summary>
    public static IEnumerable<string> Present(StackedProfile profile) =>
        All.Where(k => k.Values(profile) is not null).Select(k => k.ValuesColumn);
}
