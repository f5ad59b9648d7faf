namespace StreamProcessor.Kafka;

/// <summary>Who creates topics; see <see cref="KafkaOptions.TopicProvisioning"/>.</summary>
public enum TopicProvisioningMode
{
    Admin,
    None,
}
