using System.Security.Cryptography;
using System.Text;
using StreamProcessor.Abundance;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>Posterior-level mocks (<see cref="Abundance.Mocks.MockPosteriors"/>) as posteriors.mass records, as the mass-inference stage would publish them.</summary>
public static class MockPosteriorRecords
{
    /// <summary>Model name stamped on the mock posteriors.</summary>
    public const string ModelName = "mock-gaussian-posterior";

    /// <summary>Source topic stamped in the provenance: the records come from a drawn light cone, not from a topic.</summary>
    public const string SourceTopic = "mock-light-cone";

    /// <summary>The records, in order; the model card hash is the SHA-256 of a text that says how they were made.</summary>
    public static IReadOnlyList<Posterior> From(IReadOnlyList<MassPosterior> posteriors, string description, DateTimeOffset publishedUtc)
    {
        ArgumentNullException.ThrowIfNull(posteriors);
        ArgumentNullException.ThrowIfNull(description);
        string card = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description)));
        var records = new Posterior[posteriors.Count];
        for (int i = 0; i < records.Length; i++)
        {
            MassPosterior p = posteriors[i];
            records[i] = new Posterior
            {
                ObjectId = p.ClusterId,
                Survey = p.Survey,
                Redshift = p.Redshift,
                DetectionTime = p.DetectionTimeUtc,
                ModelName = ModelName,
                ModelVersion = "1",
                ModelCardSha256 = card,
                ParameterNames = ["log10_m200c"],
                Mean = [p.Log10MassMean],
                Sigma = [p.Log10MassSigmaDex],
                Status = p.Accepted ? RecordStatus.Accepted : RecordStatus.Rejected,
                RejectionReason = p.Accepted ? null : "rejected in the mock",
                Log10M200c = p.Log10MassMean,
                SigmaLog10M200c = p.Log10MassSigmaDex,
                TrueLog10M200c = p.TrueLog10Mass,
                OutOfDistribution = false,
                Provenance = new MessageProvenance(SourceTopic, 0, i),
                QueuedMs = 0,
                InferenceMs = 0,
                PublishedUtc = publishedUtc,
            };
        }

        return records;
    }
}
