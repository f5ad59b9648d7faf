// The drills start brokers and services as separate processes on a 2-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
