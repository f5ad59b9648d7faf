namespace StreamProcessor.Emulation.Profiles;

/// <summary>
/// Compton-y from 3D gas profiles (reference sheet section 6): P_e = n_e k T, y(R) = (sigma_T / m_e c^2) integral of
/// P_e along the line of sight. CAMELS-zoomGZ28 stores no y; the published work's fifth profile is derived this way.
/// </summary>
public static class ComptonY
{
    /// <summary>sigma_T / (m_e c^2) times 1 kpc, per keV cm^-3 (reference sheet: 4.0171e-3 per Mpc).</summary>
    public const double ThomsonOverElectronRestEnergyPerKpc = 4.0171e-6;

    /// <summary>
    /// n_e per gas particle for a fully ionised primordial plasma: mu / mu_e = 0.59 / 1.14. The catalogue's n_gas is
    /// taken as the total particle density; another convention only shifts log y by a constant, the same in training
    /// and inference.
    /// </summary>
    public const double ElectronsPerGasParticle = 0.59 / 1.14;

    private const int QuadraturePoints = 257;

    /// <summary>
    /// y at every radius of <paramref name="radiiKpc"/> (log-spaced, increasing) from log10 n_gas [cm^-3] and log10
    /// T [keV] at the same radii. log P is interpolated linearly in log r between bins and extrapolated half a bin
    /// beyond the last, where the line of sight ends.
    /// </summary>
    public static double[] FromGas(IReadOnlyList<double> radiiKpc, ReadOnlySpan<double> log10Density, ReadOnlySpan<double> log10TemperatureKev)
    {
        int n = radiiKpc.Count;
        if (log10Density.Length != n || log10TemperatureKev.Length != n || n < 2)
        {
            throw new ArgumentException($"Need at least 2 radii and one density and temperature per radius; got {n}, {log10Density.Length}, {log10TemperatureKev.Length}.");
        }

        double[] logR = [.. radiiKpc.Select(Math.Log10)];
        var logP = new double[n];
        for (int i = 0; i < n; i++)
        {
            logP[i] = Math.Log10(ElectronsPerGasParticle) + log10Density[i] + log10TemperatureKev[i];
        }

        double logEdge = logR[^1] + (0.5 * (logR[^1] - logR[^2]));
        return [.. radiiKpc.Select(r => Project(r, Math.Pow(10, logEdge), radius => Math.Pow(10, Interpolate(logR, logP, Math.Log10(radius)))))];
    }

    /// <summary>
    /// (sigma_T / m_e c^2) times 2 times the integral of pressure [keV cm^-3] along the line of sight at projected radius
    /// <paramref name="projectedKpc"/>, out to the sphere of radius <paramref name="edgeKpc"/>. With r = R cosh u the
    /// (l = R sinh u) the integrand P(r) r is smooth; Simpson's rule in u.
    /// </summary>
    public static double Project(double projectedKpc, double edgeKpc, Func<double, double> pressure)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(projectedKpc);
        if (projectedKpc >= edgeKpc)
        {
            return 0;
        }

        double uMax = Math.Acosh(edgeKpc / projectedKpc);
        double h = uMax / (QuadraturePoints - 1);
        double sum = 0;
        for (int k = 0; k < QuadraturePoints; k++)
        {
            double u = k * h;
            double weight = k == 0 || k == QuadraturePoints - 1 ? 1 : (k % 2 == 1 ? 4 : 2);
            double r = projectedKpc * Math.Cosh(u);
            sum += weight * pressure(r) * r; // dl = R cosh u du = r du
        }

        return 2 * ThomsonOverElectronRestEnergyPerKpc * sum * h / 3;
    }

    private static double Interpolate(double[] x, double[] y, double at)
    {
        int i = Array.BinarySearch(x, at);
        if (i >= 0)
        {
            return y[i];
        }

        int upper = Math.Clamp(~i, 1, x.Length - 1);
        int lower = upper - 1;
        return y[lower] + ((y[upper] - y[lower]) * (at - x[lower]) / (x[upper] - x[lower]));
    }
}
