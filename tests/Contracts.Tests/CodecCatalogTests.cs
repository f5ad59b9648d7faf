using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Contracts.Tests;

public sealed class CodecCatalogTests
{
    [Fact]
    public void Every_topic_decodes_generically_to_its_record_type()
    {
        foreach (var contract in ContractCase.All())
        {
            byte[] bytes = contract.Encode(contract.Sample());
            foreach (string topic in contract.Contract.Topics)
            {
                var entry = CodecCatalog.Default.ForTopic(topic);
                object decoded = entry.Decode(bytes);
                Assert.IsType(entry.MessageType, decoded);
                ContractCase.AssertSameMessage(contract.Sample(), decoded);
            }
        }
    }

    [Fact]
    public void A_dead_letter_topic_maps_to_the_codec_of_its_source_topic()
    {
        Assert.Same(CodecCatalog.Default.ForTopic(Topics.Catalogues), CodecCatalog.Default.ForTopic(Topics.DeadLetter(Topics.Catalogues)));
    }

    [Fact]
    public void An_unknown_topic_is_reported_with_the_known_ones()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => CodecCatalog.Default.ForTopic("nope"));
        Assert.Contains(Topics.Catalogues, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decoded_message_flattens_to_one_value_per_column_in_schema_order()
    {
        var entry = CodecCatalog.Default.ForTopic(Topics.Catalogues);
        var sample = SampleMessages.Catalogue();

        var row = entry.DecodeToRow(entry.Encode(sample));

        Assert.Equal(entry.Contract.Fields.Select(f => f.Name), row.Keys);
        Assert.Equal(sample.ClusterId, row["cluster_id"]);
        Assert.Equal(sample.Redshift, row["redshift"]);
        Assert.Equal(sample.DetectionTime, row["detection_time"]);
        Assert.Equal(sample.Members.Select(m => (object?)m.Redshift), (object?[])row["member_redshift"]!);
    }

    [Fact]
    public void A_tensor_flattens_to_its_row_major_values()
    {
        var entry = CodecCatalog.Default.ForTopic(Topics.PhaseSpaceFeatures);
        var sample = SampleMessages.Features();

        var row = entry.ToRow(sample);

        Assert.Equal(sample.Kde2D!.Select(v => (object?)v), (object?[])row["kde_2d"]!);
    }

    [Fact]
    public void The_typed_codec_can_be_fetched_by_message_type()
    {
        var codec = CodecCatalog.Default.Get<Posterior>();
        Assert.Equal(PosteriorCodec.Id, codec.Schema);
        Assert.Equal(new SchemaId("posterior", 1, 2), codec.Schema);
    }

    [Fact]
    public void Limits_passed_to_the_catalogue_reach_every_codec()
    {
        var catalog = new CodecCatalog(new CodecLimits { MaxMembers = 2 });
        var bytes = CodecCatalog.Default.ForTopic(Topics.Catalogues).Encode(SampleMessages.Catalogue());

        var e = Assert.Throws<RecordValidationException>(() => catalog.ForTopic(Topics.Catalogues).Decode(bytes));

        Assert.Equal(ValidationReason.Oversized, e.Reason);
    }
}
