namespace StreamProcessor.Maps;

/// <summary>
/// The CGM of one halo as functions of the ellipsoidal radius m (kpc), m² = x_b² + y_b²/q1² + z_b²/q2² in the gas
/// body frame, truncated at m = R200 along the major axis so the whole CGM lies inside the R200 sphere and inside
/// the ±R200 map depth. An ellipsoid with density ρ(m) holds 4π q1 q2 ∫ ρ(m) m² dm.
/// <list type="bullet">
/// <item>Hot gas: β-model ρ ∝ (1 + m²/r_c²)^(−3β/2) (Cavaliere &amp; Fusco-Femiano 1976, A&amp;A 49, 137).</item>
/// <item>Temperature: T = t0 T_vir [1 + (m / 0.6 R500)²]^(−0.45), the outer decline of the average cluster profile
/// of Vikhlinin et al. (2006, ApJ 640, 691, arXiv:astro-ph/0507092); the cool core is left out (model choice).</item>
/// <item>Metallicity: Z = Z0 (m/R200)^slope in solar units, held constant inside 0.01 R200 (model choice).</item>
/// <item>Cool gas (10⁴ K): ρ ∝ (1 + m²/r_cool²)⁻¹, a smooth stand-in for unresolved clouds (model choice).</item>
/// </list>
/// Cumulative tables on a log grid in m give the masses, luminosities and mass-weighted means the targets need.
/// </summary>
public sealed class GasProfiles
{
    /// <summary>Innermost tabulated radius in units of R200; inside it the density is treated as constant.</summary>
    private const double InnerRadiusInR200 = 1e-4;

    /// <summary>Nodes of the cumulative log-radius tables (trapezoid in ln m; error ≪ 1e-3 for these profiles).</summary>
    private const int CumulativeNodes = 400;

    private readonly double _rc2;
    private readonly double _halfThreeBeta;
    private readonly double _rCool2;
    private readonly double _hotDensityNorm;
    private readonly double _coolDensityNorm;
    private readonly double _tScale2;
    private readonly double[] _lnM;
    private readonly double[] _cumulativeHotMass;
    private readonly double[] _cumulativeCoolMass;
    private readonly double[] _cumulativeLuminosity;

    public GasProfiles(
        double r200Kpc, double r500Kpc, double axisRatioBA, double axisRatioCA,
        double hotMassMsun, double coolMassMsun, double coreRadiusKpc, double beta,
        double centralTemperatureK, double metallicityAtR200Solar, double metallicitySlope,
        double coolScaleRadiusKpc, double coolNeutralFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(r200Kpc);
        if (!(axisRatioBA is > 0 and <= 1 && axisRatioCA is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(axisRatioBA), "Axis ratios must lie in (0, 1].");
        ArgumentOutOfRangeException.ThrowIfNegative(hotMassMsun);
        ArgumentOutOfRangeException.ThrowIfNegative(coolMassMsun);
        R200Kpc = r200Kpc;
        AxisRatioBA = axisRatioBA;
        AxisRatioCA = axisRatioCA;
        HotMassMsun = hotMassMsun;
        CoolMassMsun = coolMassMsun;
        CoreRadiusKpc = coreRadiusKpc;
        Beta = beta;
        CentralTemperatureK = centralTemperatureK;
        MetallicityAtR200Solar = metallicityAtR200Solar;
        MetallicitySlope = metallicitySlope;
        CoolNeutralFraction = coolNeutralFraction;
        _rc2 = coreRadiusKpc * coreRadiusKpc;
        _halfThreeBeta = 1.5 * beta;
        _rCool2 = coolScaleRadiusKpc * coolScaleRadiusKpc;
        double tScale = 0.6 * r500Kpc;
        _tScale2 = tScale * tScale;

        // Log grid and shape integrals ∫ shape m² dm, by the same rule that builds the cumulative tables,
        // so a table's last entry is exactly the normalised mass.
        _lnM = new double[CumulativeNodes];
        double lnMin = Math.Log(InnerRadiusInR200 * r200Kpc), lnMax = Math.Log(r200Kpc);
        for (int i = 0; i < CumulativeNodes; i++) _lnM[i] = lnMin + ((lnMax - lnMin) * i / (CumulativeNodes - 1));
        double volume = 4 * Math.PI * axisRatioBA * axisRatioCA;
        double[] hotShape = Cumulate(m => HotShape(m));
        double[] coolShape = Cumulate(m => CoolShape(m));
        _hotDensityNorm = hotMassMsun / (volume * hotShape[^1]);
        _coolDensityNorm = coolMassMsun / (volume * coolShape[^1]);
        _cumulativeHotMass = Scale(hotShape, volume * _hotDensityNorm);
        _cumulativeCoolMass = Scale(coolShape, volume * _coolDensityNorm);
        _cumulativeLuminosity = Scale(Cumulate(XrayEmissivityErgPerSPerKpc3), volume);

        double hotMetals = volume * Cumulate(m => HotDensityMsunPerKpc3(m) * MetallicitySolar(m))[^1];
        double coolMetals = volume * Cumulate(m => CoolDensityMsunPerKpc3(m) * MetallicitySolar(m))[^1];
        double hotThermal = volume * Cumulate(m => HotDensityMsunPerKpc3(m) * TemperatureK(m))[^1];
        MetalMassSolarMsun = hotMetals + coolMetals;
        HotMassTemperatureMsunK = hotThermal;
    }

    public double R200Kpc { get; }
    public double AxisRatioBA { get; }
    public double AxisRatioCA { get; }
    public double HotMassMsun { get; }
    public double CoolMassMsun { get; }
    public double CoreRadiusKpc { get; }
    public double Beta { get; }
    public double CentralTemperatureK { get; }
    public double MetallicityAtR200Solar { get; }
    public double MetallicitySlope { get; }
    public double CoolNeutralFraction { get; }

    /// <summary>∫ ρ Z dV over hot and cool gas, Z in solar units (M☉): mass-weighted Z = this / M_cgm.</summary>
    public double MetalMassSolarMsun { get; }

    /// <summary>∫ ρ_hot T dV (M☉ K): the hot part of the mass-weighted temperature.</summary>
    public double HotMassTemperatureMsunK { get; }

    /// <summary>Soft-band luminosity of all the hot gas (erg s⁻¹).</summary>
    public double TotalXrayLuminosityErgPerS => _cumulativeLuminosity[^1];

    /// <summary>Hot-gas density in M☉ kpc⁻³ at ellipsoidal radius m (kpc); zero beyond R200.</summary>
    public double HotDensityMsunPerKpc3(double m) => m > R200Kpc ? 0 : _hotDensityNorm * HotShape(m);

    /// <summary>Cool-gas density in M☉ kpc⁻³ at ellipsoidal radius m (kpc); zero beyond R200.</summary>
    public double CoolDensityMsunPerKpc3(double m) => m > R200Kpc ? 0 : _coolDensityNorm * CoolShape(m);

    /// <summary>HI density in M☉ kpc⁻³: the neutral part of the cool gas's hydrogen, X x_HI ρ_cool.</summary>
    public double HiDensityMsunPerKpc3(double m) => GasConstants.HydrogenMassFraction * CoolNeutralFraction * CoolDensityMsunPerKpc3(m);

    /// <summary>Hot-gas temperature in K.</summary>
    public double TemperatureK(double m) => CentralTemperatureK * Math.Pow(1 + (m * m / _tScale2), -0.45);

    /// <summary>Metallicity in solar units.</summary>
    public double MetallicitySolar(double m) =>
        MetallicityAtR200Solar * Math.Pow(Math.Max(m / R200Kpc, 0.01), MetallicitySlope);

    /// <summary>
    /// Soft-band emissivity ε = n_e n_H Λ_soft(T, Z) in erg s⁻¹ kpc⁻³, with n_H = X ρ / m_p and n_e = ρ / (μ_e m_p).
    /// </summary>
    public double XrayEmissivityErgPerSPerKpc3(double m)
    {
        double rho = HotDensityMsunPerKpc3(m) * GasConstants.MsunPerKpc3InGPerCm3;
        if (rho == 0) return 0;
        double nH = GasConstants.HydrogenMassFraction * rho / GasConstants.ProtonMassG;
        double ne = rho / (GasConstants.MeanMassPerElectron * GasConstants.ProtonMassG);
        return ne * nH * SoftBandCoolingFunction.LambdaErgCm3PerS(TemperatureK(m), MetallicitySolar(m)) * GasConstants.Kpc3Cm3;
    }

    /// <summary>Hot + cool gas mass (M☉) inside the ellipsoid of radius m.</summary>
    public double GasMassWithinEllipsoidMsun(double m) => Lookup(_cumulativeHotMass, m) + Lookup(_cumulativeCoolMass, m);

    /// <summary>Soft-band luminosity (erg s⁻¹) inside the ellipsoid of radius m.</summary>
    public double LuminosityWithinEllipsoidErgPerS(double m) => Lookup(_cumulativeLuminosity, m);

    /// <summary>Hot + cool gas mass (M☉) inside the sphere of radius r (kpc).</summary>
    public double GasMassWithinSphereMsun(double radiusKpc) =>
        EllipsoidalShells.WithinSphere(GasMassWithinEllipsoidMsun, radiusKpc, AxisRatioBA, AxisRatioCA);

    /// <summary>Soft-band luminosity (erg s⁻¹) of the hot gas inside the sphere of radius r (kpc).</summary>
    public double LuminosityWithinSphereErgPerS(double radiusKpc) =>
        EllipsoidalShells.WithinSphere(LuminosityWithinEllipsoidErgPerS, radiusKpc, AxisRatioBA, AxisRatioCA);

    private double HotShape(double m) => Math.Pow(1 + (m * m / _rc2), -_halfThreeBeta);

    private double CoolShape(double m) => 1 / (1 + (m * m / _rCool2));

    /// <summary>∫0^m f m'² dm' at each grid node: the innermost sphere with f constant, then trapezoids in ln m.</summary>
    private double[] Cumulate(Func<double, double> f)
    {
        var result = new double[_lnM.Length];
        double m0 = Math.Exp(_lnM[0]);
        double previous = f(m0) * m0 * m0 * m0;
        result[0] = previous / 3;
        for (int i = 1; i < _lnM.Length; i++)
        {
            double m = Math.Exp(_lnM[i]);
            double current = f(Math.Min(m, R200Kpc)) * m * m * m;
            result[i] = result[i - 1] + (0.5 * (previous + current) * (_lnM[i] - _lnM[i - 1]));
            previous = current;
        }
        return result;
    }

    private static double[] Scale(double[] values, double factor)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i] * factor;
        return result;
    }

    /// <summary>Interpolates a cumulative table at m: linear in ln m; ∝ m³ inside the grid; flat beyond R200.</summary>
    private double Lookup(double[] table, double m)
    {
        if (m <= 0) return 0;
        double lnM = Math.Log(m);
        if (lnM >= _lnM[^1]) return table[^1];
        if (lnM <= _lnM[0]) return table[0] * Math.Exp(3 * (lnM - _lnM[0]));
        double position = (lnM - _lnM[0]) / (_lnM[1] - _lnM[0]);
        int i = Math.Min((int)position, _lnM.Length - 2);
        double w = position - i;
        return (table[i] * (1 - w)) + (table[i + 1] * w);
    }
}
