namespace StreamProcessor.Dynamics.Halos;

/// <summary>A galaxy's position relative to its halo centre (physical h⁻¹ Mpc) and velocity relative to the halo (km/s).</summary>
public readonly record struct PhaseSpacePoint(
    double XMpcOverH,
    double YMpcOverH,
    double ZMpcOverH,
    double VxKmPerS,
    double VyKmPerS,
    double VzKmPerS)
{
    public double RadiusMpcOverH => Math.Sqrt((XMpcOverH * XMpcOverH) + (YMpcOverH * YMpcOverH) + (ZMpcOverH * ZMpcOverH));
}
