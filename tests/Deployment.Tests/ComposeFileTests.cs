namespace StreamProcessor.Deployment.Tests;

/// <summary>docker-compose.yml: images, Kafka in KRaft mode, start order, health checks and what Prometheus scrapes.</summary>
public sealed class ComposeFileTests
{
    private static readonly string[] Workers = ["phase-space", "mass-inference", "massfunction", "profile-inference", "map-features", "map-inference"];

    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void Every_service_with_a_build_has_its_Dockerfile_in_its_own_service_folder()
    {
        var built = _compose.Services.Where(s => s.Value.Child("build") is not null).ToList();

        Assert.NotEmpty(built);
        foreach (var (name, service) in built)
        {
            var build = service.Child("build")!;
            Assert.Equal(".", build.Scalar("context"));
            string dockerfile = build.Scalar("dockerfile") ?? "Dockerfile";
            Assert.Equal($"services/{name}/Dockerfile", dockerfile);
            Assert.True(File.Exists(RepositoryRoot.Resolve(dockerfile)), $"service {name} builds {dockerfile}, which does not exist");
        }
    }

    [Fact]
    public void Every_service_Dockerfile_is_built_by_compose()
    {
        var dockerfiles = Directory.GetDirectories(RepositoryRoot.Resolve("services"))
            .Where(folder => File.Exists(Path.Combine(folder, "Dockerfile")))
            .Select(folder => Path.GetFileName(folder))
            .OfType<string>()
            .ToHashSet();
        var built = _compose.Services.Where(s => s.Value.Child("build") is not null).Select(s => s.Key).ToHashSet();

        Assert.Equal(dockerfiles, built);
    }

    [Fact]
    public void Kafka_is_the_official_apache_image_running_KRaft_as_combined_broker_and_controller()
    {
        var kafka = _compose.Service("kafka");
        var environment = ComposeFile.Environment(kafka);

        Assert.StartsWith("apache/kafka:", kafka.Scalar("image"), StringComparison.Ordinal);
        Assert.Equal(["broker", "controller"], environment["KAFKA_PROCESS_ROLES"].Split(',').Order());
        string nodeId = environment["KAFKA_NODE_ID"];
        string controllerListener = environment["KAFKA_CONTROLLER_LISTENER_NAMES"];
        string controllerPort = Listener(environment["KAFKA_LISTENERS"], controllerListener).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"{nodeId}@kafka:{controllerPort}", environment["KAFKA_CONTROLLER_QUORUM_VOTERS"]);
        Assert.False(string.IsNullOrEmpty(environment.GetValueOrDefault("CLUSTER_ID")), "KRaft needs CLUSTER_ID to format its log directory");
        Assert.DoesNotContain(environment.Keys, k => k.Contains("ZOOKEEPER", StringComparison.Ordinal));
        Assert.Equal("1", environment["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"]);
        Assert.Equal("false", environment["KAFKA_AUTO_CREATE_TOPICS_ENABLE"]);
    }

    [Fact]
    public void Workers_tools_and_kafka_init_bootstrap_from_the_broker_address_advertised_inside_the_network()
    {
        var kafka = ComposeFile.Environment(_compose.Service("kafka"));
        var advertised = Listener(kafka["KAFKA_ADVERTISED_LISTENERS"], kafka["KAFKA_INTER_BROKER_LISTENER_NAME"]);
        string bootstrap = $"{advertised.Host}:{advertised.Port}";

        Assert.Equal("kafka", advertised.Host);
        Assert.Equal(bootstrap, ComposeFile.Environment(_compose.Service("kafka-init"))["BOOTSTRAP_SERVERS"]);
        foreach (string service in Workers.Concat(["ingest", "subscribe"]))
        {
            Assert.Equal(bootstrap, ComposeFile.Environment(_compose.Service(service)).GetValueOrDefault("Kafka__BootstrapServers"));
        }
    }

    [Fact]
    public void Kafka_init_runs_the_mounted_topic_script_once_the_broker_is_healthy()
    {
        var init = _compose.Service("kafka-init");
        var mount = Assert.Single(ComposeFile.BindMounts(init));

        Assert.Equal(_compose.Service("kafka").Scalar("image"), init.Scalar("image"));
        Assert.Equal("./infra/kafka/create-topics.sh", mount.Source);
        Assert.Contains(mount.Target, init.Child("entrypoint").Words());
        Assert.Equal("service_healthy", init.Child("depends_on").Child("kafka").Scalar("condition"));
        Assert.Equal("no", init.Scalar("restart"));
        Assert.Contains("kafka-broker-api-versions.sh", string.Join(' ', _compose.Service("kafka").Child("healthcheck").Child("test").Words()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phase-space")]
    [InlineData("mass-inference")]
    [InlineData("massfunction")]
    [InlineData("profile-inference")]
    [InlineData("map-features")]
    [InlineData("map-inference")]
    [InlineData("ingest")]
    [InlineData("subscribe")]
    public void Service_starts_only_after_kafka_init_completed_successfully(string service)
    {
        Assert.Equal(
            "service_completed_successfully",
            _compose.Service(service).Child("depends_on").Child("kafka-init").Scalar("condition"));
    }

    [Theory]
    [InlineData("phase-space", 9401)]
    [InlineData("mass-inference", 9402)]
    [InlineData("massfunction", 9403)]
    [InlineData("profile-inference", 9404)]
    [InlineData("map-features", 9405)]
    [InlineData("map-inference", 9406)]
    public void Worker_listens_on_all_interfaces_and_its_healthcheck_probes_readiness_on_that_port(string service, int port)
    {
        var node = _compose.Service(service);
        var url = _compose.WorkerUrls[service];

        Assert.Equal("0.0.0.0", url.Host);
        Assert.Equal(port, url.Port);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), node.Child("expose").Words());
        Assert.Contains($"http://127.0.0.1:{port}/health/ready", node.Child("healthcheck").Child("test").Words());
    }

    [Fact]
    public void Prometheus_scrapes_every_worker_on_the_port_it_listens_on_and_nothing_else()
    {
        var jobs = PrometheusConfig.Jobs().Where(j => j.Name != "prometheus").ToList();
        var scraped = jobs.SelectMany(j => j.Targets).ToHashSet();
        var workers = _compose.WorkerUrls.Select(w => (w.Key, w.Value.Port)).ToHashSet();

        Assert.Equal(Workers.Order(), _compose.WorkerUrls.Keys.Order());
        Assert.Equal(workers, scraped);
        Assert.All(jobs, j => Assert.Equal(j.Name, Assert.Single(j.Targets).Host));
    }

    [Fact]
    public void Prometheus_scrapes_every_5_seconds_and_loads_the_alert_rules()
    {
        var config = YamlNodes.LoadMapping(PrometheusConfig.RelativePath);

        Assert.Equal("5s", config.Child("global").Scalar("scrape_interval"));
        Assert.Equal(["alerts.yml"], config.Child("rule_files").Words());
    }

    [Fact]
    public void Prometheus_and_Grafana_mount_the_infra_folders_where_their_configuration_expects_them()
    {
        var prometheus = ComposeFile.BindMounts(_compose.Service("prometheus"));
        var grafana = ComposeFile.BindMounts(_compose.Service("grafana"));
        string dashboardsPath = YamlNodes.LoadMapping("infra/grafana/provisioning/dashboards/dashboards.yml")
            .Child("providers").Items().Single().Child("options").Scalar("path") ?? string.Empty;
        string configFlag = _compose.Service("prometheus").Child("command").Words().Single(a => a.StartsWith("--config.file=", StringComparison.Ordinal));

        Assert.Contains(("./infra/prometheus", "/etc/prometheus"), prometheus);
        Assert.Equal("--config.file=/etc/prometheus/prometheus.yml", configFlag);
        Assert.Contains(("./infra/grafana/provisioning", "/etc/grafana/provisioning"), grafana);
        Assert.Contains(("./infra/grafana/dashboards", dashboardsPath), grafana);
        Assert.StartsWith(dashboardsPath + "/", ComposeFile.Environment(_compose.Service("grafana"))["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bind_mounted_host_path_exists_in_the_repository()
    {
        var mounts = _compose.Services.Values.SelectMany(ComposeFile.BindMounts).ToList();

        Assert.NotEmpty(mounts);
        Assert.All(mounts, m => Assert.True(
            File.Exists(RepositoryRoot.Resolve(m.Source)) || Directory.Exists(RepositoryRoot.Resolve(m.Source)),
            $"{m.Source} (mounted at {m.Target}) does not exist"));
    }

    [Fact]
    public void Every_named_volume_a_service_uses_is_declared()
    {
        var declared = _compose.Root.Child("volumes").Entries().Select(e => e.Key).ToHashSet();
        var used = _compose.Services.Values
            .SelectMany(s => s.Child("volumes").Words())
            .Select(v => v.Split(':')[0])
            .Where(source => !source.StartsWith('.') && !source.StartsWith('/'))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Equal(declared, used);
    }

    [Fact]
    public void Every_depends_on_names_a_service_of_the_file_with_a_valid_condition()
    {
        string[] conditions = ["service_started", "service_healthy", "service_completed_successfully"];
        foreach (var (name, service) in _compose.Services)
        {
            foreach (var (dependency, spec) in service.Child("depends_on").Entries())
            {
                Assert.True(_compose.Services.ContainsKey(dependency), $"{name} depends on unknown service {dependency}");
                Assert.Contains(spec.Scalar("condition"), conditions);
                if (spec.Scalar("condition") == "service_healthy")
                {
                    Assert.NotNull(_compose.Service(dependency).Child("healthcheck"));
                }
            }
        }
    }

    /// <summary>The host and port of listener <paramref name="name"/> in a Kafka listener list "NAME://host:port,...".</summary>
    private static (string Host, int Port) Listener(string listeners, string name)
    {
        string entry = listeners.Split(',').Single(l => l.StartsWith(name + "://", StringComparison.Ordinal));
        string address = entry[(name.Length + 3)..];
        int colon = address.LastIndexOf(':');
        return (address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
