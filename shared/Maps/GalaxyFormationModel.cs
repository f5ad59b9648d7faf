namespace StreamProcessor.Maps;

/// <summary>
/// The feedback-dependent gas physics of one galaxy-formation model: how much of the cosmic baryon share a halo
/// keeps in its CGM, how that gas is distributed, how hot and how metal-rich it is, and how much is cool.
/// The two named instances stand in for the IllustrisTNG and SIMBA suites that Gluck et al. (2024) trained on,
/// which differ mainly in how AGN feedback moves gas out of L* and group haloes. Every number here is a
/// <b>model choice</b> tuned by eye to the qualitative trends the cited papers describe, not a fit.
/// </summary>
/// <param name="Name">Label written into every <see cref="HaloSample"/>.</param>
/// <param name="Log10CriticalMassMsun">log M at which f_ret is half-way between its floor and 1 (M☉).</param>
/// <param name="RetentionSlope">Steepness of the sigmoid in log M (per dex).</param>
/// <param name="RetentionFloor">f_ret far below the critical mass.</param>
/// <param name="CoreRadiusInR200">β-model core radius r_c / R200 along the gas major axis.</param>
/// <param name="Beta">β of the β-model density (1 + r²/r_c²)^(−3β/2).</param>
/// <param name="TemperatureInTvir">Central temperature of the hot gas in units of T_vir.</param>
/// <param name="MetallicityAtR200Solar">Z0: metallicity at R200 in solar units.</param>
/// <param name="MetallicitySlope">d ln Z / d ln r (negative: metals concentrate towards the centre).</param>
/// <param name="CoolFractionMax">f_cool of the smallest haloes.</param>
/// <param name="Log10CoolTransitionMassMsun">Mass at which f_cool has fallen to half of its maximum (M☉).</param>
/// <param name="CoolFractionSlope">How fast f_cool falls above the transition mass (per dex).</param>
/// <param name="CoolScaleRadiusInR200">Scale radius of the cool-gas profile (1 + r²/r_cool²)⁻¹, in R200.</param>
/// <param name="CoolNeutralFraction">HI mass fraction of the cool-phase hydrogen (most cool CGM gas is photo-ionised).</param>
/// <param name="FeedbackScatterDex">1-σ log-normal scatter applied independently to f_ret, Z0 and f_cool.</param>
public sealed record GalaxyFormationModel(
    string Name,
    double Log10CriticalMassMsun,
    double RetentionSlope,
    double RetentionFloor,
    double CoreRadiusInR200,
    double Beta,
    double TemperatureInTvir,
    double MetallicityAtR200Solar,
    double MetallicitySlope,
    double CoolFractionMax,
    double Log10CoolTransitionMassMsun,
    double CoolFractionSlope,
    double CoolScaleRadiusInR200,
    double CoolNeutralFraction,
    double FeedbackScatterDex)
{
    /// <summary>
    /// TNG-like kinetic-wind AGN: haloes below ~10^12.5 lose gas, groups keep most of theirs, so f_gas rises
    /// steeply with mass (Davies et al. 2020, MNRAS 491, 4462; Pillepich et al. 2018,
    /// arXiv:1703.02970, gas fractions of groups close to observed). Compact hot gas with β ≈ 2/3
    /// (Jones &amp; Forman 1984; reference sheet §5).
    /// </summary>
    public static GalaxyFormationModel TngLike { get; } = new(
        Name: "TngLike",
        Log10CriticalMassMsun: 12.6,
        RetentionSlope: 1.8,
        RetentionFloor: 0.25,
        CoreRadiusInR200: 0.15,
        Beta: 2.0 / 3.0,
        TemperatureInTvir: 0.9,
        MetallicityAtR200Solar: 0.25,
        MetallicitySlope: -0.4,
        CoolFractionMax: 0.8,
        Log10CoolTransitionMassMsun: 12.3,
        CoolFractionSlope: 1.0,
        CoolScaleRadiusInR200: 0.15,
        CoolNeutralFraction: 0.03,
        FeedbackScatterDex: 0.15);

    /// <summary>
    /// SIMBA-like bipolar-jet AGN that evacuates gas from L* and group haloes well beyond R200 (Sorini et al. 2022,
    /// MNRAS 516, 883, arXiv:2111.13708; Oppenheimer et al. 2021, Universe 7, 209, compare the CGM of TNG, SIMBA and EAGLE):
    /// much lower f_cgm at 10^12–10^13.5, a flatter and more extended profile, hotter gas, less cool gas and HI.
    /// </summary>
    public static GalaxyFormationModel SimbaLike { get; } = new(
        Name: "SimbaLike",
        Log10CriticalMassMsun: 13.6,
        RetentionSlope: 1.2,
        RetentionFloor: 0.12,
        CoreRadiusInR200: 0.25,
        Beta: 0.55,
        TemperatureInTvir: 1.2,
        MetallicityAtR200Solar: 0.2,
        MetallicitySlope: -0.3,
        CoolFractionMax: 0.6,
        Log10CoolTransitionMassMsun: 12.0,
        CoolFractionSlope: 1.0,
        CoolScaleRadiusInR200: 0.25,
        CoolNeutralFraction: 0.015,
        FeedbackScatterDex: 0.15);

    /// <summary>Both named models, for training on one and testing on the other (the robustness test of Gluck+24).</summary>
    public static IReadOnlyList<GalaxyFormationModel> All { get; } = [TngLike, SimbaLike];

    /// <summary>
    /// Median retained CGM fraction f_ret(M) = floor + (1 − floor) / (1 + 10^(−slope (log M − log M_crit))),
    /// the sigmoid in log M of the issue (model choice); f_cgm = f_b f_ret with f_b = Ω_b/Ω_m.
    /// </summary>
    public double MedianRetainedFraction(double log10MassMsun) =>
        RetentionFloor + ((1 - RetentionFloor) / (1 + Math.Pow(10, -RetentionSlope * (log10MassMsun - Log10CriticalMassMsun))));

    /// <summary>Median cool fraction f_cool(M) = f_max / (1 + 10^(slope (log M − log M_cool))): falls with mass (model choice).</summary>
    public double MedianCoolFraction(double log10MassMsun) =>
        CoolFractionMax / (1 + Math.Pow(10, CoolFractionSlope * (log10MassMsun - Log10CoolTransitionMassMsun)));

    /// <summary>Throws when a parameter would leave the model outside the physical domain the generator assumes.</summary>
    public GalaxyFormationModel Validated()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (!(RetentionFloor is > 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(RetentionFloor), RetentionFloor, "Must lie in (0, 1].");
        if (!(CoreRadiusInR200 is > 0.005 and < 1)) throw new ArgumentOutOfRangeException(nameof(CoreRadiusInR200), CoreRadiusInR200, "Must lie in (0.005, 1).");
        if (!(Beta is > 0.4 and < 1.5)) throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "Must lie in (0.4, 1.5).");
        if (!(TemperatureInTvir is > 0.1 and < 2)) throw new ArgumentOutOfRangeException(nameof(TemperatureInTvir), TemperatureInTvir, "Must lie in (0.1, 2).");
        if (!(MetallicityAtR200Solar is > 0 and < 3)) throw new ArgumentOutOfRangeException(nameof(MetallicityAtR200Solar), MetallicityAtR200Solar, "Must lie in (0, 3).");
        if (!(MetallicitySlope is > -1.5 and <= 0)) throw new ArgumentOutOfRangeException(nameof(MetallicitySlope), MetallicitySlope, "Must lie in (-1.5, 0].");
        if (!(CoolFractionMax is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(CoolFractionMax), CoolFractionMax, "Must lie in [0, 1).");
        if (!(CoolScaleRadiusInR200 is > 0.01 and < 2)) throw new ArgumentOutOfRangeException(nameof(CoolScaleRadiusInR200), CoolScaleRadiusInR200, "Must lie in (0.01, 2).");
        if (!(CoolNeutralFraction is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(CoolNeutralFraction), CoolNeutralFraction, "Must lie in [0, 1].");
        if (!(FeedbackScatterDex is >= 0 and <= 0.3)) throw new ArgumentOutOfRangeException(nameof(FeedbackScatterDex), FeedbackScatterDex, "Must lie in [0, 0.3].");
        return this;
    }
}
