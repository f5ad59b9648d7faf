using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Posterior;
using StreamProcessor.Torch.Training;
using StreamProcessor.Trainer.Data;

namespace StreamProcessor.Trainer.Posterior;

/// <summary>
/// The dataset views of a mass bundle's three splits, recomputed exactly as <c>trainer train</c> made them (same group
/// split, checked against the bundle's <c>training-split.json</c>), and their embeddings through the bundle's network.
/// </summary>
internal sealed record PosteriorViews(TrainingData Data, DatasetSplit Split)
{
    public static PosteriorViews Load(string modelDirectory, string dataDirectory)
    {
        TrainingSplitRecord record = TrainingSplitRecord.Load(modelDirectory);
        TrainingData data = TrainingData.Load(dataDirectory);
        DatasetSplit split = GroupSplit.Split(data.Dataset.GroupIds, record.TrainFraction, record.ValidationFraction, record.Seed);
        if (!split.Test.Select(i => data.Samples[i].HaloId).ToHashSet().SetEquals(record.TestHaloIds))
        {
            throw new InvalidOperationException($"The test haloes of {dataDirectory} differ from those recorded at training: wrong dataset for this model.");
        }

        return new PosteriorViews(data, split);
    }

    /// <summary>Moment posteriors and embeddings of <paramref name="rows"/> in one pass through the bundle's network.</summary>
    public (EmbeddedSamples Samples, double[] Mean, double[] Sigma) Embed(ModelBundle bundle, IReadOnlyList<int> rows)
    {
        int length = Data.Dataset.InputLength;
        int size = bundle.Model.Network.EmbeddingSize
            ?? throw new InvalidOperationException($"{bundle.Card.Architecture.ArchitectureId} exposes no embedding for a posterior head.");
        var inputs = new float[rows.Count * length];
        Data.Dataset.GatherInputs([.. rows], inputs);
        var embeddings = new float[rows.Count * size];
        var moments = bundle.Model.PredictWithEmbeddings(inputs, rows.Count, Torch.Inference.MomentModel.DefaultMaxBatch, embeddings);
        double[] targets = [.. rows.Select(i => Data.Samples[i].Log10M200c)];
        return (new EmbeddedSamples(embeddings, targets, rows.Count, size, 1), moments.Mean, moments.Sigma);
    }
}
