using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// Codec of <see cref="Posterior"/> (schema "posterior" 1.2; topics <c>posteriors.mass</c>, <c>posteriors.cgm</c>,
/// <c>posteriors.params</c>). parameter_names, mean and sigma (and parameter_units when present) are parallel lists; an
/// accepted posterior has at least one parameter. The mass columns are nullable so the other topics leave them null.
/// 1.1 adds the units of the parameters and optional quantiles of a full (non-Gaussian) posterior; 1.2 adds the
/// distribution-regression baseline (kernel mean embedding of the member sample) beside the M–σ and virial ones.
/// </summary>
public sealed class PosteriorCodec(CodecLimits? limits = null) : ArrowMessageCodec<Posterior>(Definition, limits)
{
    public static SchemaId Id { get; } = new("posterior", 1, 2);

    private static readonly ValueRange BaselineLog10Mass = new(5, 20);

    public static MessageSchema Definition { get; } = new(Id, [Topics.MassPosteriors, Topics.CgmPosteriors, Topics.ParameterPosteriors], "object_id",
        "A model's Gaussian posterior for one object: parallel lists parameter_names, mean, sigma, plus mass-specific nullable " +
        "columns (filled on posteriors.mass), out-of-distribution flag, status, provenance and timings.",
        [
            new("object_id", ArrowTypes.Utf8, false, "Object id (the cluster id for mass posteriors); the Kafka key."),
            CommonFields.Survey(),
            new("redshift", ArrowTypes.Float64, false, "Object redshift.") { Range = CommonFields.ClusterRedshift },
            CommonFields.DetectionTime(),
            new("model_name", ArrowTypes.Utf8, false, "Name of the model that produced the posterior."),
            new("model_version", ArrowTypes.Utf8, false, "Version of that model."),
            new("model_card_sha256", ArrowTypes.Utf8, false, "SHA-256 of the model card, 64 lowercase hex digits."),
            new("parameter_names", ArrowTypes.ListOf(ArrowTypes.Utf8), false, "Names of the inferred parameters, unique."),
            new("mean", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Posterior mean per parameter (units as the parameter name says)."),
            new("sigma", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Posterior 1-sigma per parameter.") { Range = new(0, 3.4e38) },
            CommonFields.Status(),
            CommonFields.RejectionReason(),
            new("log10_m200c", ArrowTypes.Float64, true, "Posterior mean of log10 M200c (mass topic).") { Unit = "log10(h^-1 Msun)", Range = CommonFields.Log10HaloMass },
            new("sigma_log10_m200c", ArrowTypes.Float64, true, "Posterior 1-sigma of log10 M200c.") { Unit = "dex", Range = CommonFields.SigmaDex },
            new("baseline_msigma_log10_m", ArrowTypes.Float64, true, "log10 M200c from the M-sigma scaling-relation baseline.")
            { Unit = "log10(h^-1 Msun)", Range = BaselineLog10Mass },
            new("baseline_virial_log10_m", ArrowTypes.Float64, true, "log10 M200c from the virial-theorem baseline.")
            { Unit = "log10(h^-1 Msun)", Range = BaselineLog10Mass },
            CommonFields.TrueLog10M200c(),
            new("members_kept", ArrowTypes.Int32, true, "Members the features were computed from.") { Range = CommonFields.Count },
            new("sigma_los_km_per_s", ArrowTypes.Float64, true, "Line-of-sight velocity dispersion of those members.") { Unit = "km/s", Range = CommonFields.SigmaKmPerS },
            new("out_of_distribution", ArrowTypes.Bool, false, "True when the input lies outside the model's training distribution."),
            new("ood_reason", ArrowTypes.Utf8, true, "Why the input is out of distribution; null when it is not."),
            new("catalogue_id", ArrowTypes.Utf8, true, "Catalogue entry the posterior derives from, when it differs from object_id."),
            .. CommonFields.Provenance(),
            new("queued_ms", ArrowTypes.Float64, false, "Time from the input's arrival to the start of inference.") { Unit = "ms", Range = CommonFields.DurationMs },
            new("features_ms", ArrowTypes.Float64, true, "Time spent computing features, when this stage did.") { Unit = "ms", Range = CommonFields.DurationMs },
            new("inference_ms", ArrowTypes.Float64, false, "Time spent in the model.") { Unit = "ms", Range = CommonFields.DurationMs },
            new("published_utc", ArrowTypes.TimestampMsUtc, false, "When the posterior was published (UTC)."),
            new("parameter_units", ArrowTypes.ListOf(ArrowTypes.Utf8), true,
                "Unit of each parameter, parallel to parameter_names (empty for a dimensionless parameter); null before 1.1.")
            { Since = "1.1" },
            new("quantile_levels", ArrowTypes.ListOf(ArrowTypes.Float64), true,
                "Probability levels of quantiles, strictly increasing; null when the posterior is given by mean and sigma only.")
            { Range = new(0, 1, MinInclusive: false, MaxInclusive: false), Since = "1.1" },
            new("quantiles", ArrowTypes.ListOf(ArrowTypes.Float64), true,
                "Quantiles of the full posterior, row-major parameter x level (parameter_names x quantile_levels), non-decreasing " +
                "along the levels of each parameter; present exactly when quantile_levels is.")
            { Since = "1.1" },
            new("baseline_distribution_log10m", ArrowTypes.Float64, true,
                "log10 M200c from the distribution-regression baseline: ridge regression on the kernel mean embedding of the members' " +
                "(R_proj, |v_los|) sample (Ntampaka et al. 2015/2016 SDM, Szabo et al. 2016); null when the model has none or fewer than 3 members.")
            { Unit = "log10(h^-1 Msun)", Range = BaselineLog10Mass, Since = "1.2" },
        ]);

    public override string KeyOf(Posterior message) => message.ObjectId;

    protected override void Write(ArrowRowWriter writer, Posterior message) => writer
        .String("object_id", message.ObjectId)
        .String("survey", message.Survey)
        .Double("redshift", message.Redshift)
        .Timestamp("detection_time", message.DetectionTime)
        .String("model_name", message.ModelName)
        .String("model_version", message.ModelVersion)
        .String("model_card_sha256", message.ModelCardSha256)
        .StringList("parameter_names", message.ParameterNames)
        .DoubleList("mean", message.Mean)
        .DoubleList("sigma", message.Sigma)
        .String("status", message.Status.ToText())
        .String("rejection_reason", message.RejectionReason)
        .Double("log10_m200c", message.Log10M200c)
        .Double("sigma_log10_m200c", message.SigmaLog10M200c)
        .Double("baseline_msigma_log10_m", message.BaselineMsigmaLog10M)
        .Double("baseline_virial_log10_m", message.BaselineVirialLog10M)
        .Double("true_log10_m200c", message.TrueLog10M200c)
        .Int32("members_kept", message.MembersKept)
        .Double("sigma_los_km_per_s", message.SigmaLosKmPerS)
        .Bool("out_of_distribution", message.OutOfDistribution)
        .String("ood_reason", message.OodReason)
        .String("catalogue_id", message.CatalogueId)
        .String("source_topic", message.Provenance.SourceTopic)
        .Int32("source_partition", message.Provenance.SourcePartition)
        .Int64("source_offset", message.Provenance.SourceOffset)
        .Double("queued_ms", message.QueuedMs)
        .Double("features_ms", message.FeaturesMs)
        .Double("inference_ms", message.InferenceMs)
        .Timestamp("published_utc", message.PublishedUtc)
        .StringList("parameter_units", message.ParameterUnits)
        .DoubleList("quantile_levels", message.QuantileLevels)
        .DoubleList("quantiles", message.Quantiles)
        .Double("baseline_distribution_log10m", message.BaselineDistributionLog10M);

    protected override Posterior Read(ArrowRowReader reader)
    {
        var (status, reason) = StatusRules.Read(reader);
        int cap = reader.Limits.MaxListLength;
        const string capName = nameof(CodecLimits.MaxListLength);
        string[] names = reader.StringList("parameter_names", cap, capName);
        double[] mean = reader.DoubleList("mean", cap, capName);
        double[] sigma = reader.DoubleList("sigma", cap, capName);
        if (mean.Length != names.Length) throw ArrowRowReader.Error(ValidationReason.Malformed, "mean", $"has {mean.Length} values for {names.Length} parameter names");
        if (sigma.Length != names.Length) throw ArrowRowReader.Error(ValidationReason.Malformed, "sigma", $"has {sigma.Length} values for {names.Length} parameter names");
        if (names.Length == 0 && status == RecordStatus.Accepted)
        {
            throw ArrowRowReader.Error(ValidationReason.MissingField, "parameter_names", "an accepted posterior has at least one parameter");
        }

        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "parameter_names", "parameter names repeat");
        }

        string[]? units = reader.OptionalStringList("parameter_units", cap, capName);
        if (units is not null && units.Length != names.Length)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "parameter_units", $"has {units.Length} units for {names.Length} parameter names");
        }

        var (levels, quantiles) = ReadQuantiles(reader, names.Length);
        string sha = reader.String("model_card_sha256");
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
        {
            throw ArrowRowReader.Error(ValidationReason.OutOfRange, "model_card_sha256", "is not 64 lowercase hex digits");
        }

        bool outOfDistribution = reader.Bool("out_of_distribution");
        string? oodReason = reader.OptionalString("ood_reason");
        if (outOfDistribution && string.IsNullOrWhiteSpace(oodReason))
        {
            throw ArrowRowReader.Error(ValidationReason.MissingField, "ood_reason", "an out-of-distribution posterior must say why");
        }

        return new Posterior
        {
            ObjectId = reader.String("object_id"),
            Survey = reader.String("survey"),
            Redshift = reader.Double("redshift"),
            DetectionTime = reader.Timestamp("detection_time"),
            ModelName = reader.String("model_name"),
            ModelVersion = reader.String("model_version"),
            ModelCardSha256 = sha,
            ParameterNames = names,
            Mean = mean,
            Sigma = sigma,
            Status = status,
            RejectionReason = reason,
            Log10M200c = reader.OptionalDouble("log10_m200c"),
            SigmaLog10M200c = reader.OptionalDouble("sigma_log10_m200c"),
            BaselineMsigmaLog10M = reader.OptionalDouble("baseline_msigma_log10_m"),
            BaselineVirialLog10M = reader.OptionalDouble("baseline_virial_log10_m"),
            BaselineDistributionLog10M = reader.OptionalDouble("baseline_distribution_log10m"),
            TrueLog10M200c = reader.OptionalDouble("true_log10_m200c"),
            MembersKept = reader.OptionalInt32("members_kept"),
            SigmaLosKmPerS = reader.OptionalDouble("sigma_los_km_per_s"),
            OutOfDistribution = outOfDistribution,
            OodReason = oodReason,
            CatalogueId = reader.OptionalString("catalogue_id"),
            Provenance = new MessageProvenance(reader.String("source_topic"), reader.Int32("source_partition"), reader.Int64("source_offset")),
            QueuedMs = reader.Double("queued_ms"),
            FeaturesMs = reader.OptionalDouble("features_ms"),
            InferenceMs = reader.Double("inference_ms"),
            PublishedUtc = reader.Timestamp("published_utc"),
            ParameterUnits = units,
            QuantileLevels = levels,
            Quantiles = quantiles,
        };
    }

    /// <summary>quantile_levels and quantiles: both or neither; levels strictly increasing; one row of levels per parameter, non-decreasing.</summary>
    private static (double[]? Levels, double[]? Quantiles) ReadQuantiles(ArrowRowReader reader, int parameters)
    {
        int cap = reader.Limits.MaxListLength;
        const string capName = nameof(CodecLimits.MaxListLength);
        double[]? levels = reader.OptionalDoubleList("quantile_levels", cap, capName);
        // A parameter x level grid can outgrow a short list: it is capped like a likelihood grid.
        double[]? quantiles = reader.OptionalDoubleList("quantiles", reader.Limits.MaxGridPoints, nameof(CodecLimits.MaxGridPoints));
        if (levels is null && quantiles is null) return (null, null);
        if (levels is null) throw ArrowRowReader.Error(ValidationReason.MissingField, "quantile_levels", "quantiles are present without their levels");
        if (quantiles is null) throw ArrowRowReader.Error(ValidationReason.MissingField, "quantiles", "quantile_levels are present without the quantiles");
        for (int l = 1; l < levels.Length; l++)
        {
            if (levels[l] <= levels[l - 1])
            {
                throw ArrowRowReader.Error(ValidationReason.OutOfRange, "quantile_levels", $"levels must increase strictly; element {l} does not");
            }
        }

        if (quantiles.Length != parameters * levels.Length)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "quantiles",
                $"has {quantiles.Length} values for {parameters} parameters x {levels.Length} levels");
        }

        for (int p = 0; p < parameters; p++)
        {
            for (int l = 1; l < levels.Length; l++)
            {
                if (quantiles[(p * levels.Length) + l] < quantiles[(p * levels.Length) + l - 1])
                {
                    throw ArrowRowReader.Error(ValidationReason.OutOfRange, "quantiles", $"quantiles of parameter {p} decrease at level {l}");
                }
            }
        }

        return (levels, quantiles);
    }
}
