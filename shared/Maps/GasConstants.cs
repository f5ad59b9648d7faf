namespace StreamProcessor.Maps;

/// <summary>CGS constants and the primordial gas composition the maps use; units in the names, sources cited.</summary>
public static class GasConstants
{
    /// <summary>Proton mass in g (CODATA 2018).</summary>
    public const double ProtonMassG = 1.67262192369e-24;

    /// <summary>Hydrogen-atom mass in g (1.00784 u, CODATA 2018 u); with it 1 M☉ pc⁻² of HI is 1.248e20 cm⁻² (reference sheet §5).</summary>
    public const double HydrogenMassG = 1.6735575e-24;

    /// <summary>Boltzmann constant in erg K⁻¹ (SI 2019, exact).</summary>
    public const double BoltzmannErgPerK = 1.380649e-16;

    /// <summary>Planck constant in erg s (SI 2019, exact).</summary>
    public const double PlanckErgS = 6.62607015e-27;

    /// <summary>1 keV in erg (SI 2019, exact).</summary>
    public const double KevErg = 1.602176634e-9;

    /// <summary>Solar mass in g (IAU 2015 nominal GM☉ / CODATA G).</summary>
    public const double SolarMassG = 1.98841e33;

    /// <summary>1 kpc in cm (IAU 2012 au, 1 pc = 648000/π au).</summary>
    public const double KpcCm = 3.0856775814913673e21;

    /// <summary>Hydrogen mass fraction X (model choice: primordial-like 0.76, metals neglected in the electron count).</summary>
    public const double HydrogenMassFraction = 0.76;

    /// <summary>Mean molecular weight of fully ionised H+He gas, μ = 4 / (3 + 5X) ≈ 0.588.</summary>
    public const double MeanMolecularWeight = 4.0 / (3.0 + (5.0 * HydrogenMassFraction));

    /// <summary>Mean mass per electron in proton masses, μ_e = 2 / (1 + X) ≈ 1.136 (fully ionised H+He).</summary>
    public const double MeanMassPerElectron = 2.0 / (1.0 + HydrogenMassFraction);

    /// <summary>n_He / n_H = Y / (4X) with Y = 1 − X.</summary>
    public const double HeliumToHydrogenNumberRatio = (1.0 - HydrogenMassFraction) / (4.0 * HydrogenMassFraction);

    /// <summary>Solar metal mass fraction Z☉ = 0.0134 (Asplund et al. 2009, ARA&amp;A 47, 481, arXiv:0909.0948; reference sheet §5).</summary>
    public const double SolarMetalMassFraction = 0.0134;

    /// <summary>Temperature of the cool (photo-ionised) CGM phase in K (model choice: the ~10⁴ K floor of photo-ionisation equilibrium).</summary>
    public const double CoolGasTemperatureK = 1e4;

    /// <summary>1 M☉ kpc⁻³ in g cm⁻³.</summary>
    public const double MsunPerKpc3InGPerCm3 = SolarMassG / (KpcCm * KpcCm * KpcCm);

    /// <summary>HI column density in cm⁻² of a surface density of 1 M☉ kpc⁻² of hydrogen atoms (1e-6 of 1.248e20).</summary>
    public const double HiColumnCm2PerMsunPerKpc2 = SolarMassG / (KpcCm * KpcCm * HydrogenMassG);

    /// <summary>HI column density of 1 M☉ pc⁻², 1.248e20 cm⁻² (reference sheet §5; the HI size–mass isophote).</summary>
    public const double HiColumnCm2PerMsunPerPc2 = HiColumnCm2PerMsunPerKpc2 * 1e6;

    /// <summary>
    /// A surface density per kpc² times this is per pc². X-ray maps are stored in erg s⁻¹ pc⁻² because cluster centres
    /// reach ~1e40 erg s⁻¹ kpc⁻², beyond float32 (3.4e38).
    /// </summary>
    public const double PerKpc2ToPerPc2 = 1e-6;

    /// <summary>1 kpc³ in cm³: converts an emissivity in erg s⁻¹ cm⁻³ to erg s⁻¹ kpc⁻³.</summary>
    public const double Kpc3Cm3 = KpcCm * KpcCm * KpcCm;
}
