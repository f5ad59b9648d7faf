namespace StreamProcessor.Torch.Training;

/// <summary>Sample indices of the three splits, each ascending; no group appears in two of them.</summary>
public sealed record DatasetSplit(int[] Train, int[] Validation, int[] Test);
