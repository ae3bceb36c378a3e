namespace Supervise.Integration.Tests.Clients;

/// <summary>A fact that runs real clients: skipped, with the reason, when one of them is not installed here.</summary>
public sealed class ClientFactAttribute : FactAttribute
{
    public ClientFactAttribute(Client client)
        : this([client]) { }

    public ClientFactAttribute(Client client, Client other)
        : this([client, other]) { }

    private ClientFactAttribute(Client[] clients)
    {
        if (clients.Select(ClientTools.Missing).FirstOrDefault(reason => reason is not null) is { } reason)
        {
            Skip = reason;
        }
    }
}
