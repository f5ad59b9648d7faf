using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using StreamProcessor.Torch.Inference;
using StreamProcessor.Torch.Models;
using StreamProcessor.Torch.Native;
using StreamProcessor.Torch.Posterior;
using static TorchSharp.torch;

namespace StreamProcessor.Torch.Bundles;

/// <summary>
/// A model folder: <c>weights.bin</c> (TorchSharp <c>Module.save</c> format), <c>card.json</c> and <c>card.md</c>.
/// <see cref="Load"/> refuses a folder whose card does not match its weights or this code.
/// </summary>
public sealed class ModelBundle : IDisposable
{
    /// <summary>Card file name.</summary>
    public const string CardFileName = "card.json";

    /// <summary>Markdown rendering of the card.</summary>
    public const string MarkdownFileName = "card.md";

    /// <summary>Default weights file name.</summary>
    public const string WeightsFileName = "weights.bin";

    /// <summary>JSON settings of card.json.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    private ModelBundle(string folder, ModelCard card, MomentModel model, MixturePosteriorHead? posteriorHead)
    {
        Folder = folder;
        Card = card;
        Model = model;
        PosteriorHead = posteriorHead;
    }

    /// <summary>Informational version of this assembly, e.g. "1.0.0+abc123".</summary>
    public static string CodeVersion { get; } =
        typeof(ModelBundle).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ModelBundle).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>Folder the bundle was loaded from.</summary>
    public string Folder { get; }

    /// <summary>The validated card.</summary>
    public ModelCard Card { get; }

    /// <summary>The model, ready for <see cref="MomentModel.Predict"/>.</summary>
    public MomentModel Model { get; }

    /// <summary>The full-posterior estimator on the model's embedding, when the card has one.</summary>
    public MixturePosteriorHead? PosteriorHead { get; }

    /// <summary>
    /// Writes weights, card.json (with the weights' SHA-256 filled in) and card.md to <paramref name="folder"/>
    /// (created if needed); returns the card as written.
    /// </summary>
    public static ModelCard Save(string folder, MomentModel model, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(card);
        if (card.ParameterNames.Count != model.Spec.ParameterCount)
        {
            throw new ArgumentException($"Card names {card.ParameterNames.Count} parameters; the model has {model.Spec.ParameterCount}.", nameof(card));
        }

        Directory.CreateDirectory(folder);
        string weights = Path.Combine(folder, card.WeightsFile);
        model.Network.save(weights);
        var written = card with
        {
            Architecture = model.Spec,
            Normalisation = model.Normalisation,
            InputShape = model.Spec.InputShape,
            WeightsSha256 = Sha256(weights),
        };
        WriteCard(folder, written);
        return written;
    }

    /// <summary>Rewrites card.json and card.md (e.g. after the evaluator filled its slots); the weights hash must still match.</summary>
    public static void WriteCard(string folder, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        Validate(folder, card);
        File.WriteAllText(Path.Combine(folder, CardFileName), JsonSerializer.Serialize(card, JsonOptions));
        File.WriteAllText(Path.Combine(folder, MarkdownFileName), ModelCardMarkdown.Render(card));
    }

    /// <summary>Reads and validates card.json without loading the weights.</summary>
    /// <exception cref="ModelCardException">Missing, unreadable or inconsistent card, or weights that do not match it.</exception>
    public static ModelCard ReadCard(string folder)
    {
        string path = Path.Combine(folder, CardFileName);
        if (!File.Exists(path))
        {
            throw new ModelCardException($"No {CardFileName} in model folder '{folder}'.");
        }

        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), JsonOptions);
        }
        catch (JsonException e)
        {
            throw new ModelCardException($"{path} is not a valid model card: {e.Message}", e);
        }

        return Validate(folder, card ?? throw new ModelCardException($"{path} is empty."));
    }

    /// <summary>Loads and validates a bundle; the network runs on <paramref name="device"/> (CPU when null).</summary>
    /// <exception cref="ModelCardException">The bundle failed a check; the message says which.</exception>
    public static ModelBundle Load(string folder, Device? device = null)
    {
        TorchRuntime.EnsureLoaded();
        var card = ReadCard(folder);
        var network = card.Architecture.CreateNetwork();
        MomentModel model;
        try
        {
            network.load(Path.Combine(folder, card.WeightsFile));
            model = new MomentModel(network, card.Normalisation, device ?? CPU);
        }
        catch (Exception e) when (e is not ModelCardException)
        {
            network.Dispose();
            throw new ModelCardException($"Weights in '{folder}' do not fit architecture {card.Architecture.ArchitectureId}: {e.Message}", e);
        }

        try
        {
            return new ModelBundle(folder, card, model, card.PosteriorHead is { } head ? LoadPosteriorHead(folder, card, head, device ?? CPU) : null);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes a trained posterior head's weights and its record into the bundle's card (card.json and card.md); the
    /// moment network's weights are not touched. Returns the card as written.
    /// </summary>
    public static ModelCard SavePosteriorHead(string folder, ModelCard card, MixturePosteriorHead head, PosteriorHeadTraining training, IReadOnlyList<double> quantileLevels)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(head);
        string weights = Path.Combine(folder, PosteriorHeadCard.DefaultWeightsFile);
        head.Network.save(weights);
        var written = card with
        {
            PosteriorHead = new PosteriorHeadCard(
                head.Network.Spec, head.EmbeddingMean, head.EmbeddingStd, PosteriorHeadCard.DefaultWeightsFile, Sha256(weights), training, [.. quantileLevels]),
        };
        WriteCard(folder, written);
        return written;
    }

    private static MixturePosteriorHead LoadPosteriorHead(string folder, ModelCard card, PosteriorHeadCard head, Device device)
    {
        var network = new MixtureDensityNetwork(head.Spec);
        try
        {
            network.load(Path.Combine(folder, head.WeightsFile));
            return new MixturePosteriorHead(network, head.EmbeddingMean, head.EmbeddingStd, card.Normalisation.TargetMean, card.Normalisation.TargetStd, device);
        }
        catch (Exception e)
        {
            network.Dispose();
            throw new ModelCardException($"Posterior head in '{folder}' does not fit its card: {e.Message}", e);
        }
    }

    /// <summary>
    /// Checks schema version, code major version, architecture, shapes, normalisation and the weights hash.
    /// </summary>
    public static ModelCard Validate(string folder, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.SchemaVersion != ModelCard.CurrentSchemaVersion)
        {
            throw new ModelCardException($"Card schema version {card.SchemaVersion} is not supported (this code reads {ModelCard.CurrentSchemaVersion}).");
        }

        if (MajorVersion(card.CodeVersion) != MajorVersion(CodeVersion))
        {
            throw new ModelCardException($"Model was made by code version {card.CodeVersion}; this is {CodeVersion} (major versions differ).");
        }

        if (card.Architecture is null || !NetworkSpec.KnownArchitectures.Contains(card.Architecture.ArchitectureId))
        {
            throw new ModelCardException(
                $"Unknown architecture '{card.Architecture?.ArchitectureId}'; known: {string.Join(", ", NetworkSpec.KnownArchitectures)}.");
        }

        try
        {
            card.Architecture.Validated();
            card.Normalisation.Validated(card.Architecture.ParameterCount).ValidatedInputs(card.Architecture.InputLength);
        }
        catch (ArgumentException e)
        {
            throw new ModelCardException($"Card has invalid settings: {e.Message}", e);
        }

        if (card.InputShape is null || !card.InputShape.SequenceEqual(card.Architecture.InputShape))
        {
            throw new ModelCardException(
                $"Card input shape [{string.Join(", ", card.InputShape ?? [])}] does not match {card.Architecture.ArchitectureId} [{string.Join(", ", card.Architecture.InputShape)}].");
        }

        if (card.ParameterNames is null || card.ParameterNames.Count != card.Architecture.ParameterCount)
        {
            throw new ModelCardException($"Card lists {card.ParameterNames?.Count ?? 0} parameter names for {card.Architecture.ParameterCount} outputs.");
        }

        if (Path.GetFileName(card.WeightsFile) != card.WeightsFile)
        {
            throw new ModelCardException($"Weights file '{card.WeightsFile}' must be a plain file name inside the bundle.");
        }

        string weights = Path.Combine(folder, card.WeightsFile);
        if (!File.Exists(weights))
        {
            throw new ModelCardException($"Weights file '{weights}' is missing.");
        }

        string actual = Sha256(weights);
        if (!string.Equals(actual, card.WeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelCardException($"SHA-256 of '{weights}' is {actual}, the card says {card.WeightsSha256}: the weights were changed or belong to another card.");
        }

        if (card.PosteriorHead is { } head)
        {
            ValidatePosteriorHead(folder, card, head);
        }

        return card;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Model.Dispose();
        PosteriorHead?.Dispose();
    }

    private static void ValidatePosteriorHead(string folder, ModelCard card, PosteriorHeadCard head)
    {
        try
        {
            head.Spec.Validated();
        }
        catch (ArgumentException e)
        {
            throw new ModelCardException($"Card's posterior head has invalid settings: {e.Message}", e);
        }

        int? embedding = card.Architecture.EmbeddingSize;
        if (head.Spec.ParameterCount != card.Architecture.ParameterCount || embedding != head.Spec.InputFeatures)
        {
            throw new ModelCardException(
                $"Posterior head reads {head.Spec.InputFeatures} features for {head.Spec.ParameterCount} parameter(s); " +
                $"{card.Architecture.ArchitectureId} gives {embedding?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} features for {card.Architecture.ParameterCount}.");
        }

        if (Path.GetFileName(head.WeightsFile) != head.WeightsFile || !File.Exists(Path.Combine(folder, head.WeightsFile)))
        {
            throw new ModelCardException($"Posterior head weights '{head.WeightsFile}' must be a file inside the bundle '{folder}'.");
        }

        string actual = Sha256(Path.Combine(folder, head.WeightsFile));
        if (!string.Equals(actual, head.WeightsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelCardException($"SHA-256 of posterior head '{head.WeightsFile}' is {actual}, the card says {head.WeightsSha256}.");
        }
    }


    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string MajorVersion(string? version)
    {
        if (string.IsNullOrWhiteSpace(version))
        {
            throw new ModelCardException("Card has no code version.");
        }

        int dot = version.IndexOfAny(['.', '+', '-']);
        return dot < 0 ? version : version[..dot];
    }
}
