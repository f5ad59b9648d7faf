using System.Text.Json.Serialization;

namespace StreamProcessor.Torch.Models;

/// <summary>
/// Everything needed to rebuild a moment network before its weights are loaded; stored in the model card. One spec
/// type serves every branch: the phase-space CNNs (2D, 3D) and the fully connected network on feature vectors (MLP).
/// </summary>
/// <param name="ArchitectureId"><see cref="Cnn2DId"/>, <see cref="Cnn3DId"/>, <see cref="MlpId"/> or <see cref="MapCnnId"/>.</param>
/// <param name="ParameterCount">Number of inferred parameters n; the head outputs n means and n sigmas.</param>
/// <param name="BaseChannels">CNNs: channels of the first block; block k has BaseChannels * 2^k. MLP: unused (0).</param>
/// <param name="DropoutProbability">Dropout before the last linear layer.</param>
/// <param name="SigmaFloor">Added to softplus(raw) so sigma (in standardised target units) stays positive.</param>
public sealed record NetworkSpec(string ArchitectureId, int ParameterCount, int BaseChannels, double DropoutProbability, double SigmaFloor)
{
    /// <summary>2D phase-space KDE image, 1 x 48 x 48 (R_proj, v_los); Ho+2019 (arXiv:1902.05950).</summary>
    public const string Cnn2DId = "mass-cnn-2d-v1";

    /// <summary>3D KDE cube, 1 x 50 x 50 x 50 (x, y, v_los); Kodi Ramanah+2020 (arXiv:2009.03340).</summary>
    public const string Cnn3DId = "mass-cnn-3d-v1";

    /// <summary>Fully connected moment network on a feature vector: blocks [Linear, LeakyReLU, Dropout] (reference sheet section 6).</summary>
    public const string MlpId = "moment-mlp-v1";

    /// <summary>Multi-field maps, C x S x S, channels = fields (CAMELS multifield style; reference sheet section 5).</summary>
    public const string MapCnnId = "map-cnn-v1";

    /// <summary>Architectures this code version can rebuild.</summary>
    public static readonly IReadOnlyList<string> KnownArchitectures = [Cnn2DId, Cnn3DId, MlpId, MapCnnId];

    /// <summary>MLP only: values per input vector; null for the CNNs, whose input shape is fixed by the architecture.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? InputFeatures { get; init; }

    /// <summary>MLP only: width of each hidden block, input side first; null for the CNNs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? HiddenWidths { get; init; }

    /// <summary>
    /// MLP only: the input is first projected onto this many whitened principal axes of the training inputs by a frozen
    /// linear layer (<see cref="Training.InputWhitening"/>; its weights travel with the others); null: no whitening.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? WhitenedInputs { get; init; }

    /// <summary>Map CNN only: fields per map (channels); null for the other architectures.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? InputChannels { get; init; }

    /// <summary>Map CNN only: pixels per side of the input maps; null for the other architectures.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ImageSide { get; init; }

    /// <summary>Map CNN only: the input is average-pooled by this factor first (1 = full resolution); null for the others.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? InputPooling { get; init; }

    /// <summary>Defaults for the 2D network: channels 8-16-32-64, about 0.1 M weights.</summary>
    public static NetworkSpec Cnn2D(int parameterCount = 1) => new(Cnn2DId, parameterCount, 8, 0.1, 1e-3);

    /// <summary>Defaults for the 3D network: channels 4-8-16-32, one convolution per block.</summary>
    public static NetworkSpec Cnn3D(int parameterCount = 1) => new(Cnn3DId, parameterCount, 4, 0.1, 1e-3);

    /// <summary>An MLP moment network for <paramref name="inputFeatures"/> inputs and <paramref name="parameterCount"/> parameters.</summary>
    public static NetworkSpec Mlp(int inputFeatures, int parameterCount, IReadOnlyList<int> hiddenWidths, double dropoutProbability) =>
        new(MlpId, parameterCount, 0, dropoutProbability, 1e-3) { InputFeatures = inputFeatures, HiddenWidths = [.. hiddenWidths] };

    /// <summary>A map CNN for <paramref name="channels"/> fields of <paramref name="side"/>² pixels, pooled by <paramref name="pooling"/> first.</summary>
    public static NetworkSpec ForMaps(int channels, int side, int pooling, int parameterCount, int baseChannels, double dropoutProbability) =>
        new(MapCnnId, parameterCount, baseChannels, dropoutProbability, 1e-3) { InputChannels = channels, ImageSide = side, InputPooling = pooling };

    /// <summary>Channel-first input shape of one sample, without the batch axis.</summary>
    [JsonIgnore]
    public IReadOnlyList<int> InputShape => ArchitectureId switch
    {
        Cnn2DId => Shape2D,
        Cnn3DId => Shape3D,
        MlpId => [InputFeatures ?? throw new ArgumentException($"{MlpId} needs {nameof(InputFeatures)}.")],
        MapCnnId => [InputChannels ?? throw new ArgumentException($"{MapCnnId} needs {nameof(InputChannels)}."), ImageSide ?? 0, ImageSide ?? 0],
        _ => throw UnknownArchitecture(),
    };

    /// <summary>
    /// Width of the learned summary a posterior head reads (<see cref="MomentNetwork.EmbeddingSize"/>): the flattened
    /// output of the last convolution block of the phase-space CNNs; null for architectures that expose none.
    /// </summary>
    [JsonIgnore]
    public int? EmbeddingSize => ArchitectureId switch
    {
        Cnn2DId => MassCnn2D.EmbeddingSizeFor(BaseChannels),
        Cnn3DId => MassCnn3D.EmbeddingSizeFor(BaseChannels),
        _ => null,
    };

    /// <summary>Values per sample (product of <see cref="InputShape"/>).</summary>
    [JsonIgnore]
    public int InputLength => InputShape.Aggregate(1, (a, b) => a * b);

    // Shared, never mutated: the shape is read in hot loops of the inference service.
    private static readonly IReadOnlyList<int> Shape2D = Array.AsReadOnly([1, MassCnn2D.ImageSize, MassCnn2D.ImageSize]);
    private static readonly IReadOnlyList<int> Shape3D = Array.AsReadOnly([1, MassCnn3D.CubeSize, MassCnn3D.CubeSize, MassCnn3D.CubeSize]);

    /// <summary>Throws when a field is out of range or the architecture is unknown.</summary>
    public NetworkSpec Validated()
    {
        if (!KnownArchitectures.Contains(ArchitectureId))
        {
            throw UnknownArchitecture();
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ParameterCount, 1);
        if (ArchitectureId == MlpId)
        {
            if (InputFeatures is not >= 1 || HiddenWidths is not { Count: >= 1 } || HiddenWidths.Any(w => w < 1))
            {
                throw new ArgumentException($"{MlpId} needs InputFeatures >= 1 and at least one hidden width >= 1.", nameof(HiddenWidths));
            }

            if (WhitenedInputs is { } whitened && (whitened < 1 || whitened > InputFeatures))
            {
                throw new ArgumentException($"WhitenedInputs must lie in 1..{InputFeatures}, got {whitened}.", nameof(WhitenedInputs));
            }
        }
        else if (WhitenedInputs is not null)
        {
            throw new ArgumentException($"WhitenedInputs is for {MlpId} only.", nameof(WhitenedInputs));
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(BaseChannels, 1);
        }

        if (ArchitectureId == MapCnnId)
        {
            int pooled = ImageSide is >= 1 && InputPooling is >= 1 ? ImageSide.Value / InputPooling.Value : 0;
            bool powerOfTwo = pooled >= 2 * Models.MapCnn.FinalSide && (pooled & (pooled - 1)) == 0 && pooled * InputPooling == ImageSide;
            if (InputChannels is not >= 1 || !powerOfTwo)
            {
                throw new ArgumentException(
                    $"{MapCnnId} needs InputChannels >= 1 and ImageSide / InputPooling a power of two >= {2 * Models.MapCnn.FinalSide} (got {InputChannels}, {ImageSide}, {InputPooling}).",
                    nameof(ImageSide));
            }
        }

        ArgumentOutOfRangeException.ThrowIfNegative(DropoutProbability);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(DropoutProbability, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SigmaFloor);
        return this;
    }

    /// <summary>Builds the untrained network (weights from the current torch seed).</summary>
    public MomentNetwork CreateNetwork() => Validated().ArchitectureId switch
    {
        Cnn2DId => new MassCnn2D(this),
        Cnn3DId => new MassCnn3D(this),
        MapCnnId => new MapCnn(this),
        _ => new MomentMlp(this),
    };

    private ArgumentException UnknownArchitecture() => new(
        $"Unknown architecture '{ArchitectureId}'; this code knows {string.Join(", ", KnownArchitectures)}.", nameof(ArchitectureId));
}
