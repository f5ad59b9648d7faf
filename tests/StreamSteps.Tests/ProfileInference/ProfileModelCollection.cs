namespace StreamProcessor.StreamSteps.Tests.ProfileInference;

/// <summary>The tests that share one <see cref="ProfileModelFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ProfileModelCollection : ICollectionFixture<ProfileModelFixture>
{
    public const string Name = "profile model";
}
