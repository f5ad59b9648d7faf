using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Codecs;

/// <summary>
/// Codec of <see cref="MassFunctionUpdate"/> (schema "mass-function" 1.1, topic <c>massfunction</c>). Per-bin lists have
/// one entry fewer than log10_mass_edges; the cosmology columns are all present or all null; log_likelihood_grid has
/// len(grid_omega_m) × len(grid_sigma8) entries, Omega_m-major.
/// </summary>
public sealed class MassFunctionUpdateCodec(CodecLimits? limits = null) : ArrowMessageCodec<MassFunctionUpdate>(Definition, limits)
{
    public static SchemaId Id { get; } = new("mass-function", 1, 1);

    private const string MassUnit = "log10(h^-1 Msun)";
    private const string DensityUnit = "h^3 Mpc^-3 dex^-1";
    private static readonly ValueRange OmegaM = new(0, 1, MinInclusive: false);
    private static readonly ValueRange Sigma8 = new(0, 3, MinInclusive: false);
    private static readonly ValueRange ParameterSigma = new(0, 3);

    private static readonly string[] PerBinColumns =
        ["counts", "dn_dlog10m", "dn_dlog10m_error", "theory_dn_dlog10m", "theory_expected_counts", "ratio"];

    private static readonly string[] CosmologyScalars =
        ["omega_m_mean", "omega_m_sigma", "sigma8_mean", "sigma8_sigma", "s8_mean", "s8_sigma"];

    public static MessageSchema Definition { get; } = new(Id, [Topics.MassFunction], "series_id",
        "The live halo mass function of one survey in one redshift bin with the (Omega_m, sigma_8) posterior of the joint " +
        "cluster-count fit. Per-bin lists have one entry fewer than log10_mass_edges. Cosmology columns are all present or all " +
        "null (null until a cluster lies in the fit range); log_likelihood_grid is flattened Omega_m-major " +
        "(index = i_omega_m * len(grid_sigma8) + i_sigma8) and null where ln L = -infinity. S8 = sigma8 (Omega_m / 0.3)^0.5.",
        [
            new("series_id", ArrowTypes.Utf8, false, "Series this update replaces, e.g. \"mock-desi/z0.10-0.30\"; the Kafka key."),
            CommonFields.Survey(),
            new("redshift_min", ArrowTypes.Float64, false, "Lower redshift edge.") { Range = CommonFields.ClusterRedshift },
            new("redshift_max", ArrowTypes.Float64, false, "Upper redshift edge, above redshift_min.") { Range = CommonFields.ClusterRedshift },
            new("update_sequence", ArrowTypes.Int64, false, "Increases by one with every update of the series.") { Range = new(0, long.MaxValue) },
            new("updated_utc", ArrowTypes.TimestampMsUtc, false, "When the update was computed (UTC)."),
            new("n_posteriors", ArrowTypes.Int32, false, "Posteriors ingested so far, all redshifts.") { Range = CommonFields.Count },
            new("code_version", ArrowTypes.Utf8, false, "Version of the code that computed the update."),
            new("log10_mass_edges", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Mass bin edges, strictly increasing, at least two.")
            { Unit = MassUnit, Range = CommonFields.Log10HaloMass },
            new("counts", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Clusters per bin (posterior-weighted, hence real-valued).") { Range = CommonFields.NonNegative },
            new("dn_dlog10m", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Measured comoving mass function per bin.") { Unit = DensityUnit, Range = CommonFields.NonNegative },
            new("dn_dlog10m_error", ArrowTypes.ListOf(ArrowTypes.Float64), false, "1-sigma error of dn_dlog10m.") { Unit = DensityUnit, Range = CommonFields.NonNegative },
            new("theory_dn_dlog10m", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Predicted mass function in base_* cosmology, per bin.") { Unit = DensityUnit, Range = CommonFields.NonNegative },
            new("theory_expected_counts", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Predicted counts per bin (selection applied).") { Range = CommonFields.NonNegative },
            new("ratio", ArrowTypes.ListOf(ArrowTypes.Float64), false, "Measured over theory per bin; an element is null where the theory is zero.")
            { Range = CommonFields.NonNegative, ItemsNullable = true },
            new("completeness_limit_log10_m", ArrowTypes.Float64, false, "Lowest mass used in the cosmology fit.") { Unit = MassUnit, Range = CommonFields.Log10HaloMass },
            new("omega_m_mean", ArrowTypes.Float64, true, "Posterior mean of Omega_m.") { Range = OmegaM },
            new("omega_m_sigma", ArrowTypes.Float64, true, "Posterior 1-sigma of Omega_m.") { Range = ParameterSigma },
            new("sigma8_mean", ArrowTypes.Float64, true, "Posterior mean of sigma_8.") { Range = Sigma8 },
            new("sigma8_sigma", ArrowTypes.Float64, true, "Posterior 1-sigma of sigma_8.") { Range = ParameterSigma },
            new("s8_mean", ArrowTypes.Float64, true, "Posterior mean of S8 = sigma_8 (Omega_m / 0.3)^0.5.") { Range = Sigma8 },
            new("s8_sigma", ArrowTypes.Float64, true, "Posterior 1-sigma of S8.") { Range = ParameterSigma },
            new("grid_omega_m", ArrowTypes.ListOf(ArrowTypes.Float64), true, "Omega_m axis of the likelihood grid, strictly increasing.") { Range = OmegaM },
            new("grid_sigma8", ArrowTypes.ListOf(ArrowTypes.Float64), true, "sigma_8 axis of the likelihood grid, strictly increasing.") { Range = Sigma8 },
            new("log_likelihood_grid", ArrowTypes.ListOf(ArrowTypes.Float64), true, "ln L on the grid, Omega_m-major; an element is null where ln L = -infinity.")
            { ItemsNullable = true },
            new("base_omega_m", ArrowTypes.Float64, false, "Omega_m of the theory curve and of the volumes.") { Range = OmegaM },
            new("base_omega_b", ArrowTypes.Float64, false, "Omega_b of the base cosmology.") { Range = OmegaM },
            new("base_h", ArrowTypes.Float64, false, "h = H0 / (100 km/s/Mpc) of the base cosmology.") { Range = new(0, 2, MinInclusive: false) },
            new("base_ns", ArrowTypes.Float64, false, "Scalar spectral index of the base cosmology.") { Range = new(0, 2, MinInclusive: false) },
            new("base_sigma8", ArrowTypes.Float64, false, "sigma_8 of the base cosmology.") { Range = Sigma8 },
            new("true_omega_m", ArrowTypes.Float64, true, "Omega_m the mock was drawn from; null for real data.") { Range = OmegaM },
            new("true_omega_b", ArrowTypes.Float64, true, "Omega_b the mock was drawn from.") { Range = OmegaM },
            new("true_h", ArrowTypes.Float64, true, "h the mock was drawn from.") { Range = new(0, 2, MinInclusive: false) },
            new("true_ns", ArrowTypes.Float64, true, "n_s the mock was drawn from.") { Range = new(0, 2, MinInclusive: false) },
            new("true_sigma8", ArrowTypes.Float64, true, "sigma_8 the mock was drawn from.") { Range = Sigma8 },
            new("transfer_function", ArrowTypes.Utf8, true,
                "Linear transfer function of the theory and of the fit: \"eisenstein-hu-1998\" (with baryon wiggles), " +
                "\"eisenstein-hu-1998-no-wiggle\" or \"table:<file name>\" (a CAMB or CLASS table); null before 1.1 (no-wiggle).")
            { Since = "1.1" },
        ]);

    public override string KeyOf(MassFunctionUpdate message) => message.SeriesId;

    protected override void Write(ArrowRowWriter writer, MassFunctionUpdate message)
    {
        var cosmology = message.Cosmology;
        var truth = message.TrueCosmology;
        writer.String("series_id", message.SeriesId)
            .String("survey", message.Survey)
            .Double("redshift_min", message.RedshiftMin)
            .Double("redshift_max", message.RedshiftMax)
            .Int64("update_sequence", message.UpdateSequence)
            .Timestamp("updated_utc", message.UpdatedUtc)
            .Int32("n_posteriors", message.NPosteriors)
            .String("code_version", message.CodeVersion)
            .DoubleList("log10_mass_edges", message.Log10MassEdges)
            .DoubleList("counts", message.Counts)
            .DoubleList("dn_dlog10m", message.DnDlog10M)
            .DoubleList("dn_dlog10m_error", message.DnDlog10MError)
            .DoubleList("theory_dn_dlog10m", message.TheoryDnDlog10M)
            .DoubleList("theory_expected_counts", message.TheoryExpectedCounts)
            .NullableDoubleList("ratio", message.Ratio)
            .Double("completeness_limit_log10_m", message.CompletenessLimitLog10M)
            .Double("omega_m_mean", cosmology?.OmegaMMean)
            .Double("omega_m_sigma", cosmology?.OmegaMSigma)
            .Double("sigma8_mean", cosmology?.Sigma8Mean)
            .Double("sigma8_sigma", cosmology?.Sigma8Sigma)
            .Double("s8_mean", cosmology?.S8Mean)
            .Double("s8_sigma", cosmology?.S8Sigma)
            .DoubleList("grid_omega_m", cosmology?.GridOmegaM)
            .DoubleList("grid_sigma8", cosmology?.GridSigma8)
            .NullableDoubleList("log_likelihood_grid", cosmology?.LogLikelihood)
            .Double("base_omega_m", message.BaseCosmology.OmegaM)
            .Double("base_omega_b", message.BaseCosmology.OmegaB)
            .Double("base_h", message.BaseCosmology.LittleH)
            .Double("base_ns", message.BaseCosmology.Ns)
            .Double("base_sigma8", message.BaseCosmology.Sigma8)
            .Double("true_omega_m", truth?.OmegaM)
            .Double("true_omega_b", truth?.OmegaB)
            .Double("true_h", truth?.LittleH)
            .Double("true_ns", truth?.Ns)
            .Double("true_sigma8", truth?.Sigma8)
            .String("transfer_function", message.TransferFunction);
    }

    protected override MassFunctionUpdate Read(ArrowRowReader reader)
    {
        int cap = reader.Limits.MaxListLength;
        const string capName = nameof(CodecLimits.MaxListLength);
        double zMin = reader.Double("redshift_min");
        double zMax = reader.Double("redshift_max");
        if (zMax <= zMin) throw ArrowRowReader.Error(ValidationReason.OutOfRange, "redshift_max", $"{zMax} is not above redshift_min {zMin}");

        double[] edges = reader.DoubleList("log10_mass_edges", cap, capName);
        if (edges.Length < 2) throw ArrowRowReader.Error(ValidationReason.Unprocessable, "log10_mass_edges", $"{edges.Length} edges make no bin");
        RequireIncreasing("log10_mass_edges", edges);
        var perBin = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double?[] ratio = reader.NullableItemDoubleList("ratio", cap, capName);
        foreach (string column in PerBinColumns)
        {
            int length = column == "ratio" ? ratio.Length : (perBin[column] = reader.DoubleList(column, cap, capName)).Length;
            if (length != edges.Length - 1)
            {
                throw ArrowRowReader.Error(ValidationReason.Malformed, column, $"has {length} values for {edges.Length - 1} mass bins");
            }
        }

        return new MassFunctionUpdate
        {
            SeriesId = reader.String("series_id"),
            Survey = reader.String("survey"),
            RedshiftMin = zMin,
            RedshiftMax = zMax,
            UpdateSequence = reader.Int64("update_sequence"),
            UpdatedUtc = reader.Timestamp("updated_utc"),
            NPosteriors = reader.Int32("n_posteriors"),
            CodeVersion = reader.String("code_version"),
            Log10MassEdges = edges,
            Counts = perBin["counts"],
            DnDlog10M = perBin["dn_dlog10m"],
            DnDlog10MError = perBin["dn_dlog10m_error"],
            TheoryDnDlog10M = perBin["theory_dn_dlog10m"],
            TheoryExpectedCounts = perBin["theory_expected_counts"],
            Ratio = ratio,
            CompletenessLimitLog10M = reader.Double("completeness_limit_log10_m"),
            Cosmology = ReadCosmology(reader),
            BaseCosmology = new CosmologyParameters(
                reader.Double("base_omega_m"), reader.Double("base_omega_b"), reader.Double("base_h"), reader.Double("base_ns"), reader.Double("base_sigma8")),
            TrueCosmology = ReadTruth(reader),
            TransferFunction = reader.OptionalString("transfer_function"),
        };
    }

    private static CosmologyPosterior? ReadCosmology(ArrowRowReader reader)
    {
        double?[] scalars = [.. CosmologyScalars.Select(reader.OptionalDouble)];
        double[]? gridOmegaM = reader.OptionalDoubleList("grid_omega_m", reader.Limits.MaxListLength, nameof(CodecLimits.MaxListLength));
        double[]? gridSigma8 = reader.OptionalDoubleList("grid_sigma8", reader.Limits.MaxListLength, nameof(CodecLimits.MaxListLength));
        double?[]? logLikelihood = reader.OptionalNullableItemDoubleList("log_likelihood_grid", reader.Limits.MaxGridPoints, nameof(CodecLimits.MaxGridPoints));
        bool[] present = [.. scalars.Select(s => s is not null), gridOmegaM is not null, gridSigma8 is not null, logLikelihood is not null];
        if (present.All(p => !p)) return null;
        if (!present.All(p => p))
        {
            string[] names = [.. CosmologyScalars, "grid_omega_m", "grid_sigma8", "log_likelihood_grid"];
            string missing = names[Array.IndexOf(present, false)];
            throw ArrowRowReader.Error(ValidationReason.MissingField, missing, "cosmology columns are all present or all null");
        }

        RequireIncreasing("grid_omega_m", gridOmegaM!);
        RequireIncreasing("grid_sigma8", gridSigma8!);
        long cells = (long)gridOmegaM!.Length * gridSigma8!.Length;
        if (logLikelihood!.Length != cells)
        {
            throw ArrowRowReader.Error(ValidationReason.Malformed, "log_likelihood_grid",
                $"has {logLikelihood.Length} values for a {gridOmegaM.Length} × {gridSigma8.Length} grid");
        }

        return new CosmologyPosterior(
            scalars[0]!.Value, scalars[1]!.Value, scalars[2]!.Value, scalars[3]!.Value, scalars[4]!.Value, scalars[5]!.Value,
            gridOmegaM, gridSigma8, logLikelihood);
    }

    private static CosmologyParameters? ReadTruth(ArrowRowReader reader)
    {
        string[] names = ["true_omega_m", "true_omega_b", "true_h", "true_ns", "true_sigma8"];
        double?[] values = [.. names.Select(reader.OptionalDouble)];
        if (values.All(v => v is null)) return null;
        int missing = Array.FindIndex(values, v => v is null);
        if (missing >= 0) throw ArrowRowReader.Error(ValidationReason.MissingField, names[missing], "true-cosmology columns are all present or all null");
        return new CosmologyParameters(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value, values[4]!.Value);
    }

    private static void RequireIncreasing(string column, double[] values)
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] <= values[i - 1])
            {
                throw ArrowRowReader.Error(ValidationReason.OutOfRange, column, $"must increase strictly; element {i} does not");
            }
        }
    }
}
