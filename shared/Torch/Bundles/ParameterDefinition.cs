namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// One inferred parameter as a consumer needs to read it: name, unit, the prior it was trained over, whether the
/// network's target is its log10, and its group (e.g. "cosmological" or "astrophysical").
/// </summary>
/// <param name="Name">Output name, e.g. "Omega0" or "log10_m200c".</param>
/// <param name="Unit">Unit of the value the network outputs (for a log10 target: "dex" of the physical unit).</param>
/// <param name="PriorMin">Lower edge of the training prior, in the unit of the output.</param>
/// <param name="PriorMax">Upper edge of the training prior, in the unit of the output.</param>
/// <param name="Log10Target">True when the output is log10 of the physical parameter.</param>
/// <param name="Group">Grouping shown in reports.</param>
/// <param name="Description">What the parameter is, in words.</param>
public sealed record ParameterDefinition(
    string Name,
    string Unit,
    double PriorMin,
    double PriorMax,
    bool Log10Target,
    string Group,
    string Description);
