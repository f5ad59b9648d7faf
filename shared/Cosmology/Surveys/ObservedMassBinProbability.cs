namespace StreamProcessor.Cosmology.Surveys;

/// <summary>
/// A mass–observable relation as the counts forward model uses it: P(lo ≤ log₁₀ M_obs &lt; hi | log₁₀ M_true, z) for a
/// selected cluster (the observable's distribution conditioned on selection, as a survey calibrates it on simulations).
/// It must not depend on cosmology: <see cref="SurveyExpectation"/> evaluates it once.
/// </summary>
public delegate double ObservedMassBinProbability(double log10TrueMass, double redshift, double log10ObservedMin, double log10ObservedMax);
