namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// The aperture-coverage test on held-out mock views (haloes the network and the thresholds never saw), at full coverage
/// or with the spectra cut to R_proj &lt; <see cref="TruncationRadiusMpcOverH"/>: how often it flags, and what the
/// truncation does to the CNN's mass (what the flag protects against).
/// </summary>
/// <param name="TruncationRadiusMpcOverH">Radius the galaxies were cut to before the observational limits, h^-1 Mpc; null for full coverage.</param>
/// <param name="Views">Held-out views that still passed the limits (at least the minimum members) after the cut.</param>
/// <param name="FlaggedFraction">Fraction of them the test flags (at full coverage: the false-flag rate).</param>
/// <param name="CnnBiasDex">Mean CNN log10 M200c minus the true one over the views of 10^14-10^15 h^-1 M_sun, dex.</param>
/// <param name="CnnShiftDex">Mean CNN log10 M200c of the cut view minus that of the same view at full coverage, over the views of 10^14-10^15 h^-1 M_sun, dex (0 for full coverage).</param>
public sealed record ApertureCoverageCheck(
    double? TruncationRadiusMpcOverH,
    int Views,
    double FlaggedFraction,
    double CnnBiasDex,
    double CnnShiftDex);
