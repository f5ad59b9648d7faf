using System.Diagnostics;
using Microsoft.Extensions.Options;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Cosmology;
using StreamProcessor.Hosting;
using StreamProcessor.Hosting.Worker;
using StreamProcessor.PhaseSpace.Features;
using StreamProcessor.PhaseSpace.Kde;
using StreamProcessor.PhaseSpace.Projection;
using StreamProcessor.PhaseSpace.Selection;
using Features = StreamProcessor.Contracts.Messages.PhaseSpaceFeatures;

namespace StreamProcessor.FeatureExtraction;

/// <summary>
/// catalogues → features.phase-space: members into the cluster frame (R_proj from the angular separation and
/// D_A(z_cl), v_los = c (z_gal − z_cl)/(1 + z_cl)), the survey's observational limits, the KDE images.
/// A catalogue that fails a limit is not an error: it flows on with status "rejected" and the reason.
/// </summary>
public sealed class ExtractPhaseSpaceStep : IStreamStep<ClusterCatalogue, Features>
{
    public const string ServiceName = "phase-space";
    private readonly PhaseSpaceOptions _options;
    private readonly FlatLcdm _cosmology = FlatLcdm.Planck18;
    private readonly Dictionary<string, PhaseSpaceFeatureOptions> _featureOptions;
    private readonly PhaseSpaceFeatureOptions _defaultFeatureOptions;
    private readonly ThreadLocal<Dictionary<PhaseSpaceFeatureOptions, PhaseSpaceFeatureExtractor>> _extractors = new(() => []);
    private readonly TimeProvider _time;

    public ExtractPhaseSpaceStep(IOptions<PhaseSpaceOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _defaultFeatureOptions = ToFeatureOptions(_options.DefaultProfile);
        _featureOptions = _options.Profiles.ToDictionary(p => p.Key, p => ToFeatureOptions(p.Value), StringComparer.OrdinalIgnoreCase);
    }

    public Task<IReadOnlyList<StepResult<Features>>> ProcessAsync(IReadOnlyList<StreamInput<ClusterCatalogue>> batch, CancellationToken cancellationToken)
    {
        var results = new StepResult<Features>[batch.Count];
        // Catalogues are independent; each thread keeps its own KDE buffers (allocation-free after warm-up).
        Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => results[i] = Process(batch[i]));
        return Task.FromResult<IReadOnlyList<StepResult<Features>>>(results);
    }

    private StepResult<Features> Process(StreamInput<ClusterCatalogue> input)
    {
        var clock = Stopwatch.StartNew();
        var catalogue = input.Message;
        string profileName = _featureOptions.ContainsKey(catalogue.Survey) ? catalogue.Survey : "default";
        var featureOptions = _featureOptions.GetValueOrDefault(catalogue.Survey, _defaultFeatureOptions);
        var extractors = _extractors.Value!;
        if (!extractors.TryGetValue(featureOptions, out var extractor))
        {
            extractor = new PhaseSpaceFeatureExtractor(featureOptions);
            extractors[featureOptions] = extractor;
        }

        int n = catalogue.Members.Count;
        var x = new double[n];
        var y = new double[n];
        var r = new double[n];
        var v = new double[n];
        var frame = new ClusterFrame(catalogue.RaDeg, catalogue.DecDeg, catalogue.Redshift, _cosmology);
        // A member without a magnitude is NaN here: it fails a profile's magnitude limit (it cannot be shown to pass)
        // and is ignored by a profile without one.
        var magnitudes = new double[n];
        for (int i = 0; i < n; i++)
        {
            var member = catalogue.Members[i];
            // The codec guarantees each member has a redshift or a v_los; a measured v_los wins.
            var projected = frame.Project(member.RaDeg, member.DecDeg, member.Redshift ?? catalogue.Redshift);
            x[i] = projected.XMpcOverH;
            y[i] = projected.YMpcOverH;
            r[i] = projected.ProjectedRadiusMpcOverH;
            v[i] = member.VLosKmPerS ?? projected.LineOfSightVelocityKmPerS;
            magnitudes[i] = member.Magnitude ?? double.NaN;
        }

        var kdeClock = Stopwatch.StartNew();
        var features = extractor.Extract(r, v, x, y, magnitudes);
        PhaseSpaceMetrics.KdeDuration.WithLabels(ServiceName, featureOptions.Grid3D is null ? "2d" : "2d+3d").Observe(kdeClock.Elapsed.TotalSeconds);
        if (!features.Accepted) PhaseSpaceMetrics.Rejected.WithLabels(ServiceName, ReasonCategory(features.RejectionReason)).Inc();

        var limits = featureOptions.Limits;
        return StepResult<Features>.Emit(new Features
        {
            ClusterId = catalogue.ClusterId,
            Survey = catalogue.Survey,
            Redshift = catalogue.Redshift,
            DetectionTime = catalogue.DetectionTime,
            Status = features.Accepted ? RecordStatus.Accepted : RecordStatus.Rejected,
            RejectionReason = features.RejectionReason,
            MembersKept = features.MembersKept,
            SigmaLosKmPerS = double.IsFinite(features.SigmaLosKmPerS) ? features.SigmaLosKmPerS : null,
            Limits = new PhaseSpaceLimits(profileName, limits.ApertureRadiusMpcOverH, limits.VelocityCutKmPerS, limits.MagnitudeLimit, limits.MinimumMembers),
            Kde2D = features.Kde2D,
            Kde3D = features.Kde3D,
            MemberVLosKmPerS = features.VLosKmPerS,
            MemberRProjMpcOverH = features.RProjMpcOverH,
            MemberXMpcOverH = features.XMpcOverH,
            MemberYMpcOverH = features.YMpcOverH,
            TrueLog10M200c = catalogue.TrueLog10M200c,
            Provenance = new MessageProvenance(input.Source.Topic, input.Source.Partition, input.Source.Offset),
            FeaturesMs = clock.Elapsed.TotalMilliseconds,
            ComputedUtc = _time.GetUtcNow(),
            CodeVersion = StreamProcessor.Hosting.CodeVersion.Current,
        });
    }

    /// <summary>A low-cardinality label for the rejection metric (the record itself carries the full reason).</summary>
    private static string ReasonCategory(string? reason) => reason switch
    {
        null => "unknown",
        _ when reason.StartsWith("degenerate", StringComparison.Ordinal) => "degenerate-phase-space",
        _ => "too-few-members",
    };

    private PhaseSpaceFeatureOptions ToFeatureOptions(SurveyLimitsProfile profile) => new()
    {
        Limits = new ObservationalLimits
        {
            ApertureRadiusMpcOverH = profile.ApertureRadiusMpcOverH,
            VelocityCutKmPerS = profile.VelocityCutKmPerS,
            MagnitudeLimit = profile.MagnitudeLimit,
            MinimumMembers = profile.MinimumMembers,
        }.Validated(),
        Grid2D = KdeGrid2D.Default with { ApertureRadiusMpcOverH = profile.ApertureRadiusMpcOverH, VelocityCutKmPerS = profile.VelocityCutKmPerS },
        Grid3D = _options.Compute3D ? KdeGrid3D.Default with { ApertureRadiusMpcOverH = profile.ApertureRadiusMpcOverH, VelocityCutKmPerS = profile.VelocityCutKmPerS } : null,
    };
}
