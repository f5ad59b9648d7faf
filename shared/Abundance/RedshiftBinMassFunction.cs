namespace StreamProcessor.Abundance;

/// <summary>
/// The mass function of one redshift bin. Every list has one entry per mass bin of
/// <see cref="MassFunctionSnapshot.Log10MassEdges"/>. Number densities are dn/dlog₁₀ M in h³ Mpc⁻³ dex⁻¹
/// (comoving): counts / (<see cref="ComovingVolumeMpc3OverH3"/> × bin width in dex). Observed densities are not
/// corrected for completeness; the predictions include it (and the mass scatter), so they compare like with like.
/// </summary>
/// <param name="RedshiftMin">Lower redshift edge.</param>
/// <param name="RedshiftMax">Upper redshift edge.</param>
/// <param name="ComovingVolumeMpc3OverH3">Comoving volume of the bin over the survey area at the base cosmology, h⁻³ Mpc³.</param>
/// <param name="ObservedCounts">Clusters whose posterior mean falls in each mass bin.</param>
/// <param name="TrueMassCounts">Diagnostics: clusters that carry a true mass, binned by it (all zero for real data).</param>
/// <param name="DnDlog10MH3PerMpc3">Observed number density.</param>
/// <param name="PoissonSigmaH3PerMpc3">Poisson error, √N / (V Δ), of the observed density (0 for an empty bin).</param>
/// <param name="SamplingSigmaH3PerMpc3">Spread of the density when the masses are re-drawn from their posteriors.</param>
/// <param name="SigmaH3PerMpc3">Total error: Poisson and sampling added in quadrature.</param>
/// <param name="PredictedCounts">ΛCDM (base cosmology) expected counts with completeness and the snapshot's mass scatter.</param>
/// <param name="PredictedDnDlog10MH3PerMpc3">The same as a number density.</param>
/// <param name="ScatterFreeDnDlog10MH3PerMpc3">Expected density with completeness but without mass scatter (no Eddington bias).</param>
/// <param name="TheoryDnDlog10MH3PerMpc3">Plain Tinker+08 dn/dlog₁₀ M at the bin-centre mass, volume-averaged over the redshift bin (no selection, no scatter).</param>
/// <param name="RatioToPrediction">Observed / predicted counts (NaN where the prediction is 0).</param>
/// <param name="RatioSigma">Error of the ratio: total observed error / prediction.</param>
public sealed record RedshiftBinMassFunction(
    double RedshiftMin,
    double RedshiftMax,
    double ComovingVolumeMpc3OverH3,
    IReadOnlyList<int> ObservedCounts,
    IReadOnlyList<int> TrueMassCounts,
    IReadOnlyList<double> DnDlog10MH3PerMpc3,
    IReadOnlyList<double> PoissonSigmaH3PerMpc3,
    IReadOnlyList<double> SamplingSigmaH3PerMpc3,
    IReadOnlyList<double> SigmaH3PerMpc3,
    IReadOnlyList<double> PredictedCounts,
    IReadOnlyList<double> PredictedDnDlog10MH3PerMpc3,
    IReadOnlyList<double> ScatterFreeDnDlog10MH3PerMpc3,
    IReadOnlyList<double> TheoryDnDlog10MH3PerMpc3,
    IReadOnlyList<double> RatioToPrediction,
    IReadOnlyList<double> RatioSigma);
