namespace StreamProcessor.Trainer;

/// <summary>Text and defaults shared by the subcommands.</summary>
internal static class TrainerDefaults
{
    internal const string Description =
        "Dynamical-mass CNN: simulate phase-space mocks, train the moment network, evaluate it against the classical baselines.";

    /// <summary>Galaxy-count lower edge of the evaluation's headline mass range, log10(M200c / h⁻¹ M☉).</summary>
    internal const double HeadlineLog10MMin = 14.0;

    internal const double HeadlineLog10MMax = 15.0;
}
