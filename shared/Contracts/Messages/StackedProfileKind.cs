namespace StreamProcessor.Contracts.Messages;

/// <summary>
/// One profile kind of a <see cref="StackedProfile"/>: its value and error columns (schemas/stacked-profile) and the
/// record properties that hold them. The codec, the file reader of `ingest profiles` and the profile-inference
/// feature extractor all go through this one table, so a kind added in a later minor version is added here once.
/// </summary>
/// <param name="ValuesColumn">Column of the values, one per radius.</param>
/// <param name="ErrorsColumn">Column of their 1-sigma errors (optional, only with the values).</param>
/// <param name="Values">Reads the values of a profile (null when the kind is absent).</param>
/// <param name="Errors">Reads the errors of a profile.</param>
/// <param name="With">A copy of a profile with this kind's values and errors replaced.</param>
public sealed record StackedProfileKind(
    string ValuesColumn,
    string ErrorsColumn,
    Func<StackedProfile, IReadOnlyList<double>?> Values,
    Func<StackedProfile, IReadOnlyList<double>?> Errors,
    Func<StackedProfile, IReadOnlyList<double>?, IReadOnlyList<double>?, StackedProfile> With);
