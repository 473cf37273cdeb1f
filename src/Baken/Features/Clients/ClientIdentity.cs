namespace Baken.Features.Clients;

/// <summary>A client's personal data in the clear, only ever in memory while a page is built.</summary>
public sealed record ClientIdentity
{
    public string? Alias { get; init; }

    public string? ContactChannel { get; init; }

    public string? ContactValue { get; init; }

    public string? LegalName { get; init; }

    public string? DateOfBirth { get; init; }

    public string? Bsn { get; init; }

    public string? Nationality { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Languages { get; init; }

    public string? GenderIdentity { get; init; }

    /// <summary>Keeps only what belongs to the level; going down a level drops the fields above it.</summary>
    public ClientIdentity LimitedTo(IdentityLevel level) => level switch
    {
        IdentityLevel.Anonymous => new ClientIdentity { Alias = Alias },
        IdentityLevel.Pseudonymous => new ClientIdentity { Alias = Alias, ContactChannel = ContactChannel, ContactValue = ContactValue },
        _ => this,
    };
}
