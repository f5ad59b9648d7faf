using System.Runtime.InteropServices;

namespace StreamProcessor.Abundance;

/// <summary>
/// One survey's deduplicated posteriors: the newest posterior of each cluster id (by detection time; on a tie the
/// later arrival wins), so replaying a topic or re-running inference never counts a cluster twice.
/// </summary>
internal sealed class SurveyState(SurveyConfiguration configuration)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MassPosterior> _newest = new(StringComparer.Ordinal);
    private long _received;
    private long _added;
    private long _replaced;
    private long _ignored;
    private int _rejected;

    public SurveyConfiguration Configuration { get; } = configuration;

    public MassFunctionEstimator Estimator { get; } = new(configuration);

    public IngestOutcome Store(MassPosterior posterior)
    {
        lock (_gate)
        {
            _received++;
            ref MassPosterior? stored = ref CollectionsMarshal.GetValueRefOrAddDefault(_newest, posterior.ClusterId, out bool exists);
            if (!exists)
            {
                stored = posterior;
                _added++;
                if (!posterior.Accepted) _rejected++;
                return IngestOutcome.Added;
            }

            // An equal detection time means a re-run of the same detection: the later arrival (this one) wins.
            if (posterior.DetectionTimeUtc < stored!.DetectionTimeUtc)
            {
                _ignored++;
                return IngestOutcome.IgnoredAsOlder;
            }

            if (!stored.Accepted) _rejected--;
            if (!posterior.Accepted) _rejected++;
            stored = posterior;
            _replaced++;
            return IngestOutcome.Replaced;
        }
    }

    public SurveyCounters Counters()
    {
        lock (_gate)
        {
            return CountersUnlocked();
        }
    }

    /// <summary>The accepted clusters and the counters, read together under the lock.</summary>
    public (ClusterMass[] Clusters, SurveyCounters Counters) Read()
    {
        lock (_gate)
        {
            var clusters = new ClusterMass[_newest.Count - _rejected];
            int n = 0;
            foreach (MassPosterior p in _newest.Values)
            {
                if (!p.Accepted) continue;
                clusters[n++] = new ClusterMass(p.Redshift, p.Log10MassMean, p.Log10MassSigmaDex, ClusterMass.KeyOf(p.ClusterId), p.TrueLog10Mass ?? double.NaN);
            }

            return (clusters, CountersUnlocked());
        }
    }

    private SurveyCounters CountersUnlocked() =>
        new(_received, _added, _replaced, _ignored, _newest.Count, _newest.Count - _rejected, _rejected, _added + _replaced);
}
