using StreamProcessor.Cosmology;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>
/// Settings of <c>massfunction check</c>. The posterior scatter defaults to 0.13 dex, the published residual scatter
/// of the phase-space CNN-2D over 10^14–10^15 h^-1 Msun (Ho et al. 2019, arXiv:1902.05950; science REFERENCE §4):
/// the posterior-level mocks stand in for the pipeline's CNN with that error.
/// </summary>
public sealed record MassFunctionCheckOptions
{
    /// <summary>The published CNN-2D scatter, dex (Ho+2019).</summary>
    public const double CnnScatterDex = 0.13;

    /// <summary>Which universe to draw.</summary>
    public CheckCosmology Cosmology { get; init; } = CheckCosmology.Planck18;

    /// <summary>Seed of the light cone; the observation (selection and mass noise) uses <see cref="Seed"/> + 1000.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The survey; null: <see cref="DemoSurvey"/> (its name, binning and selection; base and true cosmology are set to the drawn one).</summary>
    public SurveyOptions? Survey { get; init; }

    /// <summary>Sky area of the mock, deg² (overrides the survey's).</summary>
    public double SkyAreaDeg2 { get; init; } = 5000;

    /// <summary>Posterior 1σ of log10 M, dex.</summary>
    public double PosteriorSigmaDex { get; init; } = CnnScatterDex;

    /// <summary>Added to every posterior mean, dex: 0 for an unbiased model; non-zero makes a negative control that must fail.</summary>
    public double MassBiasDex { get; init; }

    /// <summary>Haloes are drawn from this far below the lowest mass edge, dex, so scatter into the bins from below is in the mock.</summary>
    public double MassMarginDex { get; init; } = 0.5;

    /// <summary>The service publishes every this many posteriors (and every <see cref="UpdateInterval"/>).</summary>
    public int UpdateEveryPosteriors { get; init; } = 2000;

    /// <summary>The service's update interval.</summary>
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Also stop the service, start a new one and time its rebuild from the topic (and compare its first update).</summary>
    public bool MeasureRebuild { get; init; } = true;

    /// <summary>Folder for the CSV and JSON of the final updates; null writes nothing.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Longest wait for the service to ingest everything and publish.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The cosmology of <see cref="Cosmology"/>.</summary>
    public FlatLcdm TrueCosmology() => Cosmology.ToFlatLcdm();
}
