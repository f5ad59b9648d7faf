using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Dynamics;
using StreamProcessor.Dynamics.Halos;

namespace StreamProcessor.Maps;

/// <summary>
/// Draws one halo from its own random stream, SeededRandom.ForStream(seed, index), so every halo is the same
/// whatever the thread count or batch it is generated in. The draws are always made in the same order, including
/// satellites the settings do not paint, so switching a setting never shifts another halo quantity.
/// </summary>
public static class HaloSampler
{
    /// <summary>1-σ scatter of log c about Duffy+08 (reference sheet §2).</summary>
    public const double ConcentrationScatterDex = 0.1;

    /// <summary>Gas axis ratios are drawn in [this, 1] (model choice after the triaxial ICM shapes of Lau et al. 2011, ApJ 734, 93).</summary>
    public const double MinimumAxisRatio = 0.6;

    /// <summary>Mean satellite count per M☉ of halo: N̄ = M200c / 10^12.3 M☉ (model choice: N ∝ M, one per ~2e12 M☉).</summary>
    public const double Log10MassPerSatelliteMsun = 12.3;

    /// <summary>
    /// Mean log L_X (erg s⁻¹, 0.5–2 keV) of a satellite's hot corona (model choice: most satellites are dwarfs, below the
    /// 10^38.5–10^40 of massive spirals in Li &amp; Wang 2013, MNRAS 428, 2085); 0.3 dex scatter.
    /// </summary>
    public const double SatelliteLog10XrayLuminosity = 38.3;

    /// <summary>Gaussian σ of a satellite's X-ray clump in kpc (model choice).</summary>
    public const double SatelliteClumpSigmaKpc = 5.0;

    /// <summary>f_cool never reaches 1, so some hot gas always remains (model choice).</summary>
    private const double MaximumCoolFraction = 0.98;

    public static HaloRealisation Draw(MapSettings settings, GalaxyFormationModel model, ulong seed, int index)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var random = SeededRandom.ForStream(seed, (ulong)index);
        var cosmology = settings.Cosmology;
        double h = cosmology.LittleH;

        double log10M = random.NextUniform(settings.MassRange.Log10MinMsun, settings.MassRange.Log10MaxMsun);
        double mass = Math.Pow(10, log10M);
        double concentration = DuffyConcentration.Median(mass * h, settings.Redshift, Overdensity.Critical200)
            * Math.Pow(10, ConcentrationScatterDex * random.NextGaussian());
        var nfw = NfwHalo.Create(mass * h, settings.Redshift, concentration, cosmology);
        double r200 = nfw.R200cMpcOverH / h * 1000;
        var (_, c500) = OverdensityConversion.ConvertWithConcentration(
            mass * h, concentration, settings.Redshift, Overdensity.Critical200, Overdensity.Critical500, cosmology);
        double r500 = r200 * c500 / concentration;
        double v200Cm = nfw.V200KmPerS * 1e5;
        double tVir = GasConstants.MeanMolecularWeight * GasConstants.ProtonMassG * v200Cm * v200Cm / (2 * GasConstants.BoltzmannErgPerK);

        double q1 = random.NextUniform(MinimumAxisRatio, 1);
        double q2 = random.NextUniform(MinimumAxisRatio, q1);
        var orientation = Rotation3.Random(random);

        double sigma = model.FeedbackScatterDex;
        double retained = Math.Min(1, model.MedianRetainedFraction(log10M) * Math.Pow(10, sigma * random.NextGaussian()));
        double z0 = model.MetallicityAtR200Solar * Math.Pow(10, sigma * random.NextGaussian());
        double coolFraction = Math.Min(MaximumCoolFraction, model.MedianCoolFraction(log10M) * Math.Pow(10, sigma * random.NextGaussian()));

        // f_cgm = f_b f_ret, f_b = Ω_b / Ω_m (Planck 2018, reference sheet §1).
        double cgmMass = cosmology.OmegaB / cosmology.OmegaM * retained * mass;
        var gas = new GasProfiles(
            r200, r500, q1, q2,
            hotMassMsun: cgmMass * (1 - coolFraction),
            coolMassMsun: cgmMass * coolFraction,
            coreRadiusKpc: model.CoreRadiusInR200 * r200,
            beta: model.Beta,
            centralTemperatureK: model.TemperatureInTvir * tVir,
            metallicityAtR200Solar: z0,
            metallicitySlope: model.MetallicitySlope,
            coolScaleRadiusKpc: model.CoolScaleRadiusInR200 * r200,
            coolNeutralFraction: model.CoolNeutralFraction);

        double centralHi = HiHaloRelation.MeanCentralHiMassMsun(mass, h) * Math.Pow(10, HiHaloRelation.CentralScatterDex * random.NextGaussian());
        var centralDisc = DrawDisc(random, centralHi);
        var centralNormal = NfwMemberSampler.IsotropicDirection(random);

        int count = random.NextPoisson(mass / Math.Pow(10, Log10MassPerSatelliteMsun));
        var satellites = new Satellite[count];
        for (int s = 0; s < count; s++)
        {
            double radius = nfw.RadiusFromUniformMpcOverH(random.NextDouble(), 1.0) / h * 1000;
            var (dx, dy, dz) = NfwMemberSampler.IsotropicDirection(random);
            double hiMass = Math.Pow(10, HiHaloRelation.SatelliteLog10MassMsun + (HiHaloRelation.SatelliteScatterDex * random.NextGaussian()));
            var disc = DrawDisc(random, hiMass);
            var (nx, ny, nz) = NfwMemberSampler.IsotropicDirection(random);
            double luminosity = Math.Pow(10, SatelliteLog10XrayLuminosity + (0.3 * random.NextGaussian()));
            satellites[s] = new Satellite(radius * dx, radius * dy, radius * dz, disc, nx, ny, nz, luminosity, SatelliteClumpSigmaKpc);
        }

        return new HaloRealisation
        {
            Index = index,
            ModelName = model.Name,
            Log10MassMsun = log10M,
            Concentration = concentration,
            R200Kpc = r200,
            R500Kpc = r500,
            VirialTemperatureK = tVir,
            AxisRatioBA = q1,
            AxisRatioCA = q2,
            Orientation = orientation,
            RetainedFraction = retained,
            CoolFraction = coolFraction,
            Gas = gas,
            CentralDisc = centralDisc,
            CentralDiscNormal = centralNormal,
            Satellites = satellites,
            XrayTable = ProjectedProfileTable.Build(gas.XrayEmissivityErgPerSPerKpc3, r200),
            CoolHiTable = ProjectedProfileTable.Build(gas.HiDensityMsunPerKpc3, r200),
        };
    }

    /// <summary>An HI disc of mass M (clamped to 10^6–10^11 M☉) with the 0.06 dex size scatter of Wang+16 (clamped at 3σ).</summary>
    private static HiDisc DrawDisc(SeededRandom random, double massMsun)
    {
        double offset = Math.Clamp(0.06 * random.NextGaussian(), -0.18, 0.18);
        return HiDisc.Create(Math.Clamp(massMsun, 1e6, 1e11), offset);
    }
}
