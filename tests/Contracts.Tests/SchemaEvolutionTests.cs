using System.Diagnostics;
using Apache.Arrow;
using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Tests;

/// <summary>
/// Schema evolution (schemas/README.md): within a major version a new minor may only add nullable fields; readers accept
/// every minor of their major and ignore unknown columns; published version files are frozen.
/// </summary>
public sealed class SchemaEvolutionTests
{
    private static SchemaDefinition Load(string path) => SchemaDefinition.FromJson(File.ReadAllText(path));

    [Fact]
    public void Every_version_file_is_a_compatible_successor_of_the_previous_version_in_its_folder()
    {
        var problems = new List<string>();
        foreach (string folder in Directory.GetDirectories(RepositoryPaths.Schemas))
        {
            var versions = Directory.GetFiles(folder, "*.json").Select(Load).OrderBy(d => d.Id.Major).ThenBy(d => d.Id.Minor).ToArray();
            Assert.NotEmpty(versions);
            for (int i = 1; i < versions.Length; i++) problems.AddRange(SchemaCompatibility.CheckSuccessor(versions[i - 1], versions[i]));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_version_file_committed_at_git_head_is_unchanged_apart_from_descriptions()
    {
        var problems = new List<string>();
        foreach (string file in Directory.GetFiles(RepositoryPaths.Schemas, "*.json", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
            // A file new in the working tree (or a checkout without git) has no committed version to compare with.
            if (GitShowHead(relative) is not { } committed) continue;
            problems.AddRange(SchemaCompatibility.CheckFrozen(SchemaDefinition.FromJson(committed), Load(file)));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_checker_accepts_an_added_nullable_field_in_the_next_minor()
    {
        var v10 = ClusterCatalogueCodec.Definition.ToDefinition();
        var v11 = FakeCatalogue11.Contract.ToDefinition();

        Assert.Empty(SchemaCompatibility.CheckSuccessor(v10, v11));
    }

    [Fact]
    public void The_checker_refuses_a_removed_field_a_changed_type_and_a_required_addition()
    {
        var v10 = ClusterCatalogueCodec.Definition.ToDefinition();
        var removed = v10 with { Version = "1.1", Fields = v10.Fields[1..] };
        var retyped = v10 with { Version = "1.1", Fields = [v10.Fields[0], v10.Fields[1] with { Type = "int64" }, .. v10.Fields[2..]] };
        var required = FakeCatalogue11.Contract.ToDefinition() is var v11
            ? v11 with { Fields = [.. v11.Fields[..^1], v11.Fields[^1] with { Nullable = false }] }
            : throw new InvalidOperationException();
        var narrowed = v10 with { Version = "1.1", Fields = [.. v10.Fields.Select(f => f.Name == "redshift" ? f with { Range = new ValueRange(0, 5) } : f)] };

        Assert.Contains(SchemaCompatibility.CheckSuccessor(v10, removed), p => p.Contains("cluster_id was removed", StringComparison.Ordinal));
        Assert.Contains(SchemaCompatibility.CheckSuccessor(v10, retyped), p => p.Contains("field survey changed", StringComparison.Ordinal));
        Assert.Contains(SchemaCompatibility.CheckSuccessor(v10, required), p => p.Contains("is not nullable", StringComparison.Ordinal));
        Assert.Contains(SchemaCompatibility.CheckSuccessor(v10, narrowed), p => p.Contains("field redshift changed", StringComparison.Ordinal));
        Assert.Empty(SchemaCompatibility.CheckSuccessor(v10, v10 with { Version = "2.0", Fields = v10.Fields[1..] }));
    }

    [Fact]
    public void The_checker_refuses_a_field_added_to_a_published_version()
    {
        var v10 = ClusterCatalogueCodec.Definition.ToDefinition();
        var edited = v10 with { Fields = [.. FakeCatalogue11.Contract.ToDefinition().Fields] };

        Assert.NotEmpty(SchemaCompatibility.CheckFrozen(v10, edited));
        Assert.Empty(SchemaCompatibility.CheckFrozen(v10, v10 with { Description = "Reworded." }));
    }

    [Fact]
    public void The_mass_function_1_0_golden_file_reads_as_the_sample_without_a_transfer_function()
    {
        byte[] v10 = File.ReadAllBytes(RepositoryPaths.GoldenFile(new SchemaId("mass-function", 1, 0)));

        var decoded = new MassFunctionUpdateCodec().Decode(v10);

        ContractCase.AssertSameMessage(SampleMessages.MassFunction() with { TransferFunction = null }, decoded);
    }

    [Fact]
    public void The_posterior_1_0_golden_file_reads_as_the_sample_without_units_or_quantiles()
    {
        byte[] v10 = File.ReadAllBytes(RepositoryPaths.GoldenFile(new SchemaId("posterior", 1, 0)));

        var decoded = new PosteriorCodec().Decode(v10);

        ContractCase.AssertSameMessage(SampleMessages.MassPosteriorVersion10(), decoded);
    }

    [Fact]
    public void The_posterior_1_1_golden_file_reads_as_the_sample_without_the_distribution_regression_baseline()
    {
        byte[] v11 = File.ReadAllBytes(RepositoryPaths.GoldenFile(new SchemaId("posterior", 1, 1)));

        var decoded = new PosteriorCodec().Decode(v11);

        ContractCase.AssertSameMessage(SampleMessages.MassPosteriorVersion11(), decoded);
        Assert.Equal(("1.2", true), (PosteriorCodec.Definition["baseline_distribution_log10m"].Since, PosteriorCodec.Definition["baseline_distribution_log10m"].Nullable));
    }

    [Fact]
    public void The_stacked_profile_1_0_golden_file_reads_as_the_sample_without_the_gas_profiles_or_halo_mass()
    {
        byte[] v10 = File.ReadAllBytes(RepositoryPaths.GoldenFile(new SchemaId("stacked-profile", 1, 0)));

        var decoded = new StackedProfileCodec().Decode(v10);

        ContractCase.AssertSameMessage(SampleMessages.ProfileVersion10(), decoded);
    }

    [Fact]
    public void The_stacked_profile_1_0_golden_file_keeps_its_absolute_xray_profile_and_has_no_relative_one()
    {
        byte[] v10 = File.ReadAllBytes(RepositoryPaths.GoldenFile(new SchemaId("stacked-profile", 1, 0)));

        var decoded = new StackedProfileCodec().Decode(v10);

        Assert.Equal([3e-14, 1.2e-14, 4e-15, 9e-16, 1e-16], decoded.XraySurfaceBrightness!);
        Assert.Null(decoded.XraySurfaceBrightnessRelative);
        Assert.Null(decoded.XraySurfaceBrightnessRelativeError);
    }

    [Fact]
    public void The_sky_map_1_0_golden_file_reads_as_the_sample_without_object_id_or_true_values_and_is_keyed_by_its_map_id()
    {
        byte[] v10 = File.ReadAllBytes(RepositoryPaths.GoldenFile(new SchemaId("sky-map", 1, 0)));

        var codec = new SkyMapCodec();
        var decoded = codec.Decode(v10);

        ContractCase.AssertSameMessage(SampleMessages.MapVersion10(), decoded);
        Assert.Equal("mock-desi-000042-xray", codec.KeyOf(decoded));
    }

    [Fact]
    public void The_sky_map_1_1_fields_are_nullable_and_new_in_1_1()
    {
        Assert.Equal(new SchemaId("sky-map", 1, 1), SkyMapCodec.Id);
        Assert.All(["object_id", "true_values"], name => Assert.Equal(("1.1", true), (SkyMapCodec.Definition[name].Since, SkyMapCodec.Definition[name].Nullable)));
        Assert.Equal("map_id", SkyMapCodec.Definition.KeyField);
    }

    [Fact]
    public void A_1_0_reader_reads_a_1_1_message_and_ignores_its_unknown_column()
    {
        var sample = SampleMessages.Catalogue();
        byte[] v11 = FakeCatalogue11.Encode(sample, richness: 42.5);

        var decoded = new ClusterCatalogueCodec().Decode(v11);

        ContractCase.AssertSameMessage(sample, decoded);
    }

    [Fact]
    public void A_1_1_reader_reads_a_1_0_message_whose_new_nullable_column_is_absent_as_null()
    {
        var sample = SampleMessages.Catalogue();
        byte[] v10 = new ClusterCatalogueCodec().Encode(sample);

        var (message, richness) = FakeCatalogue11.Decode(v10);

        ContractCase.AssertSameMessage(sample, message);
        Assert.Null(richness);
    }

    [Fact]
    public void A_1_1_reader_reads_its_own_new_column()
    {
        var (_, richness) = FakeCatalogue11.Decode(FakeCatalogue11.Encode(SampleMessages.Catalogue(), richness: 42.5));
        Assert.Equal(42.5, richness);
    }

    [Fact]
    public void A_new_column_is_still_validated_by_the_reader_that_knows_it()
    {
        var e = Assert.Throws<RecordValidationException>(() => FakeCatalogue11.Decode(FakeCatalogue11.Encode(SampleMessages.Catalogue(), richness: -1)));
        Assert.Equal((ValidationReason.OutOfRange, "richness_lambda"), (e.Reason, e.Field));
    }

    private static string? GitShowHead(string relativePath)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", RepositoryPaths.Root, "show", $"HEAD:{relativePath}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = Process.Start(start);
            if (git is null) return null;
            string text = git.StandardOutput.ReadToEnd();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // git is not installed
        }
    }

    /// <summary>
    /// A test-only catalogue 1.1: the real 1.0 schema plus one nullable column. Not committed under schemas/; it only
    /// proves the mechanism the real codecs rely on (same reader, by-name columns, absent nullable = null).
    /// </summary>
    private static class FakeCatalogue11
    {
        public static MessageSchema Contract { get; } = ClusterCatalogueCodec.Definition.WithVersion(
            new SchemaId("catalogue", 1, 1),
            new FieldSpec("richness_lambda", ArrowTypes.Float64, true, "Optical richness.") { Range = new ValueRange(0, 1e4), Since = "1.1" });

        private static readonly ClusterCatalogueCodec Base = new();

        public static byte[] Encode(ClusterCatalogue message, double? richness)
        {
            using var v10 = Base.ToRecordBatch(message);
            var arrays = v10.Arrays.Append(new DoubleArray.Builder().Append(richness).Build()).ToList();
            using var batch = new RecordBatch(Contract.ArrowSchema, arrays, 1);
            return ArrowIpc.Write(batch, CodecLimits.Default);
        }

        public static (ClusterCatalogue Message, double? Richness) Decode(byte[] payload)
        {
            using var batch = ArrowIpc.ReadSingleRow(payload, Contract.Id, CodecLimits.Default);
            var message = Base.FromRecordBatch(batch);
            return (message, new ArrowRowReader(batch, Contract, CodecLimits.Default).OptionalDouble("richness_lambda"));
        }
    }
}
