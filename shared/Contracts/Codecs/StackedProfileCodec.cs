using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// Codec of <see cref="StackedProfile"/> (schema "stacked-profile" 1.1, topic <c>profiles</c>). Each profile kind is a
/// nullable list&lt;float64&gt; column with one value per radius; an error column may only accompany its value column.
/// A profile with no kind at all is MissingField (field "profiles"). 1.1 adds the gas profiles of the stacked-profile
/// inference branch (n_gas, T_gas, Z_gas, Compton-y), the X-ray surface brightness in the relative units of the
/// CAMELS-zoomGZ28 training profiles, and the stack's mean halo mass.
/// </summary>
/// <remarks>
/// Two X-ray columns, because their units differ and no documented conversion links them: xray_surface_brightness
/// (1.0) is absolute, erg s^-1 cm^-2 arcsec^-2; xray_surface_brightness_relative (1.1) is in the undocumented units of
/// the CAMELS-zoomGZ28 profiles (Lee et al. 2024, arXiv:2403.10609; ../shared/data/camels-zoomgz28/README.md), which is
/// what the profile model reads.
/// </remarks>
public sealed class StackedProfileCodec(CodecLimits? limits = null) : ArrowMessageCodec<StackedProfile>(Definition, limits)
{
    public static SchemaId Id { get; } = new("stacked-profile", 1, 1);

    public static MessageSchema Definition { get; } = new(Id, [Topics.Profiles], "profile_id",
        "A radial profile stacked over several objects. Every profile kind is a nullable list with one value per radius " +
        "(and an optional 1-sigma error list of the same length); at least one kind is present. New kinds arrive as new " +
        "nullable columns in later minor versions (1.1: gas density, temperature, metallicity, Compton-y, X-ray surface " +
        "brightness in the relative units of the CAMELS-zoomGZ28 training profiles and the stack's mean halo mass).",
        [
            new("profile_id", ArrowTypes.Utf8, false, "Stable profile id; the Kafka key."),
            CommonFields.Survey(),
            new("redshift", ArrowTypes.Float64, false, "Mean redshift of the stacked objects.") { Range = CommonFields.ClusterRedshift },
            new("stacked_objects", ArrowTypes.Int32, false, "Number of objects in the stack.") { Range = new(1, 1e9) },
            new("radii_mpc_over_h", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Radial bin centres, projected comoving radius, strictly increasing.")
            { Unit = "h^-1 Mpc", Range = new(0, 100, MinInclusive: false) },
            .. Kind("xray_surface_brightness", "xray_surface_brightness_error",
                "X-ray surface brightness per radius, in absolute units. The profile model does not read it: it reads xray_surface_brightness_relative.",
                "erg s^-1 cm^-2 arcsec^-2", CommonFields.NonNegative),
            new("hi_log10_column_density", ArrowTypes.ListOf(ArrowTypes.Float64), true, "log10 of the HI column density per radius.")
            { Unit = "log10(cm^-2)", Range = new(10, 25) },
            new("hi_log10_column_density_error_dex", ArrowTypes.ListOf(ArrowTypes.Float64), true, "1-sigma error of hi_log10_column_density.")
            { Unit = "dex", Range = CommonFields.SigmaDex },
            new("galaxy_surface_density_h2_per_mpc2", ArrowTypes.ListOf(ArrowTypes.Float64), true, "Projected galaxy number density per radius.")
            { Unit = "h^2 Mpc^-2", Range = CommonFields.NonNegative },
            new("galaxy_surface_density_error_h2_per_mpc2", ArrowTypes.ListOf(ArrowTypes.Float64), true, "1-sigma error of galaxy_surface_density_h2_per_mpc2.")
            { Unit = "h^2 Mpc^-2", Range = CommonFields.NonNegative },
            .. Kind("gas_density_cm3", "gas_density_cm3_error", "Gas number density n_gas in spherical shells (3D) per radius.", "cm^-3", CommonFields.NonNegative, "1.1"),
            .. Kind("gas_temperature_kev", "gas_temperature_kev_error", "Mass-weighted gas temperature (3D) per radius.", "keV", CommonFields.NonNegative, "1.1"),
            .. Kind("gas_metallicity_zsun", "gas_metallicity_zsun_error", "Gas metallicity (3D) per radius.", "Z_sun", CommonFields.NonNegative, "1.1"),
            .. Kind("compton_y", "compton_y_error", "Projected thermal Sunyaev-Zel'dovich Compton-y per radius (dimensionless).", null, CommonFields.NonNegative, "1.1"),
            .. Kind("xray_surface_brightness_relative", "xray_surface_brightness_relative_error",
                "Soft-band X-ray surface brightness per radius in the relative units of the CAMELS-zoomGZ28 profiles that the profile " +
                "model was trained on (a survey converts its calibrated profile to these units before publishing; absolute-unit " +
                "profiles belong in xray_surface_brightness).",
                "relative (CAMELS-zoomGZ28 soft-band X-ray SB units; Lee et al. 2024)", CommonFields.NonNegative, "1.1"),
            new("log10_halo_mass", ArrowTypes.Float64, true, "Mean log10 halo mass of the stacked objects; null when the survey gives none.")
            { Unit = "log10(h^-1 Msun)", Range = CommonFields.Log10HaloMass, Since = "1.1" },
        ]);

    public override string KeyOf(StackedProfile message) => message.ProfileId;

    protected override void Write(ArrowRowWriter writer, StackedProfile message)
    {
        writer
            .String("profile_id", message.ProfileId)
            .String("survey", message.Survey)
            .Double("redshift", message.Redshift)
            .Int32("stacked_objects", message.StackedObjects)
            .DoubleList("radii_mpc_over_h", message.RadiiMpcOverH)
            .Double("log10_halo_mass", message.Log10HaloMass);
        foreach (var kind in StackedProfileKinds.All)
        {
            writer.DoubleList(kind.ValuesColumn, kind.Values(message)).DoubleList(kind.ErrorsColumn, kind.Errors(message));
        }
    }

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

        var profile = new StackedProfile
        {
            ProfileId = reader.String("profile_id"),
            Survey = reader.String("survey"),
            Redshift = reader.Double("redshift"),
            StackedObjects = reader.Int32("stacked_objects"),
            RadiiMpcOverH = radii,
            Log10HaloMass = reader.OptionalDouble("log10_halo_mass"),
        };
        bool anyKind = false;
        foreach (var kind in StackedProfileKinds.All)
        {
            double[]? values = reader.OptionalDoubleList(kind.ValuesColumn, cap, capName);
            double[]? errors = reader.OptionalDoubleList(kind.ErrorsColumn, cap, capName);
            if (errors is not null && values is null)
            {
                throw ArrowRowReader.Error(ValidationReason.MissingField, kind.ValuesColumn, $"{kind.ErrorsColumn} is present without {kind.ValuesColumn}");
            }

            CheckLength(kind.ValuesColumn, values, radii.Length);
            CheckLength(kind.ErrorsColumn, errors, radii.Length);
            anyKind |= values is not null;
            profile = kind.With(profile, values, errors);
        }

        if (!anyKind)
        {
            throw ArrowRowReader.Error(ValidationReason.MissingField, "profiles",
                $"no profile kind is present (one of {string.Join(", ", StackedProfileKinds.All.Select(k => k.ValuesColumn))})");
        }

        return profile;
    }

    /// <summary>A value column and its error column with the same unit and range.</summary>
    private static FieldSpec[] Kind(string values, string errors, string description, string? unit, ValueRange range, string since = "1.0") =>
    [
        new(values, ArrowTypes.ListOf(ArrowTypes.Float64), true, description) { Unit = unit, Range = range, Since = since },
        new(errors, ArrowTypes.ListOf(ArrowTypes.Float64), true, $"1-sigma error of {values}.") { Unit = unit, Range = range, Since = since },
    ];

    private static void CheckLength(string column, double[]? list, int radii)
    {
        if (list is not null && list.Length != radii)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, column, $"has {list.Length} values for {radii} radii");
        }
    }
}
