namespace StreamProcessor.Dynamics.Baselines;

/// <summary>Which line-of-sight velocity dispersion estimator a baseline uses.</summary>
public enum DispersionEstimator
{
    /// <summary>Sample standard deviation about the sample mean with N − 1 in the denominator (the default: what Ho+2019's M–σ baseline uses).</summary>
    SampleStandardDeviation,

    /// <summary>Tukey biweight scale, c = 9 (Beers, Flynn &amp; Gebhardt 1990, AJ 100, 32, Eq. 9): robust to interlopers.</summary>
    Biweight,

    /// <summary>Gapper (Wainer &amp; Thissen 1976; Beers et al. 1990, Eq. 10): efficient for small N.</summary>
    Gapper,
}
