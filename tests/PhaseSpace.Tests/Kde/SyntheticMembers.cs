namespace StreamProcessor.PhaseSpace.Tests.Kde;

/// <summary>Random Gaussian phase-space samples inside the default cylinder, for comparing the fast KDE with the reference.</summary>
internal static class SyntheticMembers
{
    /// <summary>(v, R) with v ~ N(0, sigmaV), R ~ N(meanR, sigmaR) correlated by rho with v, both cut to the grid.</summary>
    internal static (double[] V, double[] R) Sample2D(Random rng, int count, double sigmaV, double meanR, double sigmaR, double rho)
    {
        var v = new double[count];
        var r = new double[count];
        for (int i = 0; i < count;)
        {
            double z1 = Normal(rng), z2 = Normal(rng);
            double vi = sigmaV * z1;
            double ri = meanR + (sigmaR * ((rho * z1) + (Math.Sqrt(1 - (rho * rho)) * z2)));
            if (ri is <= 0 or >= 1.6 || Math.Abs(vi) >= 2200) continue;
            v[i] = vi;
            r[i] = ri;
            i++;
        }

        return (v, r);
    }

    /// <summary>(x, y, v): x, y ~ N(0, sigmaPos) and v ~ N(0, sigmaV) with correlation rho between x and v and rho/2 between x and y.</summary>
    internal static (double[] X, double[] Y, double[] V) Sample3D(Random rng, int count, double sigmaPos, double sigmaV, double rho)
    {
        var x = new double[count];
        var y = new double[count];
        var v = new double[count];
        for (int i = 0; i < count;)
        {
            double z1 = Normal(rng), z2 = Normal(rng), z3 = Normal(rng);
            double xi = sigmaPos * z1;
            double yi = sigmaPos * ((0.5 * rho * z1) + (Math.Sqrt(1 - (0.25 * rho * rho)) * z2));
            double vi = sigmaV * ((rho * z1) + (Math.Sqrt(1 - (rho * rho)) * z3));
            if (Math.Abs(xi) >= 1.6 || Math.Abs(yi) >= 1.6 || Math.Abs(vi) >= 2200) continue;
            x[i] = xi;
            y[i] = yi;
            v[i] = vi;
            i++;
        }

        return (x, y, v);
    }

    internal static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
