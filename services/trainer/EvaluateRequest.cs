namespace StreamProcessor.Trainer;

/// <summary>Arguments of <c>trainer evaluate</c>; <see cref="CompareWith"/>: other bundles run on the same test views.</summary>
internal sealed record EvaluateRequest(string ModelDirectory, string DataDirectory, string Device, IReadOnlyList<string>? CompareWithBundles = null)
{
    public IReadOnlyList<string> CompareWith => CompareWithBundles ?? [];
}
