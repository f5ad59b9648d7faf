using StreamProcessor.Cosmology;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>The cosmology a science check draws its mock universe from.</summary>
public enum CheckCosmology
{
    /// <summary>Planck 2018 (Ω_m 0.3111, σ8 0.8102; arXiv:1807.06209).</summary>
    Planck18,

    /// <summary>Planck 2018 with Ω_m = 0.25 and σ8 = 0.9: a universe the fit must tell apart from Planck18.</summary>
    Alt,
}

/// <summary>The parameters of each <see cref="CheckCosmology"/>.</summary>
public static class CheckCosmologies
{
    /// <summary>The flat ΛCDM cosmology of <paramref name="cosmology"/>.</summary>
    public static FlatLcdm ToFlatLcdm(this CheckCosmology cosmology) => cosmology switch
    {
        CheckCosmology.Planck18 => FlatLcdm.Planck18,
        CheckCosmology.Alt => FlatLcdm.Planck18 with { OmegaM = 0.25, Sigma8 = 0.9 },
        _ => throw new ArgumentOutOfRangeException(nameof(cosmology), cosmology, null),
    };
}
