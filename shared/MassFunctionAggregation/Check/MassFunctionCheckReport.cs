using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Plotting;

namespace StreamProcessor.MassFunctionAggregation.Check;

/// <summary>
/// Writes the final updates of a check: <c>massfunction-check-&lt;cosmology&gt;-bins.csv</c> (one row per redshift and
/// mass bin), <c>-cosmology.csv</c> (the ln L grid, one row per (Ω_m, σ8)), <c>.json</c> (the whole result), and the
/// figures <c>-massfunction.png</c> (with theory band and residuals) and <c>-omegam-sigma8.png</c> (regions and truth).
/// </summary>
public static class MassFunctionCheckReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the files into <paramref name="folder"/> (created if needed); returns their paths.</summary>
    public static IReadOnlyList<string> Write(MassFunctionCheckResult result, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        string name = result.Cosmology.ToString().ToLowerInvariant();
        return Write(folder, $"massfunction-check-{name}", $"{name} mock ({result.PosteriorsPublished} posteriors)",
            result.FinalUpdates, result.CosmologyPosterior, result.Truth, JsonSerializer.Serialize(result, Json));
    }

    /// <summary>
    /// The files of any science check: <c>&lt;stem&gt;-bins.csv</c>, <c>-cosmology.csv</c>, <c>.json</c> (<paramref name="json"/>),
    /// <c>-massfunction.png</c> (theory band and residuals) and <c>-omegam-sigma8.png</c> (regions and the truth).
    /// </summary>
    public static IReadOnlyList<string> Write(
        string folder, string stemName, string title, IReadOnlyList<MassFunctionUpdate> finalUpdates, CosmologyPosterior posterior, CosmologyParameters truth, string json)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(finalUpdates);
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(truth);
        Directory.CreateDirectory(folder);
        string stem = Path.Combine(folder, stemName);
        string bins = stem + "-bins.csv";
        string grid = stem + "-cosmology.csv";
        string jsonPath = stem + ".json";
        File.WriteAllText(bins, BinsCsv(finalUpdates));
        File.WriteAllText(grid, GridCsv(posterior));
        File.WriteAllText(jsonPath, json);
        string massFunctionPng = stem + "-massfunction.png";
        string cosmologyPng = stem + "-omegam-sigma8.png";
        MassFunctionPlots.MassFunction(massFunctionPng, $"Mass function, {title}", finalUpdates.ToDictionary(
            u => $"z {u.RedshiftMin:0.00}-{u.RedshiftMax:0.00}",
            u => (IReadOnlyList<MassFunctionBin>)Enumerable.Range(0, u.Counts.Count).Select(i => new MassFunctionBin(
                u.Log10MassEdges[i], u.Log10MassEdges[i + 1], u.Counts[i], u.DnDlog10M[i], u.DnDlog10MError[i], u.TheoryDnDlog10M[i], u.TheoryExpectedCounts[i],
                u.Log10MassEdges[i] >= u.CompletenessLimitLog10M - 1e-9)).ToList()));
        MassFunctionPlots.CosmologyRegions(cosmologyPng, $"Omega_m - sigma_8 from counts, {title}", posterior.GridOmegaM, posterior.GridSigma8, posterior.LogLikelihood,
            truth.OmegaM, truth.Sigma8);
        return [bins, grid, jsonPath, massFunctionPng, cosmologyPng];
    }

    /// <summary>JSON as the reports write it (indented, enums as names, NaN allowed).</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static string BinsCsv(IReadOnlyList<MassFunctionUpdate> updates)
    {
        var csv = new StringBuilder();
        csv.AppendLine("series_id,redshift_min,redshift_max,log10m_min,log10m_max,above_completeness_limit,counts,dn_dlog10m,dn_dlog10m_error,theory_dn_dlog10m,theory_expected_counts,ratio");
        foreach (MassFunctionUpdate u in updates)
        {
            for (int i = 0; i < u.Counts.Count; i++)
            {
                bool above = u.Log10MassEdges[i] >= u.CompletenessLimitLog10M - 1e-9;
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{u.SeriesId},{u.RedshiftMin},{u.RedshiftMax},{u.Log10MassEdges[i]:R},{u.Log10MassEdges[i + 1]:R},{(above ? 1 : 0)},{u.Counts[i]:R}," +
                    $"{u.DnDlog10M[i]:R},{u.DnDlog10MError[i]:R},{u.TheoryDnDlog10M[i]:R},{u.TheoryExpectedCounts[i]:R},{(u.Ratio[i] is double r ? r.ToString("R", CultureInfo.InvariantCulture) : "")}"));
            }
        }

        return csv.ToString();
    }

    private static string GridCsv(CosmologyPosterior posterior)
    {
        var csv = new StringBuilder();
        csv.AppendLine("omega_m,sigma8,log_likelihood");
        int n = posterior.GridSigma8.Count;
        for (int i = 0; i < posterior.GridOmegaM.Count; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double? l = posterior.LogLikelihood[(i * n) + j];
                csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{posterior.GridOmegaM[i]:R},{posterior.GridSigma8[j]:R},{(l is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "")}"));
            }
        }

        return csv.ToString();
    }
}
