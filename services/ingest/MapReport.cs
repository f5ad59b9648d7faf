using System.Globalization;
using StreamProcessor.Ingestion.Maps;

namespace StreamProcessor.IngestCli;

/// <summary>What `ingest maps` prints about its input: files read, maps accepted, then every refused file or row with its reason.</summary>
public static class MapReport
{
    public static async Task WriteAsync(TextWriter output, int files, MapAssembly assembly)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{files} files: {assembly.Maps.Count} maps accepted, {assembly.Rejections.Count} rejected"));
        foreach (var rejection in assembly.Rejections)
        {
            await output.WriteLineAsync($"  rejected {rejection.Source} (map {rejection.MapId ?? "?"}): {rejection.Reason}");
        }
    }
}
