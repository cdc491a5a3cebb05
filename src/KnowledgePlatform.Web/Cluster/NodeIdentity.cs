namespace KnowledgePlatform.Web.Cluster;

/// <summary>
/// This running instance, as it names itself in leases, claims and notifications: host, process
/// and a random part (two test hosts in one process are two nodes).
/// </summary>
public sealed class NodeIdentity
{
    public string Id { get; } =
        $"{(Environment.MachineName.Length > 60 ? Environment.MachineName[..60] : Environment.MachineName)}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
