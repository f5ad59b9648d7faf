using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// Codec of <see cref="PhaseSpaceFeatures"/> (schema "phase-space-features" 1.0, topic <c>features.phase-space</c>).
/// kde_2d is a FixedSizeList&lt;float32&gt; column carrying the canonical arrow.fixed_shape_tensor
/// extension metadata, so pyarrow reads it as a tensor; kde_3d (optional, 125,000 values) is a plain list&lt;float32&gt;. An accepted record needs kde_2d and the member lists
/// (one element per kept member); a rejected one needs a rejection reason.
/// </summary>
public sealed class PhaseSpaceFeaturesCodec(CodecLimits? limits = null) : ArrowMessageCodec<PhaseSpaceFeatures>(Definition, limits)
{
    public static SchemaId Id { get; } = new("phase-space-features", 1, 0);

    private static readonly string[] MemberColumns =
        ["member_v_los_km_per_s", "member_r_proj_mpc_over_h", "member_x_mpc_over_h", "member_y_mpc_over_h"];

    public static MessageSchema Definition { get; } = new(Id, [Topics.PhaseSpaceFeatures], "cluster_id",
        "Projected phase-space features of one cluster: KDE images of the kept members and the members themselves (for " +
        "the baseline estimators). Tensor columns are row-major float32 with arrow.fixed_shape_tensor metadata; a null tensor " +
        "still stores zeros (FixedSizeList layout), so producers should enable Kafka compression. A rejected cluster has a " +
        "rejection_reason and may lack every image and member list.",
        [
            new("cluster_id", ArrowTypes.Utf8, false, "Cluster id; the Kafka key."),
            CommonFields.Survey(),
            new("redshift", ArrowTypes.Float64, false, "Cluster redshift.") { Range = CommonFields.ClusterRedshift },
            CommonFields.DetectionTime(),
            CommonFields.Status(),
            CommonFields.RejectionReason(),
            new("members_kept", ArrowTypes.Int32, false, "Members left after the observational limits.") { Range = CommonFields.Count },
            new("sigma_los_km_per_s", ArrowTypes.Float64, true, "Line-of-sight velocity dispersion of the kept members; null with fewer than two.")
            { Unit = "km/s", Range = CommonFields.SigmaKmPerS },
            new("limit_profile", ArrowTypes.Utf8, false, "Name of the observational-limit profile applied."),
            new("aperture_radius_mpc_over_h", ArrowTypes.Float64, false, "Members kept with R_proj below this.")
            { Unit = "h^-1 Mpc", Range = new(0, 100, MinInclusive: false) },
            new("velocity_cut_km_per_s", ArrowTypes.Float64, false, "Members kept with |v_los| below this.")
            { Unit = "km/s", Range = new(0, 1e5, MinInclusive: false, MaxInclusive: false) },
            new("magnitude_limit", ArrowTypes.Float64, true, "Apparent magnitude limit; null when none.") { Unit = "mag", Range = CommonFields.Magnitude },
            new("min_members", ArrowTypes.Int32, false, "Clusters with fewer kept members are rejected.") { Range = new(1, 1e9) },
            new("kde_2d", ArrowTypes.Float32Tensor(PhaseSpaceFeaturesShapes.Kde2D), true, "2D KDE of (R_proj, v_los), shape [velocity, radius]; null when rejected.")
            { TensorShape = PhaseSpaceFeaturesShapes.Kde2D, Range = CommonFields.NonNegative },
            // A variable list rather than a FixedSizeList: a null fixed-size slot still stores all 125,000 floats,
            // which would make every 2D-only record ~0.5 MB (and the embedded broker keeps ~5 MiB per partition).
            new("kde_3d", ArrowTypes.ListOf(ArrowTypes.Float32), true, "3D KDE of (x, y, v_los), row-major [x, y, velocity] with shape [50, 50, 50]; null when not computed.")
            { Range = CommonFields.NonNegative },
            new("member_v_los_km_per_s", ArrowTypes.ListOf(ArrowTypes.Float64), true, "Kept members: line-of-sight velocity relative to the cluster.")
            { Unit = "km/s", Range = CommonFields.VLosKmPerS },
            new("member_r_proj_mpc_over_h", ArrowTypes.ListOf(ArrowTypes.Float64), true, "Kept members: projected radius.")
            { Unit = "h^-1 Mpc", Range = CommonFields.ProjectedRadiusMpcOverH },
            new("member_x_mpc_over_h", ArrowTypes.ListOf(ArrowTypes.Float64), true, "Kept members: projected x offset from the centre.")
            { Unit = "h^-1 Mpc", Range = CommonFields.ProjectedOffsetMpcOverH },
            new("member_y_mpc_over_h", ArrowTypes.ListOf(ArrowTypes.Float64), true, "Kept members: projected y offset from the centre.")
            { Unit = "h^-1 Mpc", Range = CommonFields.ProjectedOffsetMpcOverH },
            CommonFields.TrueLog10M200c(),
            .. CommonFields.Provenance(),
            new("features_ms", ArrowTypes.Float64, false, "Time spent computing the features.") { Unit = "ms", Range = CommonFields.DurationMs },
            new("computed_utc", ArrowTypes.TimestampMsUtc, false, "When the features were computed (UTC)."),
            new("code_version", ArrowTypes.Utf8, false, "Version of the code that computed the features."),
        ]);

    public override string KeyOf(PhaseSpaceFeatures message) => message.ClusterId;

    protected override void Write(ArrowRowWriter writer, PhaseSpaceFeatures message) => writer
        .String("cluster_id", message.ClusterId)
        .String("survey", message.Survey)
        .Double("redshift", message.Redshift)
        .Timestamp("detection_time", message.DetectionTime)
        .String("status", message.Status.ToText())
        .String("rejection_reason", message.RejectionReason)
        .Int32("members_kept", message.MembersKept)
        .Double("sigma_los_km_per_s", message.SigmaLosKmPerS)
        .String("limit_profile", message.Limits.Profile)
        .Double("aperture_radius_mpc_over_h", message.Limits.ApertureRadiusMpcOverH)
        .Double("velocity_cut_km_per_s", message.Limits.VelocityCutKmPerS)
        .Double("magnitude_limit", message.Limits.MagnitudeLimit)
        .Int32("min_members", message.Limits.MinimumMembers)
        .Tensor("kde_2d", message.Kde2D)
        .FloatList("kde_3d", message.Kde3D)
        .DoubleList("member_v_los_km_per_s", message.MemberVLosKmPerS)
        .DoubleList("member_r_proj_mpc_over_h", message.MemberRProjMpcOverH)
        .DoubleList("member_x_mpc_over_h", message.MemberXMpcOverH)
        .DoubleList("member_y_mpc_over_h", message.MemberYMpcOverH)
        .Double("true_log10_m200c", message.TrueLog10M200c)
        .String("source_topic", message.Provenance.SourceTopic)
        .Int32("source_partition", message.Provenance.SourcePartition)
        .Int64("source_offset", message.Provenance.SourceOffset)
        .Double("features_ms", message.FeaturesMs)
        .Timestamp("computed_utc", message.ComputedUtc)
        .String("code_version", message.CodeVersion);

    protected override PhaseSpaceFeatures Read(ArrowRowReader reader)
    {
        var (status, reason) = StatusRules.Read(reader);
        int membersKept = reader.Int32("members_kept");
        int cap = reader.Limits.MaxMembers;
        const string capName = nameof(CodecLimits.MaxMembers);
        var members = MemberColumns.Select(c => reader.OptionalDoubleList(c, cap, capName)).ToArray();
        for (int c = 0; c < members.Length; c++)
        {
            if (members[c] is null && status == RecordStatus.Accepted)
            {
                throw ArrowRowReader.Error(ValidationReason.MissingField, MemberColumns[c], "an accepted record carries its kept members");
            }

            if (members[c] is { } list && list.Length != membersKept)
            {
                throw ArrowRowReader.Error(ValidationReason.Malformed, MemberColumns[c], $"has {list.Length} elements, members_kept is {membersKept}");
            }
        }

        float[]? kde2D = reader.OptionalTensor("kde_2d");

        if (kde2D is null && status == RecordStatus.Accepted)
        {
            throw ArrowRowReader.Error(ValidationReason.MissingField, "kde_2d", "an accepted record carries its 2D KDE");
        }

        return new PhaseSpaceFeatures
        {
            ClusterId = reader.String("cluster_id"),
            Survey = reader.String("survey"),
            Redshift = reader.Double("redshift"),
            DetectionTime = reader.Timestamp("detection_time"),
            Status = status,
            RejectionReason = reason,
            MembersKept = membersKept,
            SigmaLosKmPerS = reader.OptionalDouble("sigma_los_km_per_s"),
            Limits = new PhaseSpaceLimits(
                reader.String("limit_profile"),
                reader.Double("aperture_radius_mpc_over_h"),
                reader.Double("velocity_cut_km_per_s"),
                reader.OptionalDouble("magnitude_limit"),
                reader.Int32("min_members")),
            Kde2D = kde2D,
            Kde3D = Kde3D(reader),
            MemberVLosKmPerS = members[0],
            MemberRProjMpcOverH = members[1],
            MemberXMpcOverH = members[2],
            MemberYMpcOverH = members[3],
            TrueLog10M200c = reader.OptionalDouble("true_log10_m200c"),
            Provenance = new MessageProvenance(reader.String("source_topic"), reader.Int32("source_partition"), reader.Int64("source_offset")),
            FeaturesMs = reader.Double("features_ms"),
            ComputedUtc = reader.Timestamp("computed_utc"),
            CodeVersion = reader.String("code_version"),
        };
    }

    private static float[]? Kde3D(ArrowRowReader reader)
    {
        int length = PhaseSpaceFeaturesShapes.Kde3D.Aggregate(1, (a, b) => a * b);
        var values = reader.OptionalFloatList("kde_3d", length, "the 3D KDE shape");
        if (values is not null && values.Length != length)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "kde_3d", $"has {values.Length} values, shape [50, 50, 50] holds {length}");
        }

        return values;
    }
}
