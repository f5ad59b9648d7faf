using StreamProcessor.Hosting;
using StreamProcessor.Kafka.Embedded;

namespace StreamProcessor.Broker;

/// <summary>
/// Serves the embedded broker to separate service processes. Prints "bootstrap: host:port" first, then accepts
/// fault-injection commands on standard input ("down [broker]", "up [broker]", "quit") for the reliability drills.
/// </summary>
public static class StandaloneBroker
{
    public static async Task<int> RunAsync(int brokers, FileInfo? addressFile, TextReader commands, TextWriter output, CancellationToken cancellationToken)
    {
        using var cluster = EmbeddedKafkaCluster.Start(brokers);
        cluster.CreateTopics(TopicCatalog.All);
        await output.WriteLineAsync($"bootstrap: {cluster.BootstrapServers}");
        await output.WriteLineAsync($"topics: {string.Join(", ", TopicCatalog.All.Select(t => $"{t.Name}({t.Partitions})"))}");
        await output.FlushAsync(cancellationToken);
        if (addressFile is not null) await File.WriteAllTextAsync(addressFile.FullName, cluster.BootstrapServers, cancellationToken);

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                string? line = await commands.ReadLineAsync(cancellationToken);
                if (line is null)
                {
                    // No (more) standard input, e.g. started in the background: serve until stopped.
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
                }

                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) continue;
                int broker = words.Length > 1 && int.TryParse(words[1], out int id) ? id : 1;
                switch (words[0])
                {
                    case "down":
                        cluster.SetBrokerDown(broker);
                        await output.WriteLineAsync($"broker {broker} down");
                        break;
                    case "up":
                        cluster.SetBrokerUp(broker);
                        await output.WriteLineAsync($"broker {broker} up");
                        break;
                    case "quit":
                        return 0;
                    default:
                        await output.WriteLineAsync($"unknown command '{words[0]}' (down [id] | up [id] | quit)");
                        break;
                }

                await output.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // SIGTERM / Ctrl+C: System.CommandLine cancels the token; fall through to dispose the cluster.
        }

        return 0;
    }
}
