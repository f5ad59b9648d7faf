using System.Globalization;
using StreamProcessor.Hosting;

namespace StreamProcessor.Deployment.Tests;

/// <summary>
/// infra/kafka/create-topics.sh, run by bash against a stand-in kafka-topics.sh that records its arguments:
/// it must create exactly the topics of shared/Hosting/TopicCatalog.cs, with their partitions and retention (or compaction).
/// </summary>
public sealed class CreateTopicsScriptTests : IDisposable
{
    private const string Script = "infra/kafka/create-topics.sh";

    private readonly string _bin = Directory.CreateTempSubdirectory("kafka-bin-").FullName;

    public CreateTopicsScriptTests()
    {
        // The stand-in records every call, one line each, answers --list with LIST_EXIT_CODE, and on --create
        // drains its stdin as a JVM may: a script feeding its topic table on stdin would then lose the rest.
        string stub = Path.Combine(_bin, "kafka-topics.sh");
        File.WriteAllText(stub, """
            #!/usr/bin/env bash
            echo "$*" >> "$CALLS"
            for a in "$@"; do
              [ "$a" = --list ] && exit "${LIST_EXIT_CODE:-0}"
              [ "$a" = --create ] && cat > /dev/null
            done
            exit 0

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_bin, recursive: true);

    [Fact]
    public void Script_creates_every_catalogue_topic_with_its_partitions_and_retention_or_compaction()
    {
        var (result, calls) = RunScript(listExitCode: 0);

        Assert.True(result.ExitCode == 0, result.Describe($"bash {Script}"));
        var created = calls.Where(c => c.Contains("--create", StringComparison.Ordinal)).Select(Arguments).ToList();
        Assert.Equal(TopicCatalog.All.Count, created.Count);
        foreach (var topic in TopicCatalog.All)
        {
            var call = Assert.Single(created, c => c["--topic"] == topic.Name);
            Assert.Equal(topic.Partitions.ToString(CultureInfo.InvariantCulture), call["--partitions"]);
            var config = Assert.Single(topic.Configs());
            Assert.Equal($"{config.Key}={config.Value}", call["--config"]);
            Assert.Equal("test-broker:9092", call["--bootstrap-server"]);
            Assert.Equal("3", call["--replication-factor"]);
            Assert.True(call.ContainsKey("--if-not-exists"), "re-running kafka-init must not fail on existing topics");
        }
    }

    [Fact]
    public void Catalogue_has_a_dead_letter_topic_for_every_input_topic_the_script_creates()
    {
        var names = TopicCatalog.All.Select(t => t.Name).ToHashSet();
        string[] inputs = ["catalogues", "maps", "profiles", "features.phase-space", "posteriors.mass"];

        Assert.All(inputs, input => Assert.Contains(StreamProcessor.Contracts.Topics.DeadLetter(input), names));
    }

    [Fact]
    public void Script_fails_when_the_broker_never_answers()
    {
        var (result, calls) = RunScript(listExitCode: 1);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not ready", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(calls, c => c.Contains("--create", StringComparison.Ordinal));
    }

    private (ProcessResult Result, IReadOnlyList<string> Calls) RunScript(int listExitCode)
    {
        string bash = ExternalCommand.Require("bash", "The topic script is a bash script.");
        string calls = Path.Combine(_bin, "calls.log");
        var result = ExternalCommand.Run(bash, [RepositoryRoot.Resolve(Script)], RepositoryRoot.Path, new Dictionary<string, string>
        {
            ["KAFKA_BIN"] = _bin,
            ["CALLS"] = calls,
            ["LIST_EXIT_CODE"] = listExitCode.ToString(CultureInfo.InvariantCulture),
            ["BOOTSTRAP_SERVERS"] = "test-broker:9092",
            ["REPLICATION_FACTOR"] = "3",
            ["WAIT_SECONDS"] = "0",
        });
        return (result, File.Exists(calls) ? File.ReadAllLines(calls) : []);
    }

    /// <summary>"--a 1 --flag --b x" → {--a: 1, --flag: "", --b: x}.</summary>
    private static Dictionary<string, string> Arguments(string call)
    {
        var words = call.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].StartsWith("--", StringComparison.Ordinal))
            {
                bool hasValue = i + 1 < words.Length && !words[i + 1].StartsWith("--", StringComparison.Ordinal);
                arguments[words[i]] = hasValue ? words[++i] : string.Empty;
            }
        }

        return arguments;
    }
}
