using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Baken.Infrastructure.Privacy;

/// <summary>What kind of data a persisted property holds.</summary>
public enum DataClass
{
    /// <summary>Not about a person: names of organisations, states, counts, technical fields.</summary>
    NotPersonal = 1,

    /// <summary>An id that points at a person without saying who (a client id, a user id).</summary>
    PseudonymousKey = 2,

    /// <summary>Says who someone is or how to reach them: name, date of birth, BSN, phone, e-mail, address.</summary>
    Identifying = 3,

    /// <summary>AVG art. 9 and 10: health, sex life, migration status, victimhood of exploitation.</summary>
    SpecialCategory = 4,

    /// <summary>Text a person typed; may contain anything, so treated as sensitive.</summary>
    FreeText = 5,

    /// <summary>Keys, hashes and signatures: secrets or integrity data, not about a person.</summary>
    Secret = 6,
}

/// <summary>Whose data it is: client data that is personal must be encrypted with the client's key.</summary>
public enum DataSubject
{
    None = 0,
    Client = 1,
    Staff = 2,
}

/// <summary>Classifies an entity property; <see cref="DataClassification"/> turns it into a model annotation.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ClassifiedAttribute(DataClass dataClass, DataSubject subject = DataSubject.None) : Attribute
{
    public DataClass DataClass { get; } = dataClass;

    public DataSubject Subject { get; } = subject;

    /// <summary>Stored as ciphertext under the client's data key.</summary>
    public bool Encrypted { get; init; }
}

public sealed record Classification(DataClass DataClass, DataSubject Subject, bool Encrypted);

/// <summary>
/// The one place to ask how a persisted property is classified: by <see cref="ClassifiedAttribute"/> on our own
/// entities, by <see cref="Register"/> for tables that come from libraries (Identity, Data Protection). Kept out of
/// the EF model itself, so migrations stay free of it. A test walks the model and fails on anything unclassified,
/// and on personal client data stored in the clear.
/// </summary>
public static class DataClassification
{
    private static readonly Dictionary<(Type Entity, string Property), Classification> Registered = [];

    /// <summary>Classifies properties of a type we cannot put attributes on.</summary>
    public static void Register(Type entity, Classification classification, params string[] properties)
    {
        lock (Registered)
        {
            foreach (var property in properties)
            {
                Registered[(entity, property)] = classification;
            }
        }
    }

    public static Classification? Of(IReadOnlyProperty property)
    {
        if (property.PropertyInfo?.GetCustomAttributes(typeof(ClassifiedAttribute), inherit: true).FirstOrDefault() is ClassifiedAttribute attribute)
        {
            return new Classification(attribute.DataClass, attribute.Subject, attribute.Encrypted);
        }

        lock (Registered)
        {
            if (Registered.TryGetValue((property.DeclaringType.ClrType, property.Name), out var registered))
            {
                return registered;
            }
        }

        if (!property.IsShadowProperty())
        {
            return null;
        }

        // A key column without a property of its own (linking an owned or JSON type to its owner) is whatever
        // the key it points at is; the synthetic key of a JSON-mapped type is a position, not data.
        var principal = property.GetContainingForeignKeys()
            .Select(fk => fk.PrincipalKey.Properties[fk.Properties.ToList().IndexOf(property)])
            .FirstOrDefault();
        return principal is not null ? Of(principal)
            : property.IsKey() ? new Classification(DataClass.NotPersonal, DataSubject.None, false)
            : null;
    }
}
