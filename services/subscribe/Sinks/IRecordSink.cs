namespace StreamProcessor.SubscribeCli.Sinks;

/// <summary>Where matched records go. <see cref="CompleteAsync"/> finishes the output (file footers, the table).</summary>
public interface IRecordSink : IAsyncDisposable
{
    /// <param name="row">The record flattened to column → value, in schema column order.</param>
    /// <param name="message">The decoded message (its type is the topic codec's message type).</param>
    /// <param name="cancellationToken">Stops the write.</param>
    Task WriteAsync(IReadOnlyDictionary<string, object?> row, object message, CancellationToken cancellationToken);

    Task CompleteAsync(CancellationToken cancellationToken);
}
