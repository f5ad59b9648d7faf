namespace StreamProcessor.Fits;

/// <summary>
/// Deprojection of the gnomonic (TAN) projection, Calabretta &amp; Greisen 2002, A&amp;A 395, 1077 ("Paper II"):
/// intermediate world coordinates (x, y) → native spherical (φ, θ) → celestial (α, δ).
/// </summary>
internal static class GnomonicProjection
{
    private const double DegPerRad = 180.0 / Math.PI;

    /// <summary>(α, δ) in degrees of intermediate world coordinates (x, y) in degrees.</summary>
    /// <param name="x">First intermediate world coordinate, degrees.</param>
    /// <param name="y">Second intermediate world coordinate, degrees.</param>
    /// <param name="alpha0Deg">CRVAL1. For zenithal projections the fiducial point is the native pole (θ0 = 90°), so
    /// the celestial coordinates of the native pole are (α_p, δ_p) = (α0, δ0) (Paper II §2.4).</param>
    /// <param name="delta0Deg">CRVAL2.</param>
    /// <param name="phiPDeg">LONPOLE φ_p.</param>
    public static (double AlphaDeg, double DeltaDeg) ToCelestial(double x, double y, double alpha0Deg, double delta0Deg, double phiPDeg)
    {
        // The reference point itself: exactly (α0, δ0), without the rounding of the rotation below.
        if (x == 0 && y == 0) return (alpha0Deg, delta0Deg);

        // Paper II eqs. 14–15 (zenithal): φ = arg(−y, x), R_θ = sqrt(x² + y²); arg(a, b) = atan2(b, a).
        double rTheta = Math.Sqrt((x * x) + (y * y));
        double phi = Math.Atan2(x, -y);
        // Paper II eq. 55 (TAN): θ = atan(180° / (π R_θ)); R_θ in degrees, so θ = atan2(1, R_θ in radians).
        double theta = Math.Atan2(1.0, rTheta / DegPerRad);

        // Paper II eq. 2: native (φ, θ) → celestial (α, δ) by the rotation to the celestial pole (α_p, δ_p).
        double deltaP = delta0Deg / DegPerRad;
        double dPhi = phi - (phiPDeg / DegPerRad);
        double sinTheta = Math.Sin(theta);
        double cosTheta = Math.Cos(theta);
        double alpha = (alpha0Deg / DegPerRad) + Math.Atan2(
            -cosTheta * Math.Sin(dPhi),
            (sinTheta * Math.Cos(deltaP)) - (cosTheta * Math.Sin(deltaP) * Math.Cos(dPhi)));
        double sinDelta = (sinTheta * Math.Sin(deltaP)) + (cosTheta * Math.Cos(deltaP) * Math.Cos(dPhi));
        double delta = Math.Asin(Math.Clamp(sinDelta, -1.0, 1.0));
        return (alpha * DegPerRad, delta * DegPerRad);
    }

    /// <summary>Default LONPOLE for a zenithal projection: 180° unless the reference point is the celestial pole
    /// (δ0 ≥ θ0 = 90°), then 0° (Paper II §2.4, eq. 8 context; as wcslib's celset).</summary>
    public static double DefaultLonPoleDeg(double delta0Deg) => delta0Deg >= 90.0 ? 0.0 : 180.0;
}
