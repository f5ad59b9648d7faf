namespace StreamProcessor.Abundance;

/// <summary>
/// Live cluster mass functions, one per configured survey, fed by mass posteriors. Ingestion is a dictionary
/// update (the newest posterior of each cluster id wins; see <see cref="Ingest"/>); <see cref="Snapshot"/> turns the
/// current state into binned mass functions, the ΛCDM forward-model prediction and the (Ω_m, σ₈) posterior.
/// Thread-safe: ingestion and snapshots may run on different threads.
/// </summary>
public sealed class MassFunctionAccumulator
{
    private readonly Dictionary<string, SurveyState> _surveys = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    /// <summary>Sets up one state per survey; throws on an invalid or duplicate configuration.</summary>
    public MassFunctionAccumulator(IEnumerable<SurveyConfiguration> surveys, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(surveys);
        foreach (SurveyConfiguration survey in surveys)
        {
            ArgumentNullException.ThrowIfNull(survey);
            if (!_surveys.TryAdd(survey.Name, new SurveyState(survey.Validated())))
                throw new ArgumentException($"Survey '{survey.Name}' is configured twice.", nameof(surveys));
        }

        if (_surveys.Count == 0) throw new ArgumentException("At least one survey must be configured.", nameof(surveys));
        _timeProvider = timeProvider ?? TimeProvider.System;
        Surveys = [.. _surveys.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>The configured survey names (ordinal order).</summary>
    public IReadOnlyList<string> Surveys { get; }

    /// <summary>
    /// Stores <paramref name="posterior"/> unless its cluster already has a newer one. Newest means the later
    /// <see cref="MassPosterior.DetectionTimeUtc"/>; on equal detection times the later call wins. A rejected
    /// posterior (<see cref="MassPosterior.Accepted"/> false) also replaces, and removes the cluster from the counts.
    /// Bad input is reported in the result, never thrown.
    /// </summary>
    public IngestResult Ingest(MassPosterior posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        if (Invalid(posterior) is { } reason) return new IngestResult(IngestOutcome.Invalid, reason);
        if (!_surveys.TryGetValue(posterior.Survey, out SurveyState? state))
            return new IngestResult(IngestOutcome.UnknownSurvey, $"survey '{posterior.Survey}' is not configured");
        return new IngestResult(state.Store(posterior));
    }

    /// <summary>The bookkeeping of <paramref name="survey"/>.</summary>
    public SurveyCounters Counters(string survey) => State(survey).Counters();

    /// <summary>The configuration of <paramref name="survey"/>.</summary>
    public SurveyConfiguration Configuration(string survey) => State(survey).Configuration;

    /// <summary>
    /// Builds the cached theory of <paramref name="survey"/> for a forward-model scatter of
    /// <paramref name="scatterDex"/> (the whole (Ω_m, σ₈) grid), so that the first snapshot is fast.
    /// </summary>
    public void Warm(string survey, double scatterDex) => State(survey).Estimator.Warm(scatterDex);

    /// <summary>The mass function, prediction and cosmology posterior of <paramref name="survey"/> now.</summary>
    public MassFunctionSnapshot Snapshot(string survey)
    {
        SurveyState state = State(survey);
        (ClusterMass[] clusters, SurveyCounters counters) = state.Read();
        return state.Estimator.Estimate(clusters, counters, _timeProvider.GetUtcNow());
    }

    /// <summary>One snapshot per configured survey, in <see cref="Surveys"/> order.</summary>
    public IReadOnlyList<MassFunctionSnapshot> SnapshotAll() => [.. Surveys.Select(Snapshot)];

    private SurveyState State(string survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return _surveys.TryGetValue(survey, out SurveyState? state)
            ? state
            : throw new ArgumentException($"Survey '{survey}' is not configured.", nameof(survey));
    }

    private static string? Invalid(MassPosterior p)
    {
        if (string.IsNullOrEmpty(p.ClusterId)) return "cluster id is empty";
        if (p.Survey is null) return "survey is missing";
        if (!(p.Redshift >= 0 && double.IsFinite(p.Redshift))) return $"redshift {p.Redshift} is not a finite non-negative number";
        if (!double.IsFinite(p.Log10MassMean)) return $"log10 mass mean {p.Log10MassMean} is not finite";
        if (!(p.Log10MassSigmaDex >= 0 && p.Log10MassSigmaDex <= 1)) return $"log10 mass sigma {p.Log10MassSigmaDex} dex is outside [0, 1]";
        if (p.TrueLog10Mass is double t && !double.IsFinite(t)) return $"true log10 mass {t} is not finite";
        return null;
    }
}
