using StreamProcessor.Abundance.Selection;
using StreamProcessor.Cosmology;
using StreamProcessor.Cosmology.Halos;
using StreamProcessor.Cosmology.Inference;
using StreamProcessor.Cosmology.MassFunction;
using StreamProcessor.Cosmology.Surveys;

namespace StreamProcessor.Abundance;

/// <summary>
/// Everything the mass function of one survey needs besides the posteriors: footprint, binning, selection,
/// mass definition, the cosmology the theory curve is drawn for and the (Ω_m, σ₈) grid of the counts fit.
/// Masses are log₁₀(M / h⁻¹ M☉) in <see cref="MassDefinition"/> (200c by default); volumes h⁻³ Mpc³.
/// </summary>
public sealed record SurveyConfiguration
{
    /// <summary>Survey name, as it appears in <see cref="MassPosterior.Survey"/>.</summary>
    public required string Name { get; init; }

    /// <summary>Sky area, deg².</summary>
    public required double SkyAreaDeg2 { get; init; }

    /// <summary>Ascending redshift bin edges (≥ 2 values, within 0–2.5).</summary>
    public required IReadOnlyList<double> RedshiftEdges { get; init; }

    /// <summary>Ascending bin edges in log₁₀(M / h⁻¹ M☉) of the posterior means (≥ 2 values).</summary>
    public required IReadOnlyList<double> Log10MassEdges { get; init; }

    /// <summary>Selection probability as a function of true mass and redshift.</summary>
    public required CompletenessModel Completeness { get; init; }

    /// <summary>
    /// A calibrated distribution of the observed log₁₀ M given the true one (for selected clusters); null: the forward
    /// model uses an unbiased log-normal whose width is the rms posterior σ of the binned clusters.
    /// </summary>
    public MassObservableModel? MassObservable { get; init; }

    /// <summary>
    /// Completeness limit in log₁₀ M: only mass bins whose lower edge is at or above it enter the cosmology fit.
    /// It must be one of <see cref="Log10MassEdges"/> (not the last). Null: the lowest edge from which on the
    /// completeness is at least <see cref="FitCompletenessThreshold"/> at every edge and every redshift of the survey.
    /// </summary>
    public double? CompletenessLimitLog10Mass { get; init; }

    /// <summary>Completeness that defines the limit when <see cref="CompletenessLimitLog10Mass"/> is null.</summary>
    public double FitCompletenessThreshold { get; init; } = 0.9;

    /// <summary>Mass definition of the posteriors (and of the theory).</summary>
    public Overdensity MassDefinition { get; init; } = Overdensity.Critical200;

    /// <summary>Cosmology of the theory curve and of the volumes; also supplies Ω_b, h, n_s of the fit grid.</summary>
    public FlatLcdm BaseCosmology { get; init; } = FlatLcdm.Planck18;

    // Grid defaults: a ~1000-cluster survey constrains S8 to ~1.5 %, so the grid must resolve a narrow ridge; over
    // 0.15–0.45 × 0.6–1.1 a 50 × 50 grid steps 0.006 in Ω_m and 0.010 in σ8 (checked: the truth falls inside the
    // 95 % region of 56 of 60 mock surveys; on 0.1–0.6 × 0.5–1.2 the coarser steps made the regions slightly too small).

    /// <summary>Smallest Ω_m of the fit grid.</summary>
    public double OmegaMMin { get; init; } = 0.15;

    /// <summary>Largest Ω_m of the fit grid.</summary>
    public double OmegaMMax { get; init; } = 0.45;

    /// <summary>Number of Ω_m grid values.</summary>
    public int OmegaMCount { get; init; } = 50;

    /// <summary>Smallest σ₈ of the fit grid.</summary>
    public double Sigma8Min { get; init; } = 0.60;

    /// <summary>Largest σ₈ of the fit grid.</summary>
    public double Sigma8Max { get; init; } = 1.10;

    /// <summary>Number of σ₈ grid values.</summary>
    public int Sigma8Count { get; init; } = 50;

    /// <summary>Draws per cluster when propagating the posterior mass uncertainty into the binned counts.</summary>
    public int MassSamplingDraws { get; init; } = 200;

    /// <summary>Seed of those draws (each cluster's stream is derived from it and the cluster id).</summary>
    public ulong SamplingSeed { get; init; } = 20_240_601;

    /// <summary>
    /// The forward model's scatter (the rms posterior σ) is rounded to a multiple of this, dex, so that the
    /// cached grid of expected counts is rebuilt only when the scatter really moves.
    /// </summary>
    public double ScatterQuantumDex { get; init; } = 0.002;

    /// <summary>Quadrature of the counts forward model; null: <see cref="SurveyQuadrature.Default"/>.</summary>
    public SurveyQuadrature? Quadrature { get; init; }

    /// <summary>The fit grid.</summary>
    public CosmologyGrid Grid() => CosmologyGrid.Uniform(BaseCosmology, OmegaMMin, OmegaMMax, OmegaMCount, Sigma8Min, Sigma8Max, Sigma8Count);

    /// <summary>
    /// The survey definition of <see cref="SurveyExpectation"/> for the given scatter, over all mass bins (with a
    /// relation, true masses are integrated from the lowest edge minus the tail even when the edges are later cut to the fit's).
    /// </summary>
    public SurveyDefinition Definition(double scatterDex) =>
        new SurveyDefinition(SkyAreaDeg2, RedshiftEdges, Log10MassEdges, scatterDex, MassDefinition, Completeness.ToCompleteness(), MassObservable?.ToDelegate(),
            // With a calibrated relation, a fit over the upper bins integrates the same true masses as the whole survey.
            MassObservable is null ? null : Log10MassEdges[0] - ((Quadrature ?? SurveyQuadrature.Default).ScatterTailSigmas * scatterDex)).Validated();

    /// <summary>Index into <see cref="Log10MassEdges"/> of the completeness limit (the first mass bin of the fit).</summary>
    public int FitFirstMassBin()
    {
        if (CompletenessLimitLog10Mass is double limit)
        {
            for (int i = 0; i + 1 < Log10MassEdges.Count; i++)
            {
                if (Math.Abs(Log10MassEdges[i] - limit) < 1e-9) return i;
            }

            throw new ArgumentException($"The completeness limit {limit} is not a mass bin edge (other than the last).", nameof(CompletenessLimitLog10Mass));
        }

        // The lowest edge from which on every higher edge is complete at every redshift (sampled finely).
        const int redshiftSamples = 64;
        int first = Log10MassEdges.Count - 1;
        for (int i = Log10MassEdges.Count - 2; i >= 0; i--)
        {
            bool complete = true;
            for (int k = 0; k <= redshiftSamples && complete; k++)
            {
                double z = RedshiftEdges[0] + ((RedshiftEdges[^1] - RedshiftEdges[0]) * k / redshiftSamples);
                complete = Completeness.Evaluate(Log10MassEdges[i], z) >= FitCompletenessThreshold;
            }

            if (!complete) break;
            first = i;
        }

        if (first == Log10MassEdges.Count - 1)
            throw new ArgumentException($"No mass bin of survey '{Name}' reaches {FitCompletenessThreshold:P0} completeness at all redshifts.", nameof(Completeness));
        return first;
    }

    /// <summary>Throws when the configuration cannot be used.</summary>
    public SurveyConfiguration Validated()
    {
        if (string.IsNullOrWhiteSpace(Name)) throw new ArgumentException("A survey needs a name.", nameof(Name));
        ArgumentNullException.ThrowIfNull(Completeness);
        ArgumentNullException.ThrowIfNull(MassDefinition);
        ArgumentNullException.ThrowIfNull(BaseCosmology);
        _ = BaseCosmology.Validated();
        _ = Completeness.Validated();
        _ = MassObservable?.Validated();
        _ = Definition(0.0);
        if (!(FitCompletenessThreshold > 0 && FitCompletenessThreshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(FitCompletenessThreshold), FitCompletenessThreshold, "Threshold must lie in (0, 1].");
        ArgumentOutOfRangeException.ThrowIfLessThan(MassSamplingDraws, 2);
        if (!(ScatterQuantumDex > 0 && ScatterQuantumDex <= 0.1))
            throw new ArgumentOutOfRangeException(nameof(ScatterQuantumDex), ScatterQuantumDex, "Quantum must lie in (0, 0.1] dex.");
        _ = Grid();
        _ = FitFirstMassBin();
        _ = (Quadrature ?? SurveyQuadrature.Default).Validated();
        foreach (double z in new[] { RedshiftEdges[0], RedshiftEdges[^1] })
        {
            _ = Tinker08.Parameters(MassDefinition.DeltaMean(z, BaseCosmology), z);
        }

        return this;
    }
}
