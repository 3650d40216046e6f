// The scenarios stop and restart the servers every test shares, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
