using System.Text.Json;
using System.Text.Json.Serialization;
using StreamProcessor.Emulation.Profiles;
using StreamProcessor.Torch.Bundles;

namespace StreamProcessor.ProfileInference;

/// <summary>
/// profile-layout.json of a model bundle (<see cref="ProfileLayout.FileName"/>): written by whoever saves the bundle,
/// read by the service, in the bundle's snake_case JSON (<see cref="ModelBundle.JsonOptions"/>), so the trainer and
/// the service build the same feature vector.
/// </summary>
public static class ProfileLayoutFile
{
    // Kinds are written as the bundle's options write enums (numbers); names ("GasDensity") are read too, so a
    // hand-edited or differently serialised layout still loads.
    private static readonly JsonSerializerOptions ReadOptions = new(ModelBundle.JsonOptions)
    {
        Converters = { new JsonStringEnumConverter<ProfileKind>(allowIntegerValues: true) },
    };

    /// <summary>The validated layout of the bundle in <paramref name="folder"/>.</summary>
    /// <exception cref="ModelCardException">The file is missing, unreadable or describes no valid layout.</exception>
    public static ProfileLayout Read(string folder)
    {
        string path = Path.Combine(folder, ProfileLayout.FileName);
        if (!File.Exists(path))
        {
            throw new ModelCardException($"No {ProfileLayout.FileName} in model folder '{folder}': a profile model needs its feature layout.");
        }

        try
        {
            var layout = JsonSerializer.Deserialize<ProfileLayout>(File.ReadAllText(path), ReadOptions)
                ?? throw new ModelCardException($"{path} is empty.");
            if (layout.Kinds is null || layout.RadiiMpcOverH is null)
            {
                throw new ModelCardException($"{path} lacks kinds or radii_mpc_over_h.");
            }

            return layout.Validated();
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new ModelCardException($"{path} is not a valid profile layout: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="layout"/> into the bundle folder <paramref name="folder"/>.</summary>
    public static void Write(string folder, ProfileLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        File.WriteAllText(Path.Combine(folder, ProfileLayout.FileName), JsonSerializer.Serialize(layout.Validated(), ModelBundle.JsonOptions));
    }
}
