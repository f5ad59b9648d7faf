namespace StreamProcessor.Plotting;

/// <summary>One mass bin of one redshift bin: observed dn/dlog10M ± error, and the forward-modelled theory.</summary>
public sealed record MassFunctionBin(
    double Log10MassMin,
    double Log10MassMax,
    double ObservedCounts,
    double DnDlog10M,
    double DnDlog10MError,
    double TheoryDnDlog10M,
    double TheoryExpectedCounts,
    bool AboveCompletenessLimit)
{
    public double Log10MassCentre => (Log10MassMin + Log10MassMax) / 2;
}
