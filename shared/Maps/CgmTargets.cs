namespace StreamProcessor.Maps;

/// <summary>
/// The six properties the CGM CNN infers (reference sheet §5), computed from the same gas model that made the maps,
/// so they are exact. The CGM is the hot plus cool gas inside R200 (all of the model gas); the central disc ISM,
/// satellites and their coronae are not CGM.
/// </summary>
/// <param name="Log10HaloMassMsun">log10 M200c in M☉ (11.5–14.3).</param>
/// <param name="CgmFraction">f_cgm = M_cgm / M200c (0–0.23).</param>
/// <param name="Log10MetalMassFraction">log10 of the mass-weighted absolute metal mass fraction, log(Z/Z☉) + log 0.0134 (−3.6 to −1.3).</param>
/// <param name="Log10CgmMassWithin200KpcMsun">log10 of the CGM mass inside a 200 kpc sphere, M☉ (8.0–12.5).</param>
/// <param name="CoolFraction">f_cool = M_cool / M_cgm (0–1).</param>
/// <param name="Log10TemperatureK">log10 of the mass-weighted temperature over hot and cool (10⁴ K) gas (3.9–7.6).</param>
public sealed record CgmTargets(
    double Log10HaloMassMsun,
    double CgmFraction,
    double Log10MetalMassFraction,
    double Log10CgmMassWithin200KpcMsun,
    double CoolFraction,
    double Log10TemperatureK)
{
    /// <summary>Radius of the fixed-aperture CGM mass, kpc.</summary>
    public const double ApertureKpc = 200.0;

    /// <summary>Target names in the order of <see cref="ToArray"/> (the network's output order).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["log_m_halo", "f_cgm", "log_z_cgm", "log_m_cgm_200kpc", "f_cool", "log_t_cgm"];

    /// <summary>The targets in the order of <see cref="Names"/>.</summary>
    public double[] ToArray() =>
        [Log10HaloMassMsun, CgmFraction, Log10MetalMassFraction, Log10CgmMassWithin200KpcMsun, CoolFraction, Log10TemperatureK];

    /// <summary>Integrates the halo's gas model: masses from its cumulative tables, the 200 kpc sphere by <see cref="EllipsoidalShells"/>.</summary>
    public static CgmTargets Compute(HaloRealisation halo)
    {
        ArgumentNullException.ThrowIfNull(halo);
        var gas = halo.Gas;
        double cgm = gas.HotMassMsun + gas.CoolMassMsun;
        double metallicitySolar = gas.MetalMassSolarMsun / cgm;
        double temperature = (gas.HotMassTemperatureMsunK + (gas.CoolMassMsun * GasConstants.CoolGasTemperatureK)) / cgm;
        return new CgmTargets(
            halo.Log10MassMsun,
            cgm / halo.MassMsun,
            Math.Log10(metallicitySolar * GasConstants.SolarMetalMassFraction),
            Math.Log10(gas.GasMassWithinSphereMsun(ApertureKpc)),
            gas.CoolMassMsun / cgm,
            Math.Log10(temperature));
    }
}
