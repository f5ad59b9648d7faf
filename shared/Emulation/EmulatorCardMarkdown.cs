using System.Globalization;
using System.Text;
using StreamProcessor.Emulation.Profiles;

namespace StreamProcessor.Emulation;

/// <summary>card.md of an emulator: what a reader checks first, the error tables per kind and radius.</summary>
public static class EmulatorCardMarkdown
{
    /// <summary>Radial bins shown in the tables (every third bin: 11 kpc to 7 Mpc).</summary>
    private const int BinStride = 3;

    /// <summary>The card as Markdown.</summary>
    public static string Render(EmulatorCard card, IReadOnlyList<double> radiiKpc)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"# {card.Name}");
        text.AppendLine();
        text.AppendLine(c, $"Gaussian-process emulator of CAMELS-zoomGZ28 profiles (PCA per kind, ARD kernel over 28 parameters + log10 M, CARPool pair correlation: {card.FitOptions.CarPool}).");
        text.AppendLine(c, $"Data: {card.TrainingData}. Seed {card.Seed}. Conditioned on {card.EmulatorZoomIds.Length} halos; {card.TestZoomIds.Length} test halos (whole pairs) never seen by the emulator or any network. Code {card.CodeVersion}, {card.CreatedUtc:u}, {card.Seconds:F0} s.");
        text.AppendLine();
        text.AppendLine("| kind | components (variance) | noise σ_n² per component (standardised) | pair ρ per component |");
        text.AppendLine("|---|---|---|---|");
        foreach (var (kind, h) in card.Hyperparameters)
        {
            string noise = string.Join(", ", h.Select(x => x.NoiseVariance.ToString("G2", c)));
            string rho = string.Join(", ", h.Select(x => x.PairCorrelation.ToString("F2", c)));
            text.AppendLine(c, $"| {kind} | {h.Length} ({card.ExplainedVariance[kind]:P2}) | {noise} | {rho} |");
        }

        AppendTable(text, $"Cross-validation over held-out pairs ({card.Folds} folds): median |emulated/measured − 1| in %, CARPool (plain GP)", card.CrossValidation, card.CrossValidationPlain, radiiKpc);
        AppendTable(text, "Held-out test halos: median |emulated/measured − 1| in %, CARPool (plain GP)", card.Test, card.TestPlain, radiiKpc);
        text.AppendLine();
        text.AppendLine("A halo is one realisation: these errors include its cosmic variance, which no emulator of the mean profile can remove.");
        if (card.UncertaintyCalibration is { } calibration)
        {
            AppendCalibration(text, calibration, card.CrossValidationCalibration, card.Folds);
        }

        if (card.Forecast is { } forecast)
        {
            AppendForecast(text, forecast);
        }

        return text.ToString();
    }

    private static void AppendCalibration(
        StringBuilder text, IReadOnlyList<UncertaintyCalibration> test, IReadOnlyList<UncertaintyCalibration>? crossValidated, int folds)
    {
        var c = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine("## Stated uncertainty (mean z² per PCA coefficient; 1 is honest)");
        text.AppendLine();
        text.Append(c, $"z = (measured − emulated coefficient) / √variance, with the variance the halo-to-halo noise σ_n² alone ");
        text.AppendLine("or σ_n² plus the GP's predictive variance of the mean (what `profiles train --emulator-error` draws). Above 1: the stated variance is too small.");
        if (crossValidated is not null)
        {
            text.AppendLine();
            text.Append(c, $"By {folds}-fold cross-validation over held-out pairs of the emulator's {crossValidated[0].Halos} halos; ");
            text.AppendLine("the emulator keeps max(1, mean z²) per component as the inflation of that variance (`profiles train --calibrated-emulator-error` draws with it):");
            text.AppendLine();
            text.AppendLine("| kind | components | mean z², noise only (range) | mean z², noise + emulator error (range) | share with \\|z\\| < 1 (range) |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var kind in crossValidated)
            {
                AppendRow(text, kind, [kind.NoiseOnly, kind.WithEmulatorError, .. Optional(kind.WithinOneSigma)]);
            }
        }

        bool inflated = test.All(k => k.WithInflatedError is not null);
        bool shares = test.All(k => k.WithinOneSigma is not null);
        text.AppendLine();
        text.AppendLine(c, $"On the {test[0].Halos} test halos, which neither the fit nor the inflation saw (the share with |z| < 1 is 0.683 for Gaussian residuals):");
        text.AppendLine();
        text.AppendLine("| kind | components | mean z², noise only (range) | mean z², noise + emulator error (range) |" +
            (shares ? " share with \\|z\\| < 1 (range) |" : string.Empty) + (inflated ? " mean z², inflated (range) |" : string.Empty));
        text.AppendLine("|---|---|---|---|" + (shares ? "---|" : string.Empty) + (inflated ? "---|" : string.Empty));
        foreach (var kind in test)
        {
            AppendRow(text, kind, [kind.NoiseOnly, kind.WithEmulatorError, .. Optional(kind.WithinOneSigma), .. Optional(kind.WithInflatedError)]);
        }

        if (crossValidated is not null && test.All(k => k.TailLogLikelihoodGain is not null))
        {
            text.AppendLine();
            text.AppendLine("Heavy tails of the halo scatter (multivariate Student-t of unit covariance, one weight per halo and kind; `HaloTails`): " +
                "maximum-likelihood degrees of freedom ν and the mean log-likelihood gain per halo over the Gaussian. The emulator keeps the cross-validated ν; " +
                "on the test halos the gain is taken at that ν, out of sample:");
            text.AppendLine();
            text.AppendLine("| kind | ν, cross-validation | gain / halo | ν, test halos | gain / halo at the cross-validated ν |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var (cv, held) in crossValidated.Zip(test))
            {
                text.AppendLine(c, $"| {ProfileLayout.ShortName(cv.Kind)} | {HaloTails.Describe(cv.TailDegreesOfFreedom)} | {cv.TailLogLikelihoodGain:F2} | {HaloTails.Describe(held.TailDegreesOfFreedom)} | {held.TailLogLikelihoodGain:F2} |");
            }
        }

        if (test.All(k => k.LargestHalos is not null))
        {
            text.AppendLine();
            text.AppendLine("Test halos with the largest mean z² (noise + emulator error, over the kind's components), and the mean without them:");
            text.AppendLine();
            foreach (var kind in test)
            {
                text.AppendLine(c, $"- {ProfileLayout.ShortName(kind.Kind)}: {string.Join(", ", kind.LargestHalos!.Select(h => $"zoom_{h.ZoomId} {h.MeanZSquared:F1}"))}; without them {kind.WithoutLargestHalos:F2}");
            }
        }
    }

    private static double[][] Optional(double[]? column) => column is null ? [] : [column];

    private static void AppendRow(StringBuilder text, UncertaintyCalibration kind, IReadOnlyList<double[]> columns)
    {
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"| {ProfileLayout.ShortName(kind.Kind)} | {kind.NoiseOnly.Length} |");
        foreach (double[] column in columns)
        {
            text.Append(c, $" {column.Average():F2} ({column.Min():F2}–{column.Max():F2}) |");
        }

        text.AppendLine();
    }

    private static void AppendForecast(StringBuilder text, Training.FisherForecastReport forecast)
    {
        var c = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine("## What emulated stacks can constrain (Fisher forecast)");
        text.AppendLine();
        text.AppendLine(c, $"Jacobian of the {forecast.Outputs} emulated log10 profile values by the {forecast.ParameterNames.Count} parameters at {forecast.Points} Sobol points: " +
            $"numerical rank {forecast.MedianRank} (median; {forecast.MinRank}–{forecast.MaxRank}) with {forecast.Components} principal components in all. " +
            $"Forecast r of a perfect estimator, Gaussian errors of the given fraction on every value and a Gaussian prior of the uniform prior's variance:");
        text.AppendLine();
        text.AppendLine("| parameter | " + string.Join(" | ", forecast.Forecasts.Select(f => "r, " + f.FractionalError.ToString("P0", c) + " errors")) + " |");
        text.AppendLine("|---|" + string.Concat(forecast.Forecasts.Select(_ => "---|")));
        for (int p = 0; p < forecast.ParameterNames.Count; p++)
        {
            text.AppendLine(c, $"| {forecast.ParameterNames[p]} | {string.Join(" | ", forecast.Forecasts.Select(f => f.R[p].ToString("F3", c)))} |");
        }
    }

    private static void AppendTable(StringBuilder text, string title, IReadOnlyList<ProfileErrors> shipped, IReadOnlyList<ProfileErrors> plain, IReadOnlyList<double> radiiKpc)
    {
        var c = CultureInfo.InvariantCulture;
        int[] bins = [.. Enumerable.Range(0, radiiKpc.Count).Where(b => b % BinStride == 0)];
        text.AppendLine();
        text.AppendLine(c, $"## {title}");
        text.AppendLine();
        string header = string.Join(" | ", bins.Select(b => radiiKpc[b].ToString("G3", c) + " kpc"));
        text.AppendLine("| kind | " + header + " | all radii |");
        text.AppendLine("|---|" + string.Concat(bins.Select(_ => "---|")) + "---|");
        foreach (var errors in shipped)
        {
            var other = plain.First(p => p.Kind == errors.Kind);
            string cells = string.Join(" | ", bins.Select(b => string.Create(c, $"{errors.MedianPercent[b]:F1} ({other.MedianPercent[b]:F1})")));
            text.AppendLine(c, $"| {ProfileLayout.ShortName(errors.Kind)} | {cells} | {errors.MedianPercent.Average():F1} ({other.MedianPercent.Average():F1}) |");
        }
    }
}
