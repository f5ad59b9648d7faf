namespace StreamProcessor.Plotting;

/// <summary>One labelled set of points; <see cref="YErrors"/> (1σ) is drawn as error bars when present.</summary>
public sealed record PlotSeries(string Label, double[] X, double[] Y, double[]? YErrors = null);
