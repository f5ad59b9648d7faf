using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using StreamProcessor.Cosmology.PowerSpectrum;

namespace StreamProcessor.MassFunctionAggregation;

/// <summary>
/// Fails the deploy, not the first update, on a bad "MassFunction" section: ranges, durations, and every survey
/// built and validated by the Abundance library (edges, selection, grid, cosmology).
/// </summary>
public sealed class MassFunctionOptionsValidator : IValidateOptions<MassFunctionOptions>
{
    public ValidateOptionsResult Validate(string? name, MassFunctionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => r.ErrorMessage ?? string.Join(",", r.MemberNames)));
        }

        if (options.UpdateInterval <= TimeSpan.Zero) failures.Add($"UpdateInterval {options.UpdateInterval} must be positive.");
        if (options.MaxBatchWait < TimeSpan.Zero) failures.Add($"MaxBatchWait {options.MaxBatchWait} must not be negative.");
        TransferFunctionChoice? transfer = null;
        try
        {
            transfer = options.TransferChoice();
        }
        catch (ArgumentException e)
        {
            failures.Add($"Transfer: {e.Message}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (SurveyOptions survey in options.EffectiveSurveys())
        {
            if (!names.Add(survey.Name)) failures.Add($"Survey '{survey.Name}' is configured twice.");
            foreach (CosmologyOptions cosmology in new[] { survey.BaseCosmology, survey.TrueCosmology }.OfType<CosmologyOptions>())
            {
                results.Clear();
                if (!Validator.TryValidateObject(cosmology, new ValidationContext(cosmology), results, validateAllProperties: true))
                {
                    failures.AddRange(results.Select(r => $"Survey '{survey.Name}': {r.ErrorMessage}"));
                }
            }

            try
            {
                _ = survey.ToConfiguration(transfer);
            }
            catch (ArgumentException e)
            {
                failures.Add($"Survey '{survey.Name}': {e.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
