namespace StreamProcessor.Cosmology.Surveys;

/// <summary>
/// Probability (0–1) that a cluster of true mass M (h⁻¹ M☉, in the survey's mass definition) at redshift z
/// enters the catalogue. It must not depend on cosmology: <see cref="SurveyExpectation"/> evaluates it once.
/// </summary>
public delegate double Completeness(double massMsunOverH, double redshift);
