using Apache.Arrow.Ipc;
using StreamProcessor.Contracts.Arrow;
using StreamProcessor.Contracts.Codecs;

namespace StreamProcessor.Contracts.Tests;

/// <summary>
/// The per-thread schema caches of <see cref="ArrowIpc"/> change cost, never bytes or outcomes: the cached writer
/// writes what a fresh Arrow stream writer writes, and a damaged message never spoils the next good one.
/// </summary>
public sealed class SchemaCacheTests
{
    [Theory]
    [MemberData(nameof(ContractCase.Names), MemberType = typeof(ContractCase))]
    public void Cached_writer_writes_the_bytes_of_a_fresh_stream_writer(string name)
    {
        var contract = ContractCase.Named(name);
        for (int i = 0; i < 3; i++)
        {
            using var batch = contract.ToRecordBatch(contract.Sample());
            using var stream = new MemoryStream();
            using (var writer = new ArrowStreamWriter(stream, batch.Schema, leaveOpen: true))
            {
                writer.WriteRecordBatch(batch);
                writer.WriteEnd();
            }

            Assert.Equal(stream.ToArray(), ArrowIpc.Write(batch, CodecLimits.Default));
        }
    }

    [Fact]
    public void A_damaged_message_does_not_spoil_the_cached_reader_for_the_next_one()
    {
        var codec = new ClusterCatalogueCodec();
        var good = codec.Encode(SampleMessages.Catalogue());
        Assert.Equal(SampleMessages.Catalogue().ClusterId, codec.Decode(good).ClusterId); // schema now cached

        int schemaEnd = 8 + BitConverter.ToInt32(good, 4); // continuation token, metadata length, schema metadata
        Assert.InRange(schemaEnd, 100, good.Length - 100);
        var random = new Random(5);
        for (int i = 0; i < 200; i++)
        {
            // Same schema bytes, damaged batch: truncated, or a flipped bit past the schema message.
            var bad = (byte[])good.Clone();
            if (i % 2 == 0) bad = bad[..random.Next(schemaEnd, good.Length - 1)];
            else bad[random.Next(schemaEnd, good.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                codec.Decode(bad);
            }
            catch (RecordValidationException)
            {
            }

            Assert.Equal(SampleMessages.Catalogue().Members.Count, codec.Decode(good).Members.Count);
        }
    }

    [Fact]
    public void Interleaved_schemas_each_decode_with_their_own_reader()
    {
        var catalogues = new ClusterCatalogueCodec();
        var posteriors = new PosteriorCodec();
        var catalogue = catalogues.Encode(SampleMessages.Catalogue());
        var posterior = posteriors.Encode(SampleMessages.MassPosterior());
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(SampleMessages.Catalogue().ClusterId, catalogues.Decode(catalogue).ClusterId);
            Assert.Equal(SampleMessages.MassPosterior().ObjectId, posteriors.Decode(posterior).ObjectId);
            var wrong = Assert.Throws<RecordValidationException>(() => catalogues.Decode(posterior));
            Assert.Equal(ValidationReason.SchemaVersion, wrong.Reason);
        }
    }
}
