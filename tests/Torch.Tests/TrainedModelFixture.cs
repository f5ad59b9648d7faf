using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using StreamProcessor.Torch.Training;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Tests;

/// <summary>One small training run shared by the tests that need a trained model.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        TorchRuntime.EnsureLoaded();
        Data = SyntheticImages.Create(groups: 150, samplesPerGroup: 2, seed: 7);
        Options = new TrainingOptions { MaxEpochs = 12, BatchSize = 32, LearningRate = 3e-3, Patience = 12, Seed = 11, ProgressEverySteps = 2 };
        var reports = new List<TrainingProgress>();
        Result = MomentTrainer.Train(Data, NetworkSpec.Cnn2D(), Options, CPU, new SynchronousProgress<TrainingProgress>(reports.Add));
        Reports = reports;
    }

    public SampleDataset Data { get; }

    public TrainingOptions Options { get; }

    public TrainingResult Result { get; }

    public IReadOnlyList<TrainingProgress> Reports { get; }

    public void Dispose() => Result.Model.Dispose();
}
