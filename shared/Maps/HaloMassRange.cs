namespace StreamProcessor.Maps;

/// <summary>
/// The range of log10 M200c (M☉, no h) from which halo masses are drawn flat, so the network does not learn the
/// cosmological abundance (reference sheet §4 "Training mass function").
/// </summary>
public sealed record HaloMassRange(double Log10MinMsun, double Log10MaxMsun)
{
    /// <summary>Sub-L*, L* and group haloes of the CGM CNN: 10^11.5–10^14.3 M☉ (reference sheet §5).</summary>
    public static HaloMassRange Cgm { get; } = new(11.5, 14.3);

    /// <summary>Groups and clusters for the X-ray cluster-mass CNN and its M–L_X baseline: 10^13–10^14.3 M☉.</summary>
    public static HaloMassRange Clusters { get; } = new(13.0, 14.3);

    /// <summary>Throws outside 10^10–10^15.5 M☉, where the Duffy+08 concentrations and the HI–halo relation stop applying.</summary>
    public HaloMassRange Validated()
    {
        if (!(Log10MinMsun >= 10 && Log10MaxMsun <= 15.5 && Log10MinMsun <= Log10MaxMsun))
            throw new ArgumentOutOfRangeException(nameof(Log10MinMsun), $"[{Log10MinMsun}, {Log10MaxMsun}] must lie within [10, 15.5].");
        return this;
    }
}
