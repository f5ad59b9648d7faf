using System.ComponentModel.DataAnnotations;

namespace StreamProcessor.Torch.Posterior;

/// <summary>Settings of one posterior-head training run (Adam, minibatches, early stopping on the validation loss).</summary>
public sealed record PosteriorHeadOptions
{
    /// <summary>Most epochs; early stopping usually ends sooner.</summary>
    [Range(1, 10_000)] public int MaxEpochs { get; init; } = 200;

    /// <summary>Minibatch size.</summary>
    [Range(2, 65_536)] public int BatchSize { get; init; } = 256;

    /// <summary>Adam learning rate (constant).</summary>
    [Range(1e-7, 1.0)] public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam weight decay.</summary>
    [Range(0.0, 1.0)] public double WeightDecay { get; init; } = 1e-5;

    /// <summary>Epochs without a lower validation loss before stopping; the best epoch's weights are kept.</summary>
    [Range(1, 10_000)] public int Patience { get; init; } = 15;

    /// <summary>Global gradient-norm clip (Pascanu et al. 2013).</summary>
    [Range(1e-6, 1e9)] public double MaxGradientNorm { get; init; } = 100.0;

    /// <summary>Seeds the weights and the shuffle.</summary>
    public int Seed { get; init; } = 20_200_305;

    /// <summary>libtorch intra-op threads (null: all cores).</summary>
    [Range(1, 1024)] public int? IntraOpThreads { get; init; }

    /// <summary>Throws when a value is out of its range.</summary>
    public PosteriorHeadOptions Validated()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        return this;
    }
}
