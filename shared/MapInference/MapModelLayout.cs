using System.Text.Json;
using System.Text.Json.Serialization;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.MapInference;

/// <summary>
/// What a map model reads, stored beside its bundle as map-layout.json: the fields in channel order, the grid
/// (side and physical pixel size) and the survey profile whose detection floors its training maps had. The inference
/// step matches a <see cref="MapFeatures"/> record to the model whose channels it carries.
/// </summary>
/// <param name="Channels">Field kinds, in channel order.</param>
/// <param name="Side">Pixels per side.</param>
/// <param name="PixelKpc">Physical pixel side, kpc.</param>
/// <param name="LimitsProfile">Survey profile of the training maps ("idealised", "erass4-mhongoose", ...).</param>
/// <param name="GalaxyFormationModel">The galaxy-formation model that made the training maps.</param>
public sealed record MapModelLayout(
    IReadOnlyList<SkyMapFieldKind> Channels, int Side, double PixelKpc, string LimitsProfile, string GalaxyFormationModel)
{
    public const string FileName = "map-layout.json";

    // Field kinds as "xray-surface-brightness" / "hi-column-density", the schema's words, not enum ordinals.
    private static readonly JsonSerializerOptions JsonOptions = new(ModelBundle.JsonOptions)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Values per sample: channels × side².</summary>
    public int InputLength => Channels.Count * Side * Side;

    /// <summary>"xray+hi"-style label of the channels, for logs and model choice.</summary>
    public string ChannelLabel => Label(Channels);

    /// <summary>"xray", "hi" or "xray+hi" for a list of kinds.</summary>
    public static string Label(IEnumerable<SkyMapFieldKind> kinds) =>
        string.Join("+", kinds.Select(k => k == SkyMapFieldKind.XraySurfaceBrightness ? "xray" : "hi"));

    /// <summary>Reads map-layout.json from <paramref name="folder"/>.</summary>
    /// <exception cref="ModelCardException">The file is missing or unreadable.</exception>
    public static MapModelLayout Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new ModelCardException($"'{folder}' has no {FileName}: a map model needs its layout beside the weights.");
        try
        {
            var layout = JsonSerializer.Deserialize<MapModelLayout>(File.ReadAllText(path), JsonOptions);
            return layout is { Channels.Count: > 0, Side: > 0, PixelKpc: > 0 }
                ? layout
                : throw new ModelCardException($"{path} lacks channels, side or pixel size.");
        }
        catch (JsonException e)
        {
            throw new ModelCardException($"{path} is not a valid map layout: {e.Message}");
        }
    }

    /// <summary>Writes map-layout.json into <paramref name="folder"/>.</summary>
    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, JsonOptions));
}
