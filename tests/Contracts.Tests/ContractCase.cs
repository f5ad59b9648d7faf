using System.Text.Json;
using Apache.Arrow;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.Contracts.Tests;

/// <summary>One schema under test: its codec, its sample, and how to compare two of its messages.</summary>
public sealed class ContractCase
{
    private ContractCase(string name, MessageSchema contract, Func<object> sample, Func<object, byte[]> encode, Func<ReadOnlyMemory<byte>, object> decode, Func<object, RecordBatch> toRecordBatch)
    {
        ToRecordBatch = toRecordBatch;
        Name = name;
        Contract = contract;
        Sample = sample;
        Encode = encode;
        Decode = decode;
    }

    public string Name { get; }

    public MessageSchema Contract { get; }

    public Func<object> Sample { get; }

    public Func<object, byte[]> Encode { get; }

    public Func<ReadOnlyMemory<byte>, object> Decode { get; }

    /// <summary>The one-row record batch the codec builds (not validated, not serialised).</summary>
    public Func<object, RecordBatch> ToRecordBatch { get; }

    public override string ToString() => Name;

    public static ContractCase Of<T>(ArrowMessageCodec<T> codec, Func<T> sample)
        where T : class => new(codec.Schema.Name, codec.Contract, sample, m => codec.Encode((T)m), p => codec.Decode(p), m => codec.ToRecordBatch((T)m));

    public static IReadOnlyList<ContractCase> All(CodecLimits? limits = null) =>
    [
        Of(new ClusterCatalogueCodec(limits), SampleMessages.Catalogue),
        Of(new SkyMapCodec(limits), SampleMessages.Map),
        Of(new StackedProfileCodec(limits), SampleMessages.Profile),
        Of(new PhaseSpaceFeaturesCodec(limits), SampleMessages.Features),
        Of(new MapFeaturesCodec(limits), SampleMessages.MapFeatures),
        Of(new PosteriorCodec(limits), SampleMessages.MassPosterior),
        Of(new MassFunctionUpdateCodec(limits), SampleMessages.MassFunction),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All()) data.Add(c.Name);
        return data;
    }

    public static ContractCase Named(string name) => All().Single(c => c.Name == name);

    /// <summary>Structural equality of two messages (records hold lists, which compare by reference).</summary>
    public static void AssertSameMessage(object expected, object actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, expected.GetType()), JsonSerializer.Serialize(actual, actual.GetType()));
}
