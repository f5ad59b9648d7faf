using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// Codec of <see cref="StackedProfile"/> (schema "stacked-profile" 1.0, topic <c>profiles</c>). Each profile kind is a
/// nullable list&lt;float64&gt; column with one value per radius; an error column may only accompany its value column.
/// A profile with no kind at all is MissingField (field "profiles").
/// </summary>
public sealed class StackedProfileCodec(CodecLimits? limits = null) : ArrowMessageCodec<StackedProfile>(Definition, limits)
{
    public static SchemaId Id { get; } = new("stacked-profile", 1, 0);

    private static readonly (string Values, string Errors)[] Kinds =
    [
        ("xray_surface_brightness", "xray_surface_brightness_error"),
        ("hi_log10_column_density", "hi_log10_column_density_error_dex"),
        ("galaxy_surface_density_h2_per_mpc2", "galaxy_surface_density_error_h2_per_mpc2"),
    ];

    public static MessageSchema Definition { get; } = new(Id, [Topics.Profiles], "profile_id",
        "A radial profile stacked over several objects. Every profile kind is a nullable list with one value per radius " +
        "(and an optional 1-sigma error list of the same length); at least one kind is present. New kinds arrive as new " +
        "nullable columns in later minor versions.",
        [
            new("profile_id", ArrowTypes.Utf8, false, "Stable profile id; the Kafka key."),
            CommonFields.Survey(),
            new("redshift", ArrowTypes.Float64, false, "Mean redshift of the stacked objects.") { Range = CommonFields.ClusterRedshift },
            new("stacked_objects", ArrowTypes.Int32, false, "Number of objects in the stack.") { Range = new(1, 1e9) },
            new("radii_mpc_over_h", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Radial bin centres, projected comoving radius, strictly increasing.")
            { Unit = "h^-1 Mpc", Range = new(0, 100, MinInclusive: false) },
            new("xray_surface_brightness", ArrowTypes.ListOf(ArrowTypes.Float64), true, "X-ray surface brightness per radius.")
            { Unit = "erg s^-1 cm^-2 arcsec^-2", Range = CommonFields.NonNegative },
            new("xray_surface_brightness_error", ArrowTypes.ListOf(ArrowTypes.Float64), true, "1-sigma error of xray_surface_brightness.")
            { Unit = "erg s^-1 cm^-2 arcsec^-2", Range = CommonFields.NonNegative },
            new("hi_log10_column_density", ArrowTypes.ListOf(ArrowTypes.Float64), true, "log10 of the HI column density per radius.")
            { Unit = "log10(cm^-2)", Range = new(10, 25) },
            new("hi_log10_column_density_error_dex", ArrowTypes.ListOf(ArrowTypes.Float64), true, "1-sigma error of hi_log10_column_density.")
            { Unit = "dex", Range = CommonFields.SigmaDex },
            new("galaxy_surface_density_h2_per_mpc2", ArrowTypes.ListOf(ArrowTypes.Float64), true, "Projected galaxy number density per radius.")
            { Unit = "h^2 Mpc^-2", Range = CommonFields.NonNegative },
            new("galaxy_surface_density_error_h2_per_mpc2", ArrowTypes.ListOf(ArrowTypes.Float64), true, "1-sigma error of galaxy_surface_density_h2_per_mpc2.")
            { Unit = "h^2 Mpc^-2", Range = CommonFields.NonNegative },
        ]);

    public override string KeyOf(StackedProfile message) => message.ProfileId;

    protected override void Write(ArrowRowWriter writer, StackedProfile message) => writer
        .String("profile_id", message.ProfileId)
        .String("survey", message.Survey)
        .Double("redshift", message.Redshift)
        .Int32("stacked_objects", message.StackedObjects)
        .DoubleList("radii_mpc_over_h", message.RadiiMpcOverH)
        .DoubleList("xray_surface_brightness", message.XraySurfaceBrightness)
        .DoubleList("xray_surface_brightness_error", message.XraySurfaceBrightnessError)
        .DoubleList("hi_log10_column_density", message.HiLog10ColumnDensity)
        .DoubleList("hi_log10_column_density_error_dex", message.HiLog10ColumnDensityErrorDex)
        .DoubleList("galaxy_surface_density_h2_per_mpc2", message.GalaxySurfaceDensityH2PerMpc2)
        .DoubleList("galaxy_surface_density_error_h2_per_mpc2", message.GalaxySurfaceDensityErrorH2PerMpc2);

    protected override StackedProfile Read(ArrowRowReader reader)
    {
        int cap = reader.Limits.MaxListLength;
        const string capName = nameof(CodecLimits.MaxListLength);
        double[] radii = reader.DoubleList("radii_mpc_over_h", cap, capName);
        if (radii.Length == 0) throw ArrowRowReader.Error(ValidationReason.Unprocessable, "radii_mpc_over_h", "the profile has no radii");
        for (int i = 1; i < radii.Length; i++)
        {
            if (radii[i] <= radii[i - 1])
            {
                throw ArrowRowReader.Error(ValidationReason.OutOfRange, "radii_mpc_over_h", $"radii must increase strictly; element {i} does not");
            }
        }

        var lists = new Dictionary<string, double[]?>(StringComparer.Ordinal);
        foreach (var (values, errors) in Kinds)
        {
            lists[values] = reader.OptionalDoubleList(values, cap, capName);
            lists[errors] = reader.OptionalDoubleList(errors, cap, capName);
            if (lists[errors] is not null && lists[values] is null)
            {
                throw ArrowRowReader.Error(ValidationReason.MissingField, values, $"{errors} is present without {values}");
            }

            foreach (string column in new[] { values, errors })
            {
                if (lists[column] is { } list && list.Length != radii.Length)
                {
                    throw ArrowRowReader.Error(ValidationReason.Malformed, column, $"has {list.Length} values for {radii.Length} radii");
                }
            }
        }

        if (Kinds.All(k => lists[k.Values] is null))
        {
            throw ArrowRowReader.Error(ValidationReason.MissingField, "profiles",
                $"no profile kind is present (one of {string.Join(", ", Kinds.Select(k => k.Values))})");
        }

        return new StackedProfile
        {
            ProfileId = reader.String("profile_id"),
            Survey = reader.String("survey"),
            Redshift = reader.Double("redshift"),
            StackedObjects = reader.Int32("stacked_objects"),
            RadiiMpcOverH = radii,
            XraySurfaceBrightness = lists["xray_surface_brightness"],
            XraySurfaceBrightnessError = lists["xray_surface_brightness_error"],
            HiLog10ColumnDensity = lists["hi_log10_column_density"],
            HiLog10ColumnDensityErrorDex = lists["hi_log10_column_density_error_dex"],
            GalaxySurfaceDensityH2PerMpc2 = lists["galaxy_surface_density_h2_per_mpc2"],
            GalaxySurfaceDensityErrorH2PerMpc2 = lists["galaxy_surface_density_error_h2_per_mpc2"],
        };
    }
}
