namespace StreamProcessor.Dynamics.Halos;

/// <summary>
/// Draws member galaxies of an NFW halo: radii by the exact inverse CDF (Robotham &amp; Howlett 2018, arXiv:1805.09550),
/// isotropic directions, and each Cartesian velocity component ~ N(0, σ_r(r)²) with the isotropic Jeans σ_r of
/// Łokas &amp; Mamon (2001) (the Jeans–Gaussian approximation of the reference sheet §2). Galaxies trace the dark matter.
/// </summary>
public static class NfwMemberSampler
{
    // With |v| ≤ v_esc and v_esc ≥ σ_r the acceptance is ≥ 20 % (P(χ²_3 &lt; 1)); a bound this large is never reached
    // unless the halo is inconsistent, and then failing loudly beats looping forever.
    private const int MaximumVelocityDraws = 10_000;

    /// <summary>
    /// <paramref name="count"/> members inside r ≤ <paramref name="truncationInR200c"/> R200c. With
    /// <paramref name="rejectAboveEscapeSpeed"/>, velocities with |v| ≥ sqrt(2|Φ(r)|) are redrawn (the sheet's optional rejection).
    /// </summary>
    public static PhaseSpacePoint[] Sample(NfwHalo halo, int count, double truncationInR200c, bool rejectAboveEscapeSpeed, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(halo);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var members = new PhaseSpacePoint[count];
        for (int i = 0; i < count; i++)
        {
            members[i] = SampleOne(halo, truncationInR200c, rejectAboveEscapeSpeed, random);
        }
        return members;
    }

    /// <summary>One member; see <see cref="Sample"/>.</summary>
    public static PhaseSpacePoint SampleOne(NfwHalo halo, double truncationInR200c, bool rejectAboveEscapeSpeed, SeededRandom random)
    {
        // u ∈ (0, 1) keeps r > 0, where σ_r is defined.
        double r = halo.RadiusFromUniformMpcOverH(random.NextOpenDouble(), truncationInR200c);
        (double nx, double ny, double nz) = IsotropicDirection(random);
        double sigma = halo.RadialVelocityDispersionKmPerS(r);
        double escapeSquared = rejectAboveEscapeSpeed ? -2 * halo.PotentialKm2PerS2(r) : double.PositiveInfinity;

        for (int attempt = 0; attempt < MaximumVelocityDraws; attempt++)
        {
            double vx = sigma * random.NextGaussian();
            double vy = sigma * random.NextGaussian();
            double vz = sigma * random.NextGaussian();
            if ((vx * vx) + (vy * vy) + (vz * vz) < escapeSquared)
            {
                return new PhaseSpacePoint(r * nx, r * ny, r * nz, vx, vy, vz);
            }
        }
        throw new InvalidOperationException(
            $"No bound velocity in {MaximumVelocityDraws} draws at r = {r} h^-1 Mpc (sigma_r = {sigma} km/s); the halo is inconsistent.");
    }

    /// <summary>A unit vector uniform on the sphere (cos θ uniform in [−1, 1], φ uniform in [0, 2π)).</summary>
    public static (double X, double Y, double Z) IsotropicDirection(SeededRandom random)
    {
        double cosTheta = (2 * random.NextDouble()) - 1;
        double sinTheta = Math.Sqrt(Math.Max(0, 1 - (cosTheta * cosTheta)));
        double phi = 2 * Math.PI * random.NextDouble();
        return (sinTheta * Math.Cos(phi), sinTheta * Math.Sin(phi), cosTheta);
    }
}
