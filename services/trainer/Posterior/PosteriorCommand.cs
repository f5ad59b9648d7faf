using System.CommandLine;

namespace StreamProcessor.Trainer.Posterior;

/// <summary><c>trainer posterior train | evaluate</c>: a full-posterior estimator on a trained mass network's embedding, and its calibration.</summary>
internal static class PosteriorCommand
{
    internal static Command Create() => new("posterior", "Full posteriors for a mass model: train a posterior head on its embedding; evaluate it against the moment network by simulation-based calibration.")
    {
        PosteriorTrainCommand.Create(),
        PosteriorEvaluateCommand.Create(),
    };
}
