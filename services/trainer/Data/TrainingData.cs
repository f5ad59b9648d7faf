using StreamProcessor.Torch.Training;

namespace StreamProcessor.Trainer.Data;

/// <summary>
/// The contaminated views of a dataset as a Torch <see cref="SampleDataset"/> (input: the 2D image or the 3D cube,
/// target log10 M200c, group = halo id),
/// with the samples kept alongside so that split indices map back to richness, σ_los and redshift.
/// Train and evaluate both build it this way, so <see cref="GroupSplit"/> on its group ids gives the same split.
/// </summary>
internal sealed record TrainingData(SampleDataset Dataset, IReadOnlyList<DatasetSample> Samples)
{
    public const string TargetName = "log10_m200c";

    public static TrainingData Load(string dataDirectory, InputArchitecture architecture = InputArchitecture.Image2D)
    {
        ModelInputs inputs = ModelInputs.Load(dataDirectory, architecture, s => s.Contaminated);
        IReadOnlyList<DatasetSample> samples = inputs.Samples;
        var targets = new float[samples.Count];
        var groups = new long[samples.Count];
        for (int i = 0; i < samples.Count; i++)
        {
            targets[i] = (float)samples[i].Log10M200c;
            groups[i] = samples[i].HaloId;
        }
        return new TrainingData(new SampleDataset(inputs.Inputs, targets, groups, inputs.InputLength, [TargetName]), samples);
    }
}
