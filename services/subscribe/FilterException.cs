namespace StreamProcessor.SubscribeCli;

/// <summary>A filter that cannot apply to the topic (for example a field its schema lacks).</summary>
public sealed class FilterException(string message) : Exception(message);
