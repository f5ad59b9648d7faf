using StreamProcessor.Cosmology.Surveys;

namespace StreamProcessor.Abundance.Selection;

/// <summary>
/// A survey's selection function from configuration: the probability (0–1) that a cluster of true
/// log₁₀(M / h⁻¹ M☉) at redshift z is in the catalogue. It must not depend on cosmology.
/// </summary>
public abstract record CompletenessModel
{
    /// <summary>Completeness at true log₁₀ M and redshift z, in [0, 1].</summary>
    public abstract double Evaluate(double log10Mass, double redshift);

    /// <summary>Throws when the model is not a valid selection function.</summary>
    public abstract CompletenessModel Validated();

    /// <summary>The delegate <see cref="SurveyExpectation"/> takes (mass in h⁻¹ M☉, not its logarithm).</summary>
    public Completeness ToCompleteness() => (massMsunOverH, redshift) => Evaluate(Math.Log10(massMsunOverH), redshift);
}
