using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.MassFunctionAggregation;

namespace StreamProcessor.MassFunction.Tests;

public sealed class PosteriorMappingTests
{
    [Fact]
    public void An_accepted_posterior_becomes_a_counted_cluster_with_its_mass_and_truth()
    {
        var posterior = TestPosteriors.Accepted("A", "s", 0.12, 14.3, sigmaDex: 0.13, minutes: 5) with { TrueLog10M200c = 14.25 };

        var mapped = PosteriorMapping.Map(posterior);

        Assert.Equal(new Abundance.MassPosterior("A", "s", 0.12, TestPosteriors.Epoch.AddMinutes(5), 14.3, 0.13, 14.25, Accepted: true), mapped);
    }

    [Fact]
    public void A_rejected_posterior_without_mass_still_replaces_its_cluster_as_not_accepted()
    {
        var posterior = TestPosteriors.Accepted("A", "s", 0.12, 14.3) with
        {
            Status = RecordStatus.Rejected,
            RejectionReason = "too few members",
            Log10M200c = null,
            SigmaLog10M200c = null,
        };

        var mapped = PosteriorMapping.Map(posterior);

        Assert.False(mapped.Accepted);
        Assert.Equal("A", mapped.ClusterId);
        Assert.Equal(posterior.DetectionTime, mapped.DetectionTimeUtc);
    }

    [Fact]
    public void An_accepted_posterior_without_a_sigma_is_unprocessable()
    {
        var posterior = TestPosteriors.Accepted("A", "s", 0.12, 14.3) with { SigmaLog10M200c = null };

        var error = Assert.Throws<RecordValidationException>(() => PosteriorMapping.Map(posterior));

        Assert.Equal(ValidationReason.Unprocessable, error.Reason);
        Assert.Equal("sigma_log10_m200c", error.Field);
    }
}
