using System.ComponentModel.DataAnnotations;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>Flat-ΛCDM parameters in configuration; the defaults are Planck 2018 (<see cref="FlatLcdm.Planck18"/>, arXiv:1807.06209).</summary>
public sealed record CosmologyOptions
{
    /// <summary>Ω_m today.</summary>
    [Range(0.05, 1.0)] public double OmegaM { get; init; } = FlatLcdm.Planck18.OmegaM;

    /// <summary>Ω_b today.</summary>
    [Range(0.0, 1.0)] public double OmegaB { get; init; } = FlatLcdm.Planck18.OmegaB;

    /// <summary>h = H0 / (100 km/s/Mpc).</summary>
    [Range(0.3, 1.5)] public double LittleH { get; init; } = FlatLcdm.Planck18.LittleH;

    /// <summary>Scalar spectral index.</summary>
    [Range(0.5, 1.5)] public double Ns { get; init; } = FlatLcdm.Planck18.Ns;

    /// <summary>σ8 at z = 0.</summary>
    [Range(0.1, 2.0)] public double Sigma8 { get; init; } = FlatLcdm.Planck18.Sigma8;

    /// <summary>The same parameters from a cosmology value.</summary>
    public static CosmologyOptions From(FlatLcdm cosmology)
    {
        ArgumentNullException.ThrowIfNull(cosmology);
        return new CosmologyOptions { OmegaM = cosmology.OmegaM, OmegaB = cosmology.OmegaB, LittleH = cosmology.LittleH, Ns = cosmology.Ns, Sigma8 = cosmology.Sigma8 };
    }

    /// <summary>The cosmology value the science code takes (checked against the fitting formulas' domain).</summary>
    public FlatLcdm ToFlatLcdm() => new FlatLcdm(OmegaM, OmegaB, LittleH, Ns, Sigma8).Validated();

    /// <summary>The parameters as a <c>massfunction</c> message carries them.</summary>
    public CosmologyParameters ToParameters() => new(OmegaM, OmegaB, LittleH, Ns, Sigma8);
}
