namespace StreamProcessor.Trainer.Data;

/// <summary>Samples read from a dataset and the image shape they share.</summary>
public sealed record DatasetContents(int ImageRows, int ImageColumns, IReadOnlyList<DatasetSample> Samples);
