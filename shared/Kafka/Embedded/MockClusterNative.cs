using System.Runtime.InteropServices;
using System.Text;

namespace StreamProcessor.Kafka.Embedded;

/// <summary>
/// librdkafka's mock cluster API (rdkafka_mock.h), resolved from the librdkafka that Confluent.Kafka has
/// already loaded. On Debian that is the centos8 variant Confluent picks by itself; loading it a second time
/// through Confluent's Library.Load fails, so we find the mapped file and resolve exports from it.
/// </summary>
internal static unsafe class MockClusterNative
{
    private const int ProducerType = 0; // RD_KAFKA_PRODUCER
    private static readonly Lazy<nint> LibraryHandle = new(LoadLibrrdkafka);

    public static nint NewClientHandle()
    {
        var confNew = (delegate* unmanaged<nint>)Export("rd_kafka_conf_new");
        var confSet = (delegate* unmanaged<nint, byte*, byte*, byte*, nuint, int>)Export("rd_kafka_conf_set");
        var kafkaNew = (delegate* unmanaged<int, nint, byte*, nuint, nint>)Export("rd_kafka_new");
        nint conf = confNew();
        byte* error = stackalloc byte[512];
        // Quiet: the handle only hosts the mock cluster and never connects anywhere.
        SetConf(confSet, conf, "log_level", "3", error);
        nint rk = kafkaNew(ProducerType, conf, error, 512);
        if (rk == 0) throw new InvalidOperationException("rd_kafka_new failed: " + Marshal.PtrToStringUTF8((nint)error));
        return rk;
    }

    public static void DestroyClientHandle(nint rk) => ((delegate* unmanaged<nint, void>)Export("rd_kafka_destroy"))(rk);

    public static nint NewCluster(nint rk, int brokers) =>
        ((delegate* unmanaged<nint, int, nint>)Export("rd_kafka_mock_cluster_new"))(rk, brokers);

    public static void DestroyCluster(nint cluster) =>
        ((delegate* unmanaged<nint, void>)Export("rd_kafka_mock_cluster_destroy"))(cluster);

    public static string Bootstraps(nint cluster) =>
        Marshal.PtrToStringUTF8(((delegate* unmanaged<nint, nint>)Export("rd_kafka_mock_cluster_bootstraps"))(cluster))
        ?? throw new InvalidOperationException("mock cluster has no bootstrap address");

    public static void SetControllerId(nint cluster, int brokerId) =>
        ((delegate* unmanaged<nint, int, void>)Export("rd_kafka_mock_set_controller_id"))(cluster, brokerId);

    public static void SetInitialRebalanceDelay(nint cluster, int milliseconds) =>
        ((delegate* unmanaged<nint, int, void>)Export("rd_kafka_mock_group_initial_rebalance_delay_ms"))(cluster, milliseconds);

    public static int CreateTopic(nint cluster, string topic, int partitions, int replicationFactor)
    {
        byte[] name = Encoding.UTF8.GetBytes(topic + "\0");
        fixed (byte* p = name)
        {
            return ((delegate* unmanaged<nint, byte*, int, int, int>)Export("rd_kafka_mock_topic_create"))(cluster, p, partitions, replicationFactor);
        }
    }

    public static int SetBrokerDown(nint cluster, int brokerId) =>
        ((delegate* unmanaged<nint, int, int>)Export("rd_kafka_mock_broker_set_down"))(cluster, brokerId);

    public static int SetBrokerUp(nint cluster, int brokerId) =>
        ((delegate* unmanaged<nint, int, int>)Export("rd_kafka_mock_broker_set_up"))(cluster, brokerId);

    private static void SetConf(delegate* unmanaged<nint, byte*, byte*, byte*, nuint, int> confSet, nint conf, string name, string value, byte* error)
    {
        byte[] n = Encoding.UTF8.GetBytes(name + "\0");
        byte[] v = Encoding.UTF8.GetBytes(value + "\0");
        fixed (byte* pn = n, pv = v)
        {
            if (confSet(conf, pn, pv, error, 512) != 0)
            {
                throw new InvalidOperationException($"rd_kafka_conf_set {name}: " + Marshal.PtrToStringUTF8((nint)error));
            }
        }
    }

    private static nint Export(string name) => NativeLibrary.GetExport(LibraryHandle.Value, name);

    private static nint LoadLibrrdkafka()
    {
        // Makes Confluent.Kafka pick and load its native library variant.
        _ = Confluent.Kafka.Library.Version;
        string? path = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && fields[^1].Contains("librdkafka", StringComparison.Ordinal))
            .Select(fields => fields[^1])
            .FirstOrDefault();
        if (path is null)
        {
            throw new DllNotFoundException("librdkafka is not mapped in this process after Confluent.Kafka initialisation.");
        }

        // dlopen of an already-mapped file returns the same handle (and bumps its reference count).
        return NativeLibrary.Load(path);
    }
}
