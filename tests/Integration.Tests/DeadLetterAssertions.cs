using Confluent.Kafka;
using StreamProcessor.Contracts;

namespace StreamProcessor.Integration.Tests;

/// <summary>What every dead letter of a record refused on decode carries (README "Delivery guarantees").</summary>
internal static class DeadLetterAssertions
{
    /// <summary>A reason and a message, stage "decode", and the source topic and offset of the refused record.</summary>
    public static void RefusedOnDecode(ConsumeResult<string, byte[]> deadLetter, string sourceTopic)
    {
        Assert.NotEmpty(TopicReader.Header(deadLetter, MessageHeaders.DlqReason));
        Assert.NotEmpty(TopicReader.Header(deadLetter, MessageHeaders.DlqMessage));
        Assert.Equal("decode", TopicReader.Header(deadLetter, MessageHeaders.DlqStage));
        Assert.Equal(sourceTopic, TopicReader.Header(deadLetter, MessageHeaders.DlqSourceTopic));
        Assert.NotEmpty(TopicReader.Header(deadLetter, MessageHeaders.DlqSourceOffset));
    }
}
