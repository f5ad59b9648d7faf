namespace StreamProcessor.Maps;

/// <summary>
/// Approximate 0.5–2 keV cooling function Λ_soft(T, Z) in erg cm³ s⁻¹, defined so the band emissivity is
/// ε = n_e n_H Λ_soft. It is an <b>approximation</b> (good to a factor ~2 against APEC/SPEX tables), chosen so
/// maps are fast and smooth in T and Z:
/// <list type="bullet">
/// <item>Thermal bremsstrahlung of H and He restricted to the band: Rybicki &amp; Lightman (1979), Eq. 5.14b,
/// ε_ν = 6.8e-38 Z_i² n_e n_i T^(−1/2) e^(−hν/kT) ḡ, integrated over 0.5–2 keV, which gives
/// (kT/h)[e^(−E1/kT) − e^(−E2/kT)]; ḡ = 1.2 (their Fig. 5.2, X-ray regime).</item>
/// <item>A metal-line term ∝ Z/Z☉, a Gaussian in log T peaking at log T = 6.9 (kT ≈ 0.7 keV, the Fe-L complex)
/// with 0.3 dex width and 1.2e-23 erg cm³ s⁻¹ at solar metallicity: model choice, scaled to the order of the
/// solar-minus-primordial CIE cooling of Sutherland &amp; Dopita (1993, ApJS 88, 253) at 10^6.5–10^7 K, of which
/// the 0.5–2 keV band carries a fraction.</item>
/// </list>
/// Below 3×10^5 K Λ is set to zero (both terms are already negligible there), so the cool CGM phase does not emit in the band.
/// </summary>
public static class SoftBandCoolingFunction
{
    /// <summary>Lower band edge in keV.</summary>
    public const double BandMinKev = 0.5;

    /// <summary>Upper band edge in keV.</summary>
    public const double BandMaxKev = 2.0;

    /// <summary>Bremsstrahlung prefactor of Rybicki &amp; Lightman (1979), Eq. 5.14b, in erg cm³ s⁻¹ Hz⁻¹ K^(1/2).</summary>
    private const double BremsstrahlungPrefactor = 6.8e-38;

    /// <summary>Frequency-averaged Gaunt factor in the X-ray band (Rybicki &amp; Lightman 1979, Fig. 5.2).</summary>
    private const double GauntFactor = 1.2;

    /// <summary>Peak of the solar-metallicity line term in erg cm³ s⁻¹ (model choice, see the class remarks).</summary>
    private const double LinePeakSolar = 1.2e-23;

    /// <summary>Below this the band emission is &lt; 1e-6 of its peak; cutting it keeps cool gas dark.</summary>
    private const double MinimumTemperatureK = 3e5;

    private const double LinePeakLog10TemperatureK = 6.9;
    private const double LineWidthDex = 0.3;

    /// <summary>Σ Z_i² n_i / n_H for fully ionised H and He.</summary>
    private const double ChargeSquaredPerHydrogen = 1.0 + (4.0 * GasConstants.HeliumToHydrogenNumberRatio);

    /// <summary>Λ_soft(T, Z) in erg cm³ s⁻¹ for temperature T (K) and metallicity Z in solar units.</summary>
    public static double LambdaErgCm3PerS(double temperatureK, double metallicitySolar)
    {
        if (temperatureK < MinimumTemperatureK) return 0;
        double kT = GasConstants.BoltzmannErgPerK * temperatureK;
        double e1 = BandMinKev * GasConstants.KevErg;
        double e2 = BandMaxKev * GasConstants.KevErg;
        double bandIntegralHz = kT / GasConstants.PlanckErgS * (Math.Exp(-e1 / kT) - Math.Exp(-e2 / kT));
        double bremsstrahlung = BremsstrahlungPrefactor * GauntFactor * ChargeSquaredPerHydrogen * bandIntegralHz / Math.Sqrt(temperatureK);
        double d = (Math.Log10(temperatureK) - LinePeakLog10TemperatureK) / LineWidthDex;
        double lines = LinePeakSolar * metallicitySolar * Math.Exp(-0.5 * d * d);
        return bremsstrahlung + lines;
    }
}
