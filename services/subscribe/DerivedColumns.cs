using StreamProcessor.Contracts.Schemas;

namespace StreamProcessor.SubscribeCli;

/// <summary>The columns a table or CSV can show beyond a schema's own: <see cref="ParameterSummary"/> and <see cref="CredibleInterval"/>.</summary>
public static class DerivedColumns
{
    /// <summary>The derived columns <paramref name="schema"/> supports.</summary>
    public static IEnumerable<string> For(MessageSchema schema)
    {
        if (ParameterSummary.AppliesTo(schema)) yield return ParameterSummary.Column;
        if (CredibleInterval.AppliesTo(schema)) yield return CredibleInterval.Column;
    }

    /// <summary>The value of <paramref name="column"/> in <paramref name="row"/>, derived columns included.</summary>
    public static object? Cell(IReadOnlyDictionary<string, object?> row, string column) => column switch
    {
        ParameterSummary.Column => ParameterSummary.Of(row),
        CredibleInterval.Column => CredibleInterval.Of(row),
        _ => row.GetValueOrDefault(column),
    };
}
