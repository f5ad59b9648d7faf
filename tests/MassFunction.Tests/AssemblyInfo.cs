// The Kafka tests each run an embedded broker and the science checks are CPU-bound: run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
