using System.CommandLine;
using StreamProcessor.Fits;
using StreamProcessor.Maps;
using StreamProcessor.Plotting;
using StreamProcessor.Torch.Bundles;
using StreamProcessor.Torch.Inference;

namespace StreamProcessor.Trainer.Maps;

/// <summary>
/// <c>trainer maps explain</c>: integrated gradients of one parameter's posterior mean for one generated map (a halo of
/// the model's own run, one projection), against the empty sky of the model's survey profile (every pixel at the
/// floor; the per-field minimum when idealised), written as a PNG overlay per channel and, with <c>--fits</c>, as one FITS
/// image per channel (BUNIT the parameter's unit) for DS9, astropy or any FITS reader.
/// </summary>
internal static class MapExplainCommand
{
    internal static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model bundle written by `maps train`.", Required = true };
        var halo = new Option<int>("--halo") { Description = "Halo index of the model's generator run (indices >= the training count were never seen).", DefaultValueFactory = _ => 100_000 };
        var projection = new Option<int>("--projection") { Description = "Projection 0, 1 or 2.", DefaultValueFactory = _ => 0 };
        var parameter = new Option<string>("--parameter") { Description = "Parameter whose mean is explained.", DefaultValueFactory = _ => "log_m_halo" };
        var steps = new Option<int>("--steps") { Description = "Integration points.", DefaultValueFactory = _ => 32 };
        var output = new Option<FileInfo>("--out") { Description = "PNG to write.", Required = true };
        var fits = new Option<bool>("--fits") { Description = "Also write the attributions as FITS images, <out>.<channel>.fits." };
        var command = new Command("explain", "Integrated-gradients overlay of one map for one parameter.") { model, halo, projection, parameter, steps, output, fits };
        command.SetAction((parse, _) => Task.FromResult(Run(parse.GetValue(model)!.FullName, parse.GetValue(halo), parse.GetValue(projection),
            parse.GetValue(parameter)!, parse.GetValue(steps), parse.GetValue(output)!.FullName, Console.Out, parse.GetValue(fits))));
        return command;
    }

    internal static int Run(string modelFolder, int haloIndex, int projection, string parameterName, int steps, string pngPath, TextWriter log, bool writeFits = false)
    {
        var record = MapTrainingRecord.Load(modelFolder);
        using var bundle = ModelBundle.Load(modelFolder);
        int parameter = bundle.Card.ParameterNames.ToList().IndexOf(parameterName);
        if (parameter < 0) throw new ArgumentException($"The model infers {string.Join(", ", bundle.Card.ParameterNames)}, not '{parameterName}'.");
        if (projection is < 0 or >= MapGenerator.ProjectionsPerHalo) throw new ArgumentOutOfRangeException(nameof(projection), projection, "Must be 0, 1 or 2.");

        var data = MapData.Build(record, [haloIndex]);
        var input = data.Samples.Input(projection).ToArray();
        var survey = MapData.LimitProfiles[record.Limits];
        int pixels = input.Length / record.Fields.Count;
        var baseline = new float[input.Length];
        for (int c = 0; c < record.Fields.Count; c++)
        {
            bool xray = record.Fields[c] == "xray";
            double floor = xray ? Math.Max(survey.XrayFloorErgPerSPerPc2, MapInputScaling.XrayMinimumErgPerSPerPc2) : Math.Max(survey.HiFloorCm2, MapInputScaling.HiMinimumCm2);
            baseline.AsSpan(c * pixels, pixels).Fill((float)Math.Log10(floor));
        }

        var result = IntegratedGradients.Compute(bundle.Model, input, baseline, parameter, steps);
        double truth = data.Samples.Target(projection)[parameter];
        float[][] maps = [.. Enumerable.Range(0, record.Fields.Count).Select(c => input.AsSpan(c * pixels, pixels).ToArray())];
        float[][] attributions = [.. Enumerable.Range(0, record.Fields.Count).Select(c => result.Attributions.AsSpan(c * pixels, pixels).ToArray())];
        int side = (int)Math.Sqrt(pixels);
        MapPlots.AttributionOverlay(pngPath, $"{bundle.Card.ModelName}: {parameterName} true {truth:F2}, mean {result.MeanAtInput:F2} (empty sky {result.MeanAtBaseline:F2})",
            record.Fields, maps, attributions, side);
        for (int c = 0; c < record.Fields.Count; c++)
        {
            log.WriteLine($"maps explain: {record.Fields[c]} attributions sum to {attributions[c].Sum():F3} {bundle.Card.Parameters![parameter].Unit}");
            if (!writeFits) continue;
            string fitsPath = Path.ChangeExtension(pngPath, $".{record.Fields[c]}.fits");
            FitsWriter.Write(fitsPath, attributions[c], side, side, new FitsWriteOptions { Bunit = bundle.Card.Parameters![parameter].Unit });
            log.WriteLine($"maps explain: wrote {fitsPath}");
        }

        log.WriteLine($"maps explain: halo {haloIndex} projection {projection}: {parameterName} true {truth:F3}, posterior mean {result.MeanAtInput:F3}, " +
            $"empty-sky mean {result.MeanAtBaseline:F3}; completeness gap {result.CompletenessGap:F4}; wrote {pngPath}");
        return 0;
    }
}
