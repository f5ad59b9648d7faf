using System.Text.Json;
using Apache.Arrow.Ipc;
using StreamProcessor.Contracts.Arrow;

namespace StreamProcessor.Integration.Tests;

/// <summary>
/// Node.js (npm's apache-arrow, tests/interop-node/read-golden.mjs) decodes every golden file under schemas/, the 1.1
/// samples of stacked-profile, posterior and sky-map, the posterior 1.2 sample and the map-features 1.0 sample included, to the values the C# Arrow reader reads: a JavaScript consumer
/// sees every column of every version, nulls as nulls.
/// </summary>
public sealed class NodeGoldenFileTests
{
    [Fact]
    public async Task Node_reads_every_golden_file_to_the_values_the_CSharp_reader_reads()
    {
        string[] files = [.. Directory.GetFiles(Path.Combine(RepoPaths.Root, "schemas"), "*.golden.arrows", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

        var (code, output) = await Tools.RunAsync("node", [Path.Combine(RepoPaths.Root, "tests", "interop-node", "read-golden.mjs"), .. files], timeout: TimeSpan.FromSeconds(120));

        Assert.True(code == 0, output);
        var decoded = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(files.Length, decoded.Count);
        Assert.Contains(decoded, d => (d.GetProperty("schema").GetString(), d.GetProperty("schemaVersion").GetString()) == ("stacked-profile", "1.1"));
        Assert.Contains(decoded, d => (d.GetProperty("schema").GetString(), d.GetProperty("schemaVersion").GetString()) == ("posterior", "1.1"));
        Assert.Contains(decoded, d => (d.GetProperty("schema").GetString(), d.GetProperty("schemaVersion").GetString()) == ("posterior", "1.2"));
        Assert.Contains(decoded, d => (d.GetProperty("schema").GetString(), d.GetProperty("schemaVersion").GetString()) == ("sky-map", "1.1"));
        Assert.Contains(decoded, d => (d.GetProperty("schema").GetString(), d.GetProperty("schemaVersion").GetString()) == ("map-features", "1.0"));
        foreach (var file in decoded)
        {
            string path = file.GetProperty("file").GetString()!;
            using var reader = new ArrowStreamReader(new ReadOnlyMemory<byte>(File.ReadAllBytes(path)));
            using var batch = reader.ReadNextRecordBatch();
            var node = file.GetProperty("row");
            Assert.Equal(1, file.GetProperty("rows").GetInt32());
            foreach (var (column, value) in ArrowRows.ToRow(batch))
            {
                Assert.True(node.TryGetProperty(column, out var seen), $"{path}: node has no column {column}");
                AssertSame(value, seen, $"{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)} {column}");
            }
        }
    }

    /// <summary>A value of <see cref="ArrowRows"/> against its JSON form from Node (timestamps as epoch milliseconds).</summary>
    private static void AssertSame(object? expected, JsonElement actual, string where)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual.ValueKind == JsonValueKind.Null, $"{where}: expected null, node read {actual}");
                break;
            case string s:
                Assert.Equal(s, actual.GetString());
                break;
            case bool b:
                Assert.Equal(b, actual.GetBoolean());
                break;
            case DateTimeOffset t:
                Assert.Equal(t.ToUnixTimeMilliseconds(), actual.GetInt64());
                break;
            case object?[] list:
                Assert.True(actual.ValueKind == JsonValueKind.Array && actual.GetArrayLength() == list.Length, $"{where}: expected {list.Length} elements, node read {actual.ValueKind}");
                for (int i = 0; i < list.Length; i++) AssertSame(list[i], actual[i], $"{where}[{i}]");
                break;
            default:
                // Every number the contracts hold is exact as a double (float32 widens exactly), and JSON carries the shortest round-trip text.
                Assert.True(Convert.ToDouble(expected, System.Globalization.CultureInfo.InvariantCulture) == actual.GetDouble(), $"{where}: expected {expected}, node read {actual}");
                break;
        }
    }
}
