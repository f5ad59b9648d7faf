using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Cli.Tests;

/// <summary>Field-by-field equality of catalogues (the record's Members list compares by reference).</summary>
internal static class CatalogueAssertions
{
    public static void Same(ClusterCatalogue expected, ClusterCatalogue actual)
    {
        Assert.Equal(expected.ClusterId, actual.ClusterId);
        Assert.Equal(expected.Survey, actual.Survey);
        Assert.Equal(expected.RaDeg, actual.RaDeg);
        Assert.Equal(expected.DecDeg, actual.DecDeg);
        Assert.Equal(expected.Redshift, actual.Redshift);
        Assert.Equal(expected.DetectionTime, actual.DetectionTime);
        Assert.Equal(expected.TrueLog10M200c, actual.TrueLog10M200c);
        Assert.Equal(expected.Members, actual.Members);
    }

    public static void SameSet(IEnumerable<ClusterCatalogue> expected, IEnumerable<ClusterCatalogue> actual)
    {
        var byId = actual.ToDictionary(c => c.ClusterId);
        var expectedList = expected.ToList();
        Assert.Equal(expectedList.Count, byId.Count);
        foreach (var catalogue in expectedList) Same(catalogue, byId[catalogue.ClusterId]);
    }
}
