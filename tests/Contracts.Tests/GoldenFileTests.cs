using Apache.Arrow.Ipc;
using StreamProcessor.Contracts.Arrow;

namespace StreamProcessor.Contracts.Tests;

/// <summary>
/// schemas/&lt;name&gt;/&lt;version&gt;.golden.arrows are the fixed samples, encoded. Regenerate the current version's
/// golden file and JSON definition deliberately with <c>UPDATE_GOLDEN=1 dotnet test tests/Contracts.Tests</c>;
/// older versions' files are never rewritten (they prove old messages stay readable).
/// </summary>
public sealed class GoldenFileTests
{
    [Theory]
    [MemberData(nameof(ContractCase.Names), MemberType = typeof(ContractCase))]
    public void The_golden_file_of_the_current_version_decodes_to_the_fixed_sample(string name)
    {
        var contract = ContractCase.Named(name);
        string golden = RepositoryPaths.GoldenFile(contract.Contract.Id);
        if (RepositoryPaths.UpdateGolden)
        {
            Directory.CreateDirectory(RepositoryPaths.SchemaFolder(contract.Contract.Id.Name));
            File.WriteAllBytes(golden, contract.Encode(contract.Sample()));
            File.WriteAllText(RepositoryPaths.DefinitionFile(contract.Contract.Id), contract.Contract.ToDefinition().ToJson());
        }

        Assert.True(File.Exists(golden), $"{golden} is missing; run the tests once with UPDATE_GOLDEN=1 to write it");
        object decoded = contract.Decode(File.ReadAllBytes(golden));

        ContractCase.AssertSameMessage(contract.Sample(), decoded);
    }

    [Fact]
    public void The_stacked_profile_1_1_golden_file_carries_the_relative_xray_column_beside_the_absolute_one()
    {
        byte[] bytes = File.ReadAllBytes(RepositoryPaths.GoldenFile(new SchemaId("stacked-profile", 1, 1)));

        // Read raw, without the codec: the column is in the file, not only in the record the codec builds.
        using var reader = new ArrowStreamReader(new ReadOnlyMemory<byte>(bytes));
        using var batch = reader.ReadNextRecordBatch();
        var row = ArrowRows.ToRow(batch);

        Assert.Equal(new object?[] { 5.2e-4, 2.2e-4, 4.3e-5, 6.5e-6, 4.1e-8 }, (object?[])row["xray_surface_brightness_relative"]!);
        Assert.Equal(new object?[] { 5e-5, 2e-5, 5e-6, 1e-6, 1e-8 }, (object?[])row["xray_surface_brightness_relative_error"]!);
        Assert.Equal(new object?[] { 3e-14, 1.2e-14, 4e-15, 9e-16, 1e-16 }, (object?[])row["xray_surface_brightness"]!);
    }

    [Fact]
    public void Every_golden_file_of_every_version_decodes_and_keeps_its_values_under_the_current_codec()
    {
        var files = Directory.GetFiles(RepositoryPaths.Schemas, "*.golden.arrows", SearchOption.AllDirectories);
        Assert.Equal(ContractCase.All().Count, files.Select(Path.GetDirectoryName).Distinct().Count());
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            string schemaName = Path.GetFileName(Path.GetDirectoryName(file))!;
            string version = Path.GetFileName(file)[..^".golden.arrows".Length];
            var entry = CodecCatalog.Default.ForSchema(schemaName);

            var row = entry.DecodeToRow(bytes);

            // The raw columns of the old file, read without the codec: every one the current schema knows must come back unchanged.
            using var reader = new ArrowStreamReader(new ReadOnlyMemory<byte>(bytes));
            Assert.Equal(version, ArrowIpc.WrittenSchema(reader.Schema).Version);
            using var batch = reader.ReadNextRecordBatch();
            foreach (var (column, value) in ArrowRows.ToRow(batch))
            {
                Assert.True(row.ContainsKey(column), $"{file}: column {column} is unknown to the current codec");
                Assert.Equal(value, row[column]);
            }
        }
    }
}
