namespace StreamProcessor.Torch.Tests;

/// <summary>Lets every test class share one <see cref="TrainedModelFixture"/> (one training run per test session).</summary>
[CollectionDefinition(Name)]
public sealed class TrainedModelCollection : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "trained model";
}
