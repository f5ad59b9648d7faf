namespace StreamProcessor.Bench;

/// <summary>
/// Random clusters for benchmarking only: Gaussian phase space with a little correlation, members drawn until
/// they fall inside the default cylinder (R_proj &lt; 1.6 h^-1 Mpc, |v_los| &lt; 2200 km/s; reference sheet §4).
/// Not a physical model (see the NFW/Jeans simulator for that); it only has to look like a realistic workload.
/// </summary>
internal sealed class SyntheticPhaseSpace(int seed)
{
    private const double ApertureMpcOverH = 1.6;
    private const double VelocityCutKmPerS = 2200.0;
    private const int MinimumMembers = 50;
    private const int MaximumMembers = 200;

    private readonly Random _rng = new(seed);

    /// <summary>(v_los km/s, R_proj h^-1 Mpc) of 50-200 members; sigma_v in [300, 1100] km/s, correlation in [-0.3, 0.3].</summary>
    internal (double[] VelocitiesKmPerS, double[] RadiiMpcOverH) NextCluster2D()
    {
        int count = _rng.Next(MinimumMembers, MaximumMembers + 1);
        double sigmaV = Uniform(300, 1100), meanR = Uniform(0.5, 0.9), sigmaR = Uniform(0.25, 0.45), rho = Uniform(-0.3, 0.3);
        var v = new double[count];
        var r = new double[count];
        for (int i = 0; i < count;)
        {
            double z1 = Normal(), z2 = Normal();
            double vi = sigmaV * z1;
            double ri = meanR + (sigmaR * ((rho * z1) + (Math.Sqrt(1 - (rho * rho)) * z2)));
            if (ri is <= 0 or >= ApertureMpcOverH || Math.Abs(vi) >= VelocityCutKmPerS) continue;
            (v[i], r[i]) = (vi, ri);
            i++;
        }

        return (v, r);
    }

    /// <summary>(x, y h^-1 Mpc, v_los km/s) of 50-200 members; sigma_pos in [0.3, 0.7], v correlated with x and y by up to 0.3.</summary>
    internal (double[] XMpcOverH, double[] YMpcOverH, double[] VelocitiesKmPerS) NextCluster3D()
    {
        int count = _rng.Next(MinimumMembers, MaximumMembers + 1);
        double sigmaPos = Uniform(0.3, 0.7), sigmaV = Uniform(300, 1100), rhoX = Uniform(-0.3, 0.3), rhoY = Uniform(-0.3, 0.3);
        var x = new double[count];
        var y = new double[count];
        var v = new double[count];
        for (int i = 0; i < count;)
        {
            double z1 = Normal(), z2 = Normal(), z3 = Normal();
            double xi = sigmaPos * z1, yi = sigmaPos * z2;
            double vi = sigmaV * ((rhoX * z1) + (rhoY * z2) + (Math.Sqrt(1 - (rhoX * rhoX) - (rhoY * rhoY)) * z3));
            if (Math.Abs(xi) >= ApertureMpcOverH || Math.Abs(yi) >= ApertureMpcOverH || Math.Abs(vi) >= VelocityCutKmPerS) continue;
            (x[i], y[i], v[i]) = (xi, yi, vi);
            i++;
        }

        return (x, y, v);
    }

    private double Uniform(double low, double high) => low + ((high - low) * _rng.NextDouble());

    private double Normal() => Math.Sqrt(-2.0 * Math.Log(1.0 - _rng.NextDouble())) * Math.Cos(2.0 * Math.PI * _rng.NextDouble());
}
