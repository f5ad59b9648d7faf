// Each check runs an embedded broker, the catalogue path and the CNN on a 2-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
