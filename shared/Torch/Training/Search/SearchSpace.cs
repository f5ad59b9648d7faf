namespace StreamProcessor.Torch.Training.Search;

/// <summary>The axes of a hyper-parameter search, in a fixed order (the order draws are made in, so it is part of the seed's meaning).</summary>
public sealed class SearchSpace
{
    /// <summary>A space with the given axes; names must be unique.</summary>
    public SearchSpace(IEnumerable<SearchDimension> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        Dimensions = dimensions.ToArray();
        if (Dimensions.Count == 0)
        {
            throw new ArgumentException("A search space needs at least one dimension.", nameof(dimensions));
        }

        if (Dimensions.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() != Dimensions.Count)
        {
            throw new ArgumentException("Dimension names must be unique.", nameof(dimensions));
        }
    }

    /// <summary>A space with the given axes; names must be unique.</summary>
    public SearchSpace(params SearchDimension[] dimensions)
        : this((IEnumerable<SearchDimension>)dimensions)
    {
    }

    /// <summary>The axes, in draw order.</summary>
    public IReadOnlyList<SearchDimension> Dimensions { get; }
}
