using System.ComponentModel.DataAnnotations;

namespace StreamProcessor.Torch.Training.Search;

/// <summary>Settings of the Tree-structured Parzen Estimator (Bergstra et al. 2011, NeurIPS 24, section 4).</summary>
public sealed record TpeOptions
{
    /// <summary>Trials drawn from the prior (uniform in each axis's internal coordinate) before TPE takes over.</summary>
    /// <remarks>Optuna's default is 10; with fewer, l(x) is fitted to one or two points and the search collapses early.</remarks>
    [Range(1, 100_000)] public int StartupTrials { get; init; } = 10;

    /// <summary>Samples drawn from l(x) per step; the one with the largest l(x)/g(x) is run (hyperopt's n_EI_candidates).</summary>
    [Range(1, 100_000)] public int Candidates { get; init; } = 24;

    /// <summary>Fraction of finished trials, best first, that form the "good" density l(x) (Bergstra et al. 2011, Eq. 2).</summary>
    [Range(0.0, 1.0)] public double Gamma { get; init; } = 0.25;

    /// <summary>Weight of the prior as one Parzen component, relative to 1 per observation (hyperopt's prior_weight).</summary>
    [Range(0.0, 1e6)] public double PriorWeight { get; init; } = 1.0;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a value outside its range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(StartupTrials, 1, nameof(StartupTrials));
        ArgumentOutOfRangeException.ThrowIfLessThan(Candidates, 1, nameof(Candidates));
        if (!(Gamma > 0 && Gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "Gamma must be in (0, 1].");
        }

        if (!(PriorWeight > 0 && double.IsFinite(PriorWeight)))
        {
            throw new ArgumentOutOfRangeException(nameof(PriorWeight), PriorWeight, "PriorWeight must be positive and finite.");
        }
    }
}
