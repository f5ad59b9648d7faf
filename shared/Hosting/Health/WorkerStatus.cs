namespace StreamProcessor.Hosting.Health;

public enum WorkerStatus
{
    Starting,
    Running,
    Stopped,
    Failed,
}
