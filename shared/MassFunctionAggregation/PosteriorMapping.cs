using StreamProcessor.Abundance;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>posteriors.mass record → the accumulator's <see cref="MassPosterior"/>.</summary>
public static class PosteriorMapping
{
    // The accumulator requires finite mass fields on every posterior, but never reads them for a rejected one
    // (SurveyState.Read skips rejected clusters): a rejection only has to replace the cluster's earlier posterior.
    // A rejected posterior carries no mass (InferMassStep leaves the mass columns null), so these stand in, unread.
    private const double UnreadLog10Mass = 0.0;
    private const double UnreadSigmaDex = 0.0;

    /// <summary>
    /// An accepted posterior becomes a counted cluster; a rejected one removes its cluster from the counts (the newest
    /// posterior of a cluster wins). Out-of-distribution posteriors that the model accepted are counted.
    /// </summary>
    /// <exception cref="RecordValidationException">An accepted posterior without log10_m200c or sigma_log10_m200c (unprocessable).</exception>
    public static MassPosterior Map(Posterior posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        if (posterior.Status == RecordStatus.Rejected)
        {
            return new MassPosterior(
                posterior.ObjectId, posterior.Survey, posterior.Redshift, posterior.DetectionTime,
                posterior.Log10M200c ?? UnreadLog10Mass, posterior.SigmaLog10M200c ?? UnreadSigmaDex, Accepted: false);
        }

        if (posterior.Log10M200c is not double mean)
            throw new RecordValidationException(ValidationReason.Unprocessable, "log10_m200c", "an accepted mass posterior has no log10_m200c");
        if (posterior.SigmaLog10M200c is not double sigma)
            throw new RecordValidationException(ValidationReason.Unprocessable, "sigma_log10_m200c", "an accepted mass posterior has no sigma_log10_m200c");
        return new MassPosterior(posterior.ObjectId, posterior.Survey, posterior.Redshift, posterior.DetectionTime, mean, sigma, posterior.TrueLog10M200c);
    }
}
