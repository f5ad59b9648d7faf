using Apache.Arrow;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;
using StreamProcessor.Ingestion.Tables;

namespace StreamProcessor.Ingestion.Maps;

/// <summary>
/// Reads an Arrow IPC file or stream of sky-map rows (the columns of schema sky-map, e.g. what `subscribe maps` writes):
/// each row is validated by <see cref="SkyMapCodec"/> on its own, so one bad row refuses only itself.
/// </summary>
public sealed class SkyMapTable(CodecLimits? limits = null)
{
    private readonly SkyMapCodec _codec = new(limits);

    public async Task<MapAssembly> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        string source = Path.GetFileName(path);
        var maps = new List<SkyMap>();
        var rejections = new List<MapRejection>();
        long row = 0;
        try
        {
            await foreach (var batch in ArrowTables.ReadBatchesAsync(path, cancellationToken))
            {
                using (batch)
                {
                    for (int i = 0; i < batch.Length; i++)
                    {
                        row++;
                        using var one = batch.Slice(i, 1);
                        try
                        {
                            maps.Add(_codec.FromRecordBatch(one));
                        }
                        catch (RecordValidationException e)
                        {
                            rejections.Add(new MapRejection($"{source} row {row}", ArrowTables.Text(batch, "map_id", i), $"{e.Reason.ToLabel()} {e.Message}"));
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or FormatException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            // A damaged IPC stream: the file is refused as a whole; rows already read stay refused with it.
            return new MapAssembly([], [new MapRejection(source, null, $"malformed Arrow: {e.Message}")]);
        }

        return new MapAssembly(maps, rejections);
    }
}
