using Apache.Arrow.Ipc;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Tests;

/// <summary>Each codec's schema and its committed schemas/&lt;name&gt;/&lt;version&gt;.json must agree, so they cannot drift.</summary>
public sealed class SchemaDefinitionTests
{
    [Theory]
    [MemberData(nameof(ContractCase.Names), MemberType = typeof(ContractCase))]
    public void The_codec_schema_matches_its_committed_json_definition(string name)
    {
        var contract = ContractCase.Named(name).Contract;
        var committed = SchemaDefinition.FromJson(File.ReadAllText(RepositoryPaths.DefinitionFile(contract.Id)));
        var expected = contract.ToDefinition();

        Assert.Equal(expected.Name, committed.Name);
        Assert.Equal(expected.Version, committed.Version);
        Assert.Equal(expected.Topics, committed.Topics);
        Assert.Equal(expected.KeyField, committed.KeyField);
        Assert.Equal(MessageHeaders.ArrowStreamContentType, committed.ContentType);
        Assert.Equal(expected.Fields.Select(f => f.ContractText()), committed.Fields.Select(f => f.ContractText()));
        Assert.All(committed.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{f.Name} has no description"));
    }

    [Theory]
    [MemberData(nameof(ContractCase.Names), MemberType = typeof(ContractCase))]
    public void An_encoded_message_carries_the_names_types_nullability_and_metadata_of_the_json_definition(string name)
    {
        var contract = ContractCase.Named(name);
        var committed = SchemaDefinition.FromJson(File.ReadAllText(RepositoryPaths.DefinitionFile(contract.Contract.Id)));
        using var reader = new ArrowStreamReader(new ReadOnlyMemory<byte>(contract.Encode(contract.Sample())));
        var schema = reader.Schema;

        Assert.Equal(committed.Name, schema.Metadata[MessageHeaders.SchemaName]);
        Assert.Equal(committed.Version, schema.Metadata[MessageHeaders.SchemaVersion]);
        Assert.Equal(committed.Fields.Length, schema.FieldsList.Count);
        for (int i = 0; i < committed.Fields.Length; i++)
        {
            var field = schema.FieldsList[i];
            var definition = committed.Fields[i];
            Assert.Equal(definition.Name, field.Name);
            Assert.Equal(definition.Type, ArrowTypes.ToText(field.DataType));
            Assert.Equal(definition.Nullable, field.IsNullable);
            if (definition.TensorShape is { } shape)
            {
                Assert.Equal(FieldSpec.FixedShapeTensorExtension, field.Metadata[FieldSpec.ExtensionNameKey]);
                Assert.Equal($"{{\"shape\":[{string.Join(',', shape)}]}}", field.Metadata[FieldSpec.ExtensionMetadataKey]);
            }
        }
    }

    [Fact]
    public void Every_schema_folder_belongs_to_a_codec_and_every_file_is_named_after_its_version()
    {
        var codecNames = ContractCase.All().Select(c => c.Contract.Id.Name).Order().ToArray();
        var folders = Directory.GetDirectories(RepositoryPaths.Schemas).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(codecNames, folders);
        foreach (string file in Directory.GetFiles(RepositoryPaths.Schemas, "*.json", SearchOption.AllDirectories))
        {
            var definition = SchemaDefinition.FromJson(File.ReadAllText(file));
            Assert.Equal(Path.GetFileName(Path.GetDirectoryName(file)), definition.Name);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), definition.Id.Version);
            Assert.True(File.Exists(Path.ChangeExtension(file, ".golden.arrows")), $"{file} has no golden file");
        }
    }

    [Fact]
    public void Every_topic_with_a_schema_is_one_of_the_topic_constants()
    {
        string[] known = [Topics.Catalogues, Topics.Maps, Topics.Profiles, Topics.PhaseSpaceFeatures, Topics.MapFeatures, Topics.MassPosteriors,
            Topics.CgmPosteriors, Topics.ParameterPosteriors, Topics.MassFunction];
        Assert.Equal(known.Order(), CodecCatalog.Default.Topics.Order());
    }
}
