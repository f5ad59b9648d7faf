using Confluent.Kafka;
using StreamProcessor.Contracts;
using StreamProcessor.Contracts.Codecs;
using StreamProcessor.Contracts.Messages;

namespace StreamProcessor.Ingestion.Publishing;

/// <summary>
/// Produces catalogues to <c>catalogues</c> (or another topic), keyed by cluster id: the catalogue form of
/// <see cref="MessagePublisher{T}"/>, which holds the windowing, headers and acknowledgement logic.
/// </summary>
/// <param name="producer">The caller's producer.</param>
/// <param name="options">Window and progress interval.</param>
/// <param name="limits">The codec's caps.</param>
/// <param name="acknowledged">Called on librdkafka's delivery thread with each acknowledged record's key and its CreateTime timestamp.</param>
public sealed class CataloguePublisher(
    IProducer<string, byte[]> producer, CataloguePublisherOptions? options = null, CodecLimits? limits = null, Action<string, DateTime>? acknowledged = null)
    : MessagePublisher<ClusterCatalogue>(producer, new ClusterCatalogueCodec(limits), Topics.Catalogues, options, acknowledged);
