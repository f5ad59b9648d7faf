using System.ComponentModel.DataAnnotations;
using StreamProcessor.Abundance;
using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>Configuration section "MassFunction": the surveys and the update cadence of the massfunction service.</summary>
public sealed record MassFunctionOptions
{
    public const string Section = "MassFunction";

    /// <summary>The surveys; empty means the <see cref="DemoSurvey"/> alone.</summary>
    public SurveyOptions[] Surveys { get; init; } = [];

    /// <summary>Publish after this many new posteriors (all surveys together) ...</summary>
    [Range(1, 100_000_000)] public int UpdateEveryPosteriors { get; init; } = 1000;

    /// <summary>... or after this long, whichever comes first; a survey whose state did not change is skipped.</summary>
    public TimeSpan UpdateInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest batch of posteriors ingested between two offset commits.</summary>
    [Range(1, 65536)] public int MaxBatchSize { get; init; } = 512;

    /// <summary>Longest a partial batch waits for more records.</summary>
    public TimeSpan MaxBatchWait { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Consumer group; null: "Worker:GroupId" (the --group switch), else the service name.</summary>
    public string? GroupId { get; init; }

    /// <summary>
    /// Records read back from the end of every <c>massfunction</c> partition at start, to continue each series'
    /// update_sequence where the previous run left it (0: start every series at 1).
    /// </summary>
    [Range(0, 1_000_000)] public int SequenceTailRecords { get; init; } = 1024;

    /// <summary>
    /// Transfer function of every survey's theory and fit: "eh98" (full Eisenstein &amp; Hu 1998, the default),
    /// "eh98-nowiggle", or "table:&lt;path&gt;" of a CAMB or CLASS T(k) or P(k) text output (read and checked at start; a
    /// relative path is taken from the working directory). See <see cref="TransferFunctionChoice.Parse"/>.
    /// </summary>
    public string Transfer { get; init; } = TransferFunctionChoice.EisensteinHu1998Option;

    /// <summary>The <see cref="Transfer"/> setting, parsed (and a table read); <see cref="ArgumentException"/> when unusable.</summary>
    public TransferFunctionChoice TransferChoice() => TransferFunctionChoice.Parse(Transfer);

    /// <summary>The configured surveys, or the demo survey when none is configured.</summary>
    public IReadOnlyList<SurveyOptions> EffectiveSurveys() => Surveys.Length == 0 ? [DemoSurvey.Options()] : Surveys;

    /// <summary>
    /// Makes every survey's relative <see cref="SurveyOptions.SelectionCalibrationFile"/> absolute against
    /// <paramref name="baseDirectory"/> (the service: the working directory at start-up), in place (the
    /// post-configuration of the bound options, before validation).
    /// </summary>
    public void ResolveSelectionCalibrationFiles(string baseDirectory)
    {
        for (int i = 0; i < Surveys.Length; i++) Surveys[i] = Surveys[i].WithSelectionCalibrationFileUnder(baseDirectory);
    }

    /// <summary>The Abundance configurations; throws <see cref="ArgumentException"/> on a bad survey.</summary>
    public IReadOnlyList<SurveyConfiguration> SurveyConfigurations()
    {
        TransferFunctionChoice transfer = TransferChoice();
        return [.. EffectiveSurveys().Select(s => s.ToConfiguration(transfer))];
    }
}
