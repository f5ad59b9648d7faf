using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// Codec of <see cref="ClusterCatalogue"/> (schema "catalogue" 1.0, topic <c>catalogues</c>). Members travel as
/// parallel list columns (member_ra_deg, member_dec_deg, ...), one element per member, easy to read from pyarrow/JS.
/// An empty member list is <see cref="ValidationReason.Unprocessable"/>: the record is well formed, but no dynamical
/// estimate can use it. More than <see cref="CodecLimits.MaxMembers"/> members is Oversized.
/// </summary>
public sealed class ClusterCatalogueCodec(CodecLimits? limits = null) : ArrowMessageCodec<ClusterCatalogue>(Definition, limits)
{
    public static SchemaId Id { get; } = new("catalogue", 1, 0);

    private static readonly string[] MemberColumns =
        ["member_ra_deg", "member_dec_deg", "member_redshift", "member_v_los_km_per_s", "member_magnitude", "member_projected_radius_mpc_over_h"];

    public static MessageSchema Definition { get; } = new(Id, [Topics.Catalogues], "cluster_id",
        "One detected galaxy cluster and its member galaxies. Member columns are parallel lists with one element per member; " +
        "each member needs member_redshift or member_v_los_km_per_s. An empty member list is rejected as unprocessable.",
        [
            new("cluster_id", ArrowTypes.Utf8, false, "Stable cluster id; the Kafka key."),
            CommonFields.Survey(),
            new("ra_deg", ArrowTypes.Float64, false, "Right ascension of the cluster centre (ICRS).") { Unit = "deg", Range = CommonFields.RaDeg },
            new("dec_deg", ArrowTypes.Float64, false, "Declination of the cluster centre (ICRS).") { Unit = "deg", Range = CommonFields.DecDeg },
            new("redshift", ArrowTypes.Float64, false, "Cluster redshift.") { Range = CommonFields.ClusterRedshift },
            CommonFields.DetectionTime(),
            CommonFields.TrueLog10M200c(),
            new("member_ra_deg", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Member right ascensions.") { Unit = "deg", Range = CommonFields.RaDeg },
            new("member_dec_deg", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Member declinations.") { Unit = "deg", Range = CommonFields.DecDeg },
            new("member_redshift", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Member spectroscopic redshifts; an element is null when only the velocity is known.")
            { Range = CommonFields.GalaxyRedshift, ItemsNullable = true },
            new("member_v_los_km_per_s", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Member line-of-sight velocities relative to the cluster; an element is null when only the redshift is known.")
            { Unit = "km/s", Range = CommonFields.VLosKmPerS, ItemsNullable = true },
            new("member_magnitude", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Member apparent magnitudes in the survey band; null when not measured.")
            { Unit = "mag", Range = CommonFields.Magnitude, ItemsNullable = true },
            new("member_projected_radius_mpc_over_h", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Member projected comoving distance from the centre; null when not given.")
            { Unit = "h^-1 Mpc", Range = CommonFields.ProjectedRadiusMpcOverH, ItemsNullable = true },
        ]);

    public override string KeyOf(ClusterCatalogue message) => message.ClusterId;

    protected override void Write(ArrowRowWriter writer, ClusterCatalogue message)
    {
        var members = message.Members;
        writer.String("cluster_id", message.ClusterId)
            .String("survey", message.Survey)
            .Double("ra_deg", message.RaDeg)
            .Double("dec_deg", message.DecDeg)
            .Double("redshift", message.Redshift)
            .Timestamp("detection_time", message.DetectionTime)
            .Double("true_log10_m200c", message.TrueLog10M200c)
            .DoubleList("member_ra_deg", [.. members.Select(m => m.RaDeg)])
            .DoubleList("member_dec_deg", [.. members.Select(m => m.DecDeg)])
            .NullableDoubleList("member_redshift", [.. members.Select(m => m.Redshift)])
            .NullableDoubleList("member_v_los_km_per_s", [.. members.Select(m => m.VLosKmPerS)])
            .NullableDoubleList("member_magnitude", [.. members.Select(m => m.Magnitude)])
            .NullableDoubleList("member_projected_radius_mpc_over_h", [.. members.Select(m => m.ProjectedRadiusMpcOverH)]);
    }

    protected override ClusterCatalogue Read(ArrowRowReader reader)
    {
        int cap = reader.Limits.MaxMembers;
        const string capName = nameof(CodecLimits.MaxMembers);
        var message = new ClusterCatalogue
        {
            ClusterId = reader.String("cluster_id"),
            Survey = reader.String("survey"),
            RaDeg = reader.Double("ra_deg"),
            DecDeg = reader.Double("dec_deg"),
            Redshift = reader.Double("redshift"),
            DetectionTime = reader.Timestamp("detection_time"),
            TrueLog10M200c = reader.OptionalDouble("true_log10_m200c"),
            Members = [],
        };

        double[] ra = reader.DoubleList("member_ra_deg", cap, capName);
        double[] dec = reader.DoubleList("member_dec_deg", cap, capName);
        double?[] z = reader.NullableItemDoubleList("member_redshift", cap, capName);
        double?[] v = reader.NullableItemDoubleList("member_v_los_km_per_s", cap, capName);
        double?[] magnitude = reader.NullableItemDoubleList("member_magnitude", cap, capName);
        double?[] radius = reader.NullableItemDoubleList("member_projected_radius_mpc_over_h", cap, capName);
        int[] lengths = [ra.Length, dec.Length, z.Length, v.Length, magnitude.Length, radius.Length];
        for (int c = 1; c < lengths.Length; c++)
        {
            if (lengths[c] != ra.Length)
            {
                throw ArrowRowReader.Error(ValidationReason.Malformed, MemberColumns[c],
                    $"has {lengths[c]} elements but member_ra_deg has {ra.Length}; member columns are parallel");
            }
        }

        if (ra.Length == 0) throw ArrowRowReader.Error(ValidationReason.Unprocessable, "member_ra_deg", "the cluster has no members");

        var members = new ClusterMember[ra.Length];
        for (int i = 0; i < members.Length; i++)
        {
            if (z[i] is null && v[i] is null)
            {
                throw ArrowRowReader.Error(ValidationReason.MissingField, "member_redshift",
                    $"member {i} has neither member_redshift nor member_v_los_km_per_s");
            }

            members[i] = new ClusterMember(ra[i], dec[i], z[i], v[i], magnitude[i], radius[i]);
        }

        return message with { Members = members };
    }
}
