using System.Globalization;

namespace StreamProcessor.Deployment.Tests;

/// <summary>infra/prometheus/prometheus.yml: static and DNS-discovered targets per job.</summary>
internal static class PrometheusConfig
{
    public const string RelativePath = "infra/prometheus/prometheus.yml";

    public static IReadOnlyList<ScrapeJob> Jobs()
    {
        var root = YamlNodes.LoadMapping(RelativePath);
        var jobs = new List<ScrapeJob>();
        foreach (var job in root.Child("scrape_configs").Items())
        {
            var targets = new List<(string, int)>();
            foreach (var group in job.Child("static_configs").Items())
            {
                foreach (var target in group.Child("targets").Words())
                {
                    int colon = target.LastIndexOf(':');
                    targets.Add((target[..colon], int.Parse(target[(colon + 1)..], CultureInfo.InvariantCulture)));
                }
            }

            foreach (var discovery in job.Child("dns_sd_configs").Items())
            {
                int port = int.Parse(discovery.Scalar("port") ?? "0", CultureInfo.InvariantCulture);
                targets.AddRange(discovery.Child("names").Words().Select(name => (name, port)));
            }

            jobs.Add(new ScrapeJob(job.Scalar("job_name") ?? string.Empty, targets));
        }

        return jobs;
    }
}
