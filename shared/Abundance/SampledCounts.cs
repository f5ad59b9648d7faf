namespace StreamProcessor.Abundance;

/// <summary>Binned counts re-drawn from the mass posteriors: mean and standard deviation over the draws, [massBin, redshiftBin].</summary>
/// <param name="Mean">Mean count per bin over the draws.</param>
/// <param name="StandardDeviation">Standard deviation (n − 1 normalisation) of the count per bin over the draws.</param>
/// <param name="Draws">Number of draws.</param>
public sealed record SampledCounts(double[,] Mean, double[,] StandardDeviation, int Draws);
