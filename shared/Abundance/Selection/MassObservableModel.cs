using StreamProcessor.Cosmology.Surveys;

namespace StreamProcessor.Abundance.Selection;

/// <summary>
/// A calibrated mass–observable relation from configuration: the distribution of the observed log₁₀ M (the posterior
/// mean) of a selected cluster given its true log₁₀ M and redshift. Replaces the forward model's unbiased log-normal
/// whose width is the posterior σ. It must not depend on cosmology.
/// </summary>
public abstract record MassObservableModel
{
    /// <summary>
    /// The width, dex, that sets the forward model's quadrature (true masses are integrated a few of these beyond the
    /// observed-mass edges; panels are at most half of it wide). It is also the scatter a snapshot reports.
    /// </summary>
    public abstract double QuadratureScatterDex { get; }

    /// <summary>P(lo ≤ log₁₀ M_obs &lt; hi | log₁₀ M_true, z), in [0, 1].</summary>
    public abstract double BinProbability(double log10TrueMass, double redshift, double log10ObservedMin, double log10ObservedMax);

    /// <summary>Throws when the model is not a valid relation.</summary>
    public abstract MassObservableModel Validated();

    /// <summary>The delegate <see cref="SurveyExpectation"/> takes.</summary>
    public ObservedMassBinProbability ToDelegate() => BinProbability;
}
