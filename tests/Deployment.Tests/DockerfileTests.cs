using System.Globalization;
using System.Xml.Linq;

namespace StreamProcessor.Deployment.Tests;

/// <summary>services/*/Dockerfile: multi-stage .NET 10 builds that run the service's own assembly as a non-root user.</summary>
public sealed class DockerfileTests
{
    public static TheoryData<string> Services => new() { "phase-space", "mass-inference", "massfunction", "profile-inference", "map-features", "map-inference", "ingest", "subscribe" };

    public static TheoryData<string, int> Workers => new() { { "phase-space", 9401 }, { "mass-inference", 9402 }, { "massfunction", 9403 }, { "profile-inference", 9404 }, { "map-features", 9405 }, { "map-inference", 9406 } };

    [Theory]
    [MemberData(nameof(Services))]
    public void Dockerfile_builds_with_the_SDK_and_runs_on_the_ASP_NET_runtime_in_two_stages(string service)
    {
        var dockerfile = Load(service);
        var stages = dockerfile.Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToList();

        Assert.Equal(2, stages.Count);
        Assert.Contains("mcr.microsoft.com/dotnet/sdk:10.0", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", stages[1], StringComparison.Ordinal);
        Assert.Contains(dockerfile.FinalStage, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Dockerfile_publishes_its_own_service_folder_in_Release(string service)
    {
        var runs = Load(service).Instructions.Where(i => i.Keyword == "RUN" && i.Stage == 0).Select(i => i.Arguments).ToList();

        Assert.Contains(runs, r => r.StartsWith($"dotnet restore services/{service} ", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.StartsWith($"dotnet publish services/{service} -c Release ", StringComparison.Ordinal) && r.EndsWith("-o /app", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Final_stage_runs_as_a_user_that_is_not_root(string service)
    {
        var users = Load(service).FinalStage.Where(i => i.Keyword == "USER").Select(i => i.Arguments).ToList();

        Assert.NotEmpty(users);
        string user = users[^1].Split(':')[0];
        Assert.DoesNotContain(user, (string[])["root", "0", "$UID", string.Empty]);
        Assert.Equal("$APP_UID", user);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Entrypoint_runs_the_assembly_the_service_project_builds(string service)
    {
        var entrypoint = Assert.Single(Load(service).Instructions, i => i.Keyword == "ENTRYPOINT");
        string[] projects = Directory.GetFiles(RepositoryRoot.Resolve($"services/{service}"), "*.csproj");
        Assert.True(projects.Length == 1, $"services/{service} should hold one project, found {projects.Length}");
        string assembly = XDocument.Load(projects[0]).Descendants("AssemblyName").Select(e => e.Value).LastOrDefault()
            ?? Path.GetFileNameWithoutExtension(projects[0]);

        Assert.Equal(service, assembly);
        Assert.Equal($"[\"dotnet\", \"{assembly}.dll\"]", entrypoint.Arguments);
    }

    [Theory]
    [MemberData(nameof(Workers))]
    public void Worker_image_binds_exposes_and_health_checks_the_port_compose_and_Prometheus_use(string service, int port)
    {
        var finalStage = Load(service).FinalStage.ToList();
        string env = string.Join(' ', finalStage.Where(i => i.Keyword == "ENV").Select(i => i.Arguments));
        var healthcheck = Assert.Single(finalStage, i => i.Keyword == "HEALTHCHECK");

        Assert.Contains($"urls=http://0.0.0.0:{port}", env, StringComparison.Ordinal);
        Assert.Contains(finalStage, i => i.Keyword == "EXPOSE" && i.Arguments == port.ToString(CultureInfo.InvariantCulture));
        Assert.Contains($"http://127.0.0.1:{port}/health/ready", healthcheck.Arguments, StringComparison.Ordinal);
        Assert.Equal(port, ComposeFile.Load().WorkerUrls[service].Port);
    }

    [Theory]
    [InlineData("mass-inference")]
    [InlineData("profile-inference")]
    [InlineData("map-inference")]
    public void Inference_image_carries_the_model_folder(string service)
    {
        var copy = Assert.Single(Load(service).FinalStage, i => i.Keyword == "COPY" && i.Arguments.StartsWith("models/", StringComparison.Ordinal));

        Assert.Equal("models/ ./models/", copy.Arguments);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_file_the_Dockerfile_copies_from_the_build_context_exists_and_is_not_dockerignored(string service)
    {
        var ignoredFolders = RepositoryRoot.ReadAllText(".dockerignore").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.Contains('*', StringComparison.Ordinal))
            .Select(l => l.TrimEnd('/'))
            .ToList();
        var copies = Load(service).Instructions.Where(i => i.Keyword == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            string[] words = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
            foreach (string source in words[..^1])
            {
                Assert.DoesNotContain(ignoredFolders, folder => source.TrimEnd('/') == folder || source.StartsWith(folder + "/", StringComparison.Ordinal));
                Assert.True(ContextHas(source), $"services/{service}/Dockerfile copies {source}, which is not in the repository");
            }
        }
    }

    [Fact]
    public void Dockerignore_keeps_build_outputs_and_git_out_of_the_context()
    {
        var lines = RepositoryRoot.ReadAllText(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet();

        Assert.Subset(lines, new HashSet<string> { "**/bin/", "**/obj/", "artifacts/", ".git", "**/node_modules/" });
    }

    private static Dockerfile Load(string service) => Dockerfile.Load($"services/{service}/Dockerfile");

    /// <summary>A COPY source relative to the repository root; a trailing wildcard file name must match a file.</summary>
    private static bool ContextHas(string source)
    {
        if (source.Contains('*', StringComparison.Ordinal))
        {
            string folder = RepositoryRoot.Resolve(Path.GetDirectoryName(source) ?? ".");
            return Directory.Exists(folder) && Directory.GetFiles(folder, Path.GetFileName(source)).Length > 0;
        }

        string path = RepositoryRoot.Resolve(source);
        return File.Exists(path) || (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any());
    }
}
