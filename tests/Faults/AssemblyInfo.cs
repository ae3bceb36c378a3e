// Each spec runs its own daemon; one at a time keeps the soak's figures and the flood's timing honest on 2 cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
