namespace StreamProcessor.SubscribeCli;

/// <summary>A request `subscribe` cannot serve (unknown topic, no schema); the message is for the user.</summary>
public sealed class SubscribeException(string message) : Exception(message);
