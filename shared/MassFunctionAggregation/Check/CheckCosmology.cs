namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>The cosmology a science check draws its mock universe from.</summary>
public enum CheckCosmology
{
    /// <summary>Planck 2018 (Ω_m 0.3111, σ8 0.8102; arXiv:1807.06209).</summary>
    Planck18,

    /// <summary>Planck 2018 with Ω_m = 0.25 and σ8 = 0.9: a universe the fit must tell apart from Planck18.</summary>
    Alt,
}
