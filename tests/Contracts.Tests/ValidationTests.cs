using Apache.Arrow;
using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Contracts.Tests;

/// <summary>Every <see cref="ValidationReason"/> a decode can raise, with the field it names.</summary>
public sealed class ValidationTests
{
    private readonly ClusterCatalogueCodec _catalogue = new();

    private static RecordValidationException Rejects(Action decode) => Assert.Throws<RecordValidationException>(decode);

    /// <summary>Bytes of a message the codec's Encode would refuse: written straight from the batch.</summary>
    private byte[] Unchecked(ClusterCatalogue message) => ArrowIpc.Write(_catalogue.ToRecordBatch(message), CodecLimits.Default);

    [Fact]
    public void Random_bytes_are_malformed_payload()
    {
        var e = Rejects(() => _catalogue.Decode(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 }));
        Assert.Equal((ValidationReason.Malformed, "payload"), (e.Reason, e.Field));
    }

    [Fact]
    public void An_empty_payload_is_malformed()
    {
        var e = Rejects(() => _catalogue.Decode(ReadOnlyMemory<byte>.Empty));
        Assert.Equal((ValidationReason.Malformed, "payload"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_new_major_version_is_rejected_as_schema_version()
    {
        using var batch = _catalogue.ToRecordBatch(SampleMessages.Catalogue());
        byte[] bytes = ArrowTestBytes.Rewrite(batch, metadata: new Dictionary<string, string> { [MessageHeaders.SchemaVersion] = "2.0" });

        var e = Rejects(() => _catalogue.Decode(bytes));

        Assert.Equal((ValidationReason.SchemaVersion, MessageHeaders.SchemaVersion), (e.Reason, e.Field));
        Assert.Contains("catalogue/2.0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_schema_is_rejected_as_schema_version()
    {
        byte[] posterior = new PosteriorCodec().Encode(SampleMessages.MassPosterior());
        var e = Rejects(() => _catalogue.Decode(posterior));
        Assert.Equal((ValidationReason.SchemaVersion, MessageHeaders.SchemaName), (e.Reason, e.Field));
    }

    [Fact]
    public void A_stream_without_schema_metadata_is_rejected_as_schema_version()
    {
        using var batch = _catalogue.ToRecordBatch(SampleMessages.Catalogue());
        var schema = new Schema(batch.Schema.FieldsList, []);
        byte[] bytes = ArrowTestBytes.Stream(schema, [.. batch.Arrays], 1);

        var e = Rejects(() => _catalogue.Decode(bytes));

        Assert.Equal((ValidationReason.SchemaVersion, MessageHeaders.SchemaName), (e.Reason, e.Field));
    }

    [Fact]
    public void An_absent_required_column_is_a_missing_field()
    {
        using var batch = _catalogue.ToRecordBatch(SampleMessages.Catalogue());
        byte[] bytes = ArrowTestBytes.Rewrite(batch, replace: new Dictionary<string, (Field, IArrowArray)?> { ["redshift"] = null });

        var e = Rejects(() => _catalogue.Decode(bytes));

        Assert.Equal((ValidationReason.MissingField, "redshift"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_null_required_value_is_a_missing_field()
    {
        using var batch = _catalogue.ToRecordBatch(SampleMessages.Catalogue());
        var nullRedshift = (new Field("redshift", DoubleType(), true), (IArrowArray)new DoubleArray.Builder().AppendNull().Build());
        byte[] bytes = ArrowTestBytes.Rewrite(batch, replace: new Dictionary<string, (Field, IArrowArray)?> { ["redshift"] = nullRedshift });

        var e = Rejects(() => _catalogue.Decode(bytes));

        Assert.Equal((ValidationReason.MissingField, "redshift"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_member_with_neither_redshift_nor_velocity_is_a_missing_field()
    {
        var sample = SampleMessages.Catalogue();
        var bad = sample with { Members = [.. sample.Members, new ClusterMember(10, 10, null, null)] };

        var e = Rejects(() => _catalogue.Decode(Unchecked(bad)));

        Assert.Equal((ValidationReason.MissingField, "member_redshift"), (e.Reason, e.Field));
        Assert.Contains("member 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_of_the_wrong_type_is_malformed_and_named()
    {
        using var batch = _catalogue.ToRecordBatch(SampleMessages.Catalogue());
        var floatRedshift = (new Field("redshift", FloatType(), false), (IArrowArray)new FloatArray.Builder().Append(0.2f).Build());
        byte[] bytes = ArrowTestBytes.Rewrite(batch, replace: new Dictionary<string, (Field, IArrowArray)?> { ["redshift"] = floatRedshift });

        var e = Rejects(() => _catalogue.Decode(bytes));

        Assert.Equal((ValidationReason.Malformed, "redshift"), (e.Reason, e.Field));
        Assert.Contains("float32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_of_two_rows_is_malformed()
    {
        using var one = _catalogue.ToRecordBatch(SampleMessages.Catalogue());
        var doubled = one.Schema.FieldsList.Select((f, i) => ArrowArrayConcatenatorHelper.Twice(one.Column(i))).ToList();
        byte[] bytes = ArrowTestBytes.Stream(one.Schema, doubled, 2);

        var e = Rejects(() => _catalogue.Decode(bytes));

        Assert.Equal((ValidationReason.Malformed, "payload"), (e.Reason, e.Field));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void A_non_finite_scalar_is_non_finite(double redshift)
    {
        var e = Rejects(() => _catalogue.Decode(Unchecked(SampleMessages.Catalogue() with { Redshift = redshift })));
        Assert.Equal((ValidationReason.NonFinite, "redshift"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_non_finite_list_element_is_non_finite_and_names_the_column()
    {
        var sample = SampleMessages.Catalogue();
        var bad = sample with { Members = [sample.Members[0] with { VLosKmPerS = double.PositiveInfinity }, .. sample.Members.Skip(1)] };

        var e = Rejects(() => _catalogue.Decode(Unchecked(bad)));

        Assert.Equal((ValidationReason.NonFinite, "member_v_los_km_per_s"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_nan_pixel_of_a_kde_tensor_is_non_finite()
    {
        var codec = new PhaseSpaceFeaturesCodec();
        var kde = SampleMessages.Features().Kde2D!.ToArray();
        kde[100] = float.NaN;
        byte[] bytes = ArrowIpc.Write(codec.ToRecordBatch(SampleMessages.Features() with { Kde2D = kde }), CodecLimits.Default);

        var e = Rejects(() => codec.Decode(bytes));

        Assert.Equal((ValidationReason.NonFinite, "kde_2d"), (e.Reason, e.Field));
        Assert.Contains("kde_2d[100]", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(360.0)]
    [InlineData(-0.5)]
    public void A_right_ascension_outside_0_to_360_is_out_of_range(double ra)
    {
        var e = Rejects(() => _catalogue.Decode(Unchecked(SampleMessages.Catalogue() with { RaDeg = ra })));
        Assert.Equal((ValidationReason.OutOfRange, "ra_deg"), (e.Reason, e.Field));
        Assert.Contains("[0, 360)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_of_sight_velocity_of_1e5_km_per_s_is_out_of_range()
    {
        var sample = SampleMessages.Catalogue();
        var bad = sample with { Members = [sample.Members[0] with { VLosKmPerS = 1e5 }, .. sample.Members.Skip(1)] };

        var e = Rejects(() => _catalogue.Decode(Unchecked(bad)));

        Assert.Equal((ValidationReason.OutOfRange, "member_v_los_km_per_s"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_cluster_redshift_above_10_is_out_of_range()
    {
        var e = Rejects(() => _catalogue.Decode(Unchecked(SampleMessages.Catalogue() with { Redshift = 10.5 })));
        Assert.Equal((ValidationReason.OutOfRange, "redshift"), (e.Reason, e.Field));
    }

    [Fact]
    public void An_unknown_status_text_is_out_of_range()
    {
        var codec = new PosteriorCodec();
        using var batch = codec.ToRecordBatch(SampleMessages.MassPosterior());
        var status = (new Field("status", StringTypeDefault(), false), (IArrowArray)new StringArray.Builder().Append("maybe").Build());
        byte[] bytes = ArrowTestBytes.Rewrite(batch, replace: new Dictionary<string, (Field, IArrowArray)?> { ["status"] = status });

        var e = Rejects(() => codec.Decode(bytes));

        Assert.Equal((ValidationReason.OutOfRange, "status"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_rejected_posterior_without_a_reason_is_a_missing_field()
    {
        var codec = new PosteriorCodec();
        var e = Rejects(() => codec.Encode(SampleMessages.MassPosterior() with { Status = RecordStatus.Rejected }));
        Assert.Equal((ValidationReason.MissingField, "rejection_reason"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_payload_above_the_byte_cap_is_oversized()
    {
        byte[] bytes = _catalogue.Encode(SampleMessages.Catalogue());
        var small = new ClusterCatalogueCodec(new CodecLimits { MaxPayloadBytes = bytes.Length - 1 });

        var e = Rejects(() => small.Decode(bytes));

        Assert.Equal((ValidationReason.Oversized, "payload"), (e.Reason, e.Field));
        Assert.Contains("MaxPayloadBytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_members_than_the_cap_are_oversized()
    {
        var codec = new ClusterCatalogueCodec(new CodecLimits { MaxMembers = 3 });
        var e = Rejects(() => codec.Decode(_catalogue.Encode(SampleMessages.Catalogue())));
        Assert.Equal((ValidationReason.Oversized, "member_ra_deg"), (e.Reason, e.Field));
        Assert.Contains("MaxMembers", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_with_more_pixels_than_the_cap_is_oversized()
    {
        var codec = new SkyMapCodec(new CodecLimits { MaxMapPixels = 40 });
        var e = Rejects(() => codec.Decode(new SkyMapCodec().Encode(SampleMessages.Map())));
        Assert.Equal((ValidationReason.Oversized, "pixels"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_string_longer_than_the_cap_is_oversized()
    {
        var e = Rejects(() => _catalogue.Encode(SampleMessages.Catalogue() with { Survey = new string('x', 2000) }));
        Assert.Equal((ValidationReason.Oversized, "survey"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_cluster_without_members_is_unprocessable()
    {
        var e = Rejects(() => _catalogue.Decode(Unchecked(SampleMessages.Catalogue() with { Members = [] })));
        Assert.Equal((ValidationReason.Unprocessable, "member_ra_deg"), (e.Reason, e.Field));
    }

    [Fact]
    public void Encode_refuses_what_decode_would_reject()
    {
        var e = Rejects(() => _catalogue.Encode(SampleMessages.Catalogue() with { DecDeg = 91 }));
        Assert.Equal((ValidationReason.OutOfRange, "dec_deg"), (e.Reason, e.Field));
    }

    [Fact]
    public void Map_pixels_that_do_not_fill_width_times_height_are_malformed()
    {
        var codec = new SkyMapCodec();
        var e = Rejects(() => codec.Encode(SampleMessages.Map() with { Width = 7 }));
        Assert.Equal((ValidationReason.Malformed, "pixels"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_profile_without_any_kind_is_a_missing_field()
    {
        var codec = new StackedProfileCodec();
        var e = Rejects(() => codec.Encode(SampleMessages.ProfileVersion10() with { XraySurfaceBrightness = null, XraySurfaceBrightnessError = null, HiLog10ColumnDensity = null }));
        Assert.Equal((ValidationReason.MissingField, "profiles"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_profile_with_only_a_column_the_schema_does_not_know_is_a_missing_field()
    {
        var codec = new StackedProfileCodec();
        var onlyDensity = SampleMessages.Profile() with
        {
            XraySurfaceBrightness = null, XraySurfaceBrightnessError = null, HiLog10ColumnDensity = null,
            GasTemperatureKev = null, GasMetallicityZsun = null, ComptonY = null, ComptonYError = null,
            XraySurfaceBrightnessRelative = null, XraySurfaceBrightnessRelativeError = null,
        };
        using var batch = codec.ToRecordBatch(onlyDensity);
        var density = batch.Column(batch.Schema.GetFieldIndex("gas_density_cm3"));
        // Its one kind renamed to a column no version of the schema has (e.g. a survey's own entropy profile).
        byte[] bytes = ArrowTestBytes.Rewrite(batch,
            replace: new Dictionary<string, (Field, IArrowArray)?> { ["gas_density_cm3"] = null, ["gas_density_cm3_error"] = null },
            append: [(new Field("entropy_kev_cm2", density.Data.DataType, true), density)]);

        var e = Rejects(() => codec.Decode(bytes));

        Assert.Equal((ValidationReason.MissingField, "profiles"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_gas_profile_with_another_bin_count_than_the_radii_is_malformed()
    {
        var codec = new StackedProfileCodec();
        var e = Rejects(() => codec.Encode(SampleMessages.Profile() with { GasTemperatureKev = [3.2, 3.6, 3.1] }));
        Assert.Equal((ValidationReason.Malformed, "gas_temperature_kev"), (e.Reason, e.Field));
        Assert.Contains("3 values for 5 radii", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_gas_density_is_out_of_range_and_a_nan_temperature_non_finite()
    {
        var codec = new StackedProfileCodec();
        var negative = Rejects(() => codec.Encode(SampleMessages.Profile() with { GasDensityCm3 = [2.1e-2, -8.5e-3, 2.4e-3, 4.1e-4, 0.0] }));
        var nan = Rejects(() => codec.Encode(SampleMessages.Profile() with { GasTemperatureKev = [3.2, double.NaN, 3.1, 2.2, 1.4] }));

        Assert.Equal((ValidationReason.OutOfRange, "gas_density_cm3"), (negative.Reason, negative.Field));
        Assert.Equal((ValidationReason.NonFinite, "gas_temperature_kev"), (nan.Reason, nan.Field));
    }

    [Fact]
    public void A_negative_relative_xray_surface_brightness_is_out_of_range_with_a_reason_naming_the_element_and_its_unit()
    {
        var e = Rejects(() => new StackedProfileCodec().Encode(SampleMessages.Profile() with { XraySurfaceBrightnessRelative = [5.2e-4, -2.2e-4, 4.3e-5, 6.5e-6, 4.1e-8] }));

        Assert.Equal((ValidationReason.OutOfRange, "xray_surface_brightness_relative"), (e.Reason, e.Field));
        Assert.Contains("xray_surface_brightness_relative[1] = -0.00022 relative (CAMELS-zoomGZ28 soft-band X-ray SB units; Lee et al. 2024) is outside [0,", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_xray_surface_brightness_is_checked_like_every_kind_for_bin_count_finiteness_and_a_lone_error()
    {
        var codec = new StackedProfileCodec();
        var sample = SampleMessages.Profile();

        var tooFew = Rejects(() => codec.Encode(sample with { XraySurfaceBrightnessRelative = [5.2e-4, 2.2e-4] }));
        var nan = Rejects(() => codec.Encode(sample with { XraySurfaceBrightnessRelative = [5.2e-4, 2.2e-4, double.PositiveInfinity, 6.5e-6, 4.1e-8] }));
        var negativeError = Rejects(() => codec.Encode(sample with { XraySurfaceBrightnessRelativeError = [5e-5, 2e-5, -5e-6, 1e-6, 1e-8] }));
        var loneError = Rejects(() => codec.Encode(sample with { XraySurfaceBrightnessRelative = null }));

        Assert.Equal((ValidationReason.Malformed, "xray_surface_brightness_relative"), (tooFew.Reason, tooFew.Field));
        Assert.Contains("2 values for 5 radii", tooFew.Message, StringComparison.Ordinal);
        Assert.Equal((ValidationReason.NonFinite, "xray_surface_brightness_relative"), (nan.Reason, nan.Field));
        Assert.Equal((ValidationReason.OutOfRange, "xray_surface_brightness_relative_error"), (negativeError.Reason, negativeError.Field));
        Assert.Equal((ValidationReason.MissingField, "xray_surface_brightness_relative"), (loneError.Reason, loneError.Field));
    }

    [Fact]
    public void A_compton_y_error_without_its_values_is_a_missing_field()
    {
        var e = Rejects(() => new StackedProfileCodec().Encode(SampleMessages.Profile() with { ComptonY = null }));
        Assert.Equal((ValidationReason.MissingField, "compton_y"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_halo_mass_outside_10_to_17_is_out_of_range()
    {
        var e = Rejects(() => new StackedProfileCodec().Encode(SampleMessages.Profile() with { Log10HaloMass = 9.5 }));
        Assert.Equal((ValidationReason.OutOfRange, "log10_halo_mass"), (e.Reason, e.Field));
    }

    [Fact]
    public void Parameter_units_that_do_not_pair_with_the_names_are_malformed()
    {
        var e = Rejects(() => new PosteriorCodec().Encode(SampleMessages.ParameterPosterior() with { ParameterUnits = ["dex"] }));
        Assert.Equal((ValidationReason.Malformed, "parameter_units"), (e.Reason, e.Field));
    }

    [Fact]
    public void Quantiles_must_come_with_their_levels_fill_the_parameter_by_level_grid_and_not_decrease()
    {
        var codec = new PosteriorCodec();
        var sample = SampleMessages.ParameterPosterior();

        var withoutLevels = Rejects(() => codec.Encode(sample with { QuantileLevels = null }));
        var tooFew = Rejects(() => codec.Encode(sample with { Quantiles = [0.27, 0.31, 0.35] }));
        var decreasing = Rejects(() => codec.Encode(sample with { Quantiles = [0.27, 0.31, 0.35, 0.36, 0.30, 0.76] }));
        var unordered = Rejects(() => codec.Encode(sample with { QuantileLevels = [0.5, 0.16, 0.84] }));
        var edge = Rejects(() => codec.Encode(sample with { QuantileLevels = [0.0, 0.5, 0.84] }));

        Assert.Equal((ValidationReason.MissingField, "quantile_levels"), (withoutLevels.Reason, withoutLevels.Field));
        Assert.Equal((ValidationReason.Malformed, "quantiles"), (tooFew.Reason, tooFew.Field));
        Assert.Equal((ValidationReason.OutOfRange, "quantiles"), (decreasing.Reason, decreasing.Field));
        Assert.Equal((ValidationReason.OutOfRange, "quantile_levels"), (unordered.Reason, unordered.Field));
        Assert.Equal((ValidationReason.OutOfRange, "quantile_levels"), (edge.Reason, edge.Field));
    }

    [Fact]
    public void Mass_bins_that_disagree_with_the_edges_are_malformed()
    {
        var codec = new MassFunctionUpdateCodec();
        var e = Rejects(() => codec.Encode(SampleMessages.MassFunction() with { Counts = [1, 2, 3] }));
        Assert.Equal((ValidationReason.Malformed, "counts"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_partial_cosmology_posterior_is_a_missing_field()
    {
        var codec = new MassFunctionUpdateCodec();
        using var batch = codec.ToRecordBatch(SampleMessages.MassFunction());
        var nullS8 = (new Field("s8_sigma", DoubleType(), true), (IArrowArray)new DoubleArray.Builder().AppendNull().Build());
        byte[] bytes = ArrowTestBytes.Rewrite(batch, replace: new Dictionary<string, (Field, IArrowArray)?> { ["s8_sigma"] = nullS8 });

        var e = Rejects(() => codec.Decode(bytes));

        Assert.Equal((ValidationReason.MissingField, "s8_sigma"), (e.Reason, e.Field));
    }

    [Fact]
    public void An_accepted_feature_record_without_its_2d_kde_is_a_missing_field()
    {
        var codec = new PhaseSpaceFeaturesCodec();
        var e = Rejects(() => codec.Encode(SampleMessages.Features() with { Kde2D = null }));
        Assert.Equal((ValidationReason.MissingField, "kde_2d"), (e.Reason, e.Field));
    }

    [Fact]
    public void Map_true_values_that_are_not_the_six_cgm_targets_are_malformed()
    {
        var e = Rejects(() => new SkyMapCodec().Encode(SampleMessages.Map() with { TrueValues = [12.0, 0.1] }));
        Assert.Equal((ValidationReason.Malformed, "true_values"), (e.Reason, e.Field));
        Assert.Contains("log10_halo_mass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_features_whose_pixels_do_not_fill_side_squared_times_channels_are_malformed()
    {
        var codec = new MapFeaturesCodec();
        var e = Rejects(() => codec.Encode(SampleMessages.MapFeatures() with { Side = 5 }));
        Assert.Equal((ValidationReason.Malformed, "log10_pixels"), (e.Reason, e.Field));
    }

    [Fact]
    public void A_nan_map_feature_pixel_is_non_finite()
    {
        var codec = new MapFeaturesCodec();
        var pixels = SampleMessages.MapFeatures().Log10Pixels!.ToArray();
        pixels[7] = float.NaN;
        var e = Rejects(() => codec.Encode(SampleMessages.MapFeatures() with { Log10Pixels = pixels }));
        Assert.Equal((ValidationReason.NonFinite, "log10_pixels"), (e.Reason, e.Field));
    }

    [Fact]
    public void Map_features_carry_a_rejection_reason_if_and_only_if_rejected_and_pixels_only_when_accepted()
    {
        var codec = new MapFeaturesCodec();
        var noReason = Rejects(() => codec.Encode(SampleMessages.RejectedMapFeatures() with { RejectionReason = null }));
        var reasonWhenAccepted = Rejects(() => codec.Encode(SampleMessages.MapFeatures() with { RejectionReason = "why" }));
        var noPixels = Rejects(() => codec.Encode(SampleMessages.MapFeatures() with { Log10Pixels = null }));
        var rejectedWithPixels = Rejects(() => codec.Encode(SampleMessages.RejectedMapFeatures() with { Log10Pixels = new float[16] }));

        Assert.Equal((ValidationReason.MissingField, "rejection_reason"), (noReason.Reason, noReason.Field));
        Assert.Equal((ValidationReason.OutOfRange, "rejection_reason"), (reasonWhenAccepted.Reason, reasonWhenAccepted.Field));
        Assert.Equal((ValidationReason.MissingField, "log10_pixels"), (noPixels.Reason, noPixels.Field));
        Assert.Equal((ValidationReason.OutOfRange, "log10_pixels"), (rejectedWithPixels.Reason, rejectedWithPixels.Field));
    }

    [Fact]
    public void Map_feature_channels_must_be_unique_in_the_fixed_order_and_disjoint_from_the_missing_ones()
    {
        var codec = new MapFeaturesCodec();
        var sample = SampleMessages.MapFeatures();
        var swapped = Rejects(() => codec.Encode(sample with { Channels = [SkyMapFieldKind.HiColumnDensity, SkyMapFieldKind.XraySurfaceBrightness] }));
        var overlap = Rejects(() => codec.Encode(sample with { MissingChannels = [SkyMapFieldKind.HiColumnDensity] }));
        var none = Rejects(() => codec.Encode(sample with { Channels = [], Log10Pixels = [], FlooredFraction = [], Log10Floors = [], SourceMapIds = [] }));

        Assert.Equal((ValidationReason.Malformed, "channels"), (swapped.Reason, swapped.Field));
        Assert.Equal((ValidationReason.Malformed, "missing_channels"), (overlap.Reason, overlap.Field));
        Assert.Equal((ValidationReason.MissingField, "channels"), (none.Reason, none.Field));
    }

    [Fact]
    public void Per_channel_lists_of_map_features_have_one_element_per_channel_and_fractions_lie_in_0_to_1()
    {
        var codec = new MapFeaturesCodec();
        var sample = SampleMessages.MapFeatures();
        var fractions = Rejects(() => codec.Encode(sample with { FlooredFraction = [0.25] }));
        var ids = Rejects(() => codec.Encode(sample with { SourceMapIds = ["only-one"] }));
        var above = Rejects(() => codec.Encode(sample with { FlooredFraction = [0.25, 1.5] }));

        Assert.Equal((ValidationReason.Malformed, "floored_fraction"), (fractions.Reason, fractions.Field));
        Assert.Equal((ValidationReason.Malformed, "source_map_ids"), (ids.Reason, ids.Field));
        Assert.Equal((ValidationReason.OutOfRange, "floored_fraction"), (above.Reason, above.Field));
    }

    [Fact]
    public void An_unknown_channel_kind_in_map_features_is_out_of_range()
    {
        var codec = new MapFeaturesCodec();
        using var good = codec.ToRecordBatch(SampleMessages.MapFeatures());
        int index = good.Schema.GetFieldIndex("channels");
        var channels = new Apache.Arrow.ListArray.Builder(Apache.Arrow.Types.StringType.Default);
        var values = (Apache.Arrow.StringArray.Builder)channels.ValueBuilder;
        channels.Append();
        values.Append("xray-surface-brightness");
        values.Append("sz-compton-y");
        var arrays = good.Arrays.Select((a, i) => i == index ? channels.Build() : a).ToList();
        using var bad = new Apache.Arrow.RecordBatch(good.Schema, arrays, 1);

        var e = Rejects(() => codec.FromRecordBatch(bad));

        Assert.Equal(ValidationReason.OutOfRange, e.Reason);
        Assert.StartsWith("channels", e.Field, StringComparison.Ordinal);
    }

    private static Apache.Arrow.Types.IArrowType DoubleType() => Apache.Arrow.Types.DoubleType.Default;

    private static Apache.Arrow.Types.IArrowType FloatType() => Apache.Arrow.Types.FloatType.Default;

    private static Apache.Arrow.Types.IArrowType StringTypeDefault() => Apache.Arrow.Types.StringType.Default;
}
