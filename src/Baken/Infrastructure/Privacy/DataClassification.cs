using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
/// The one place that records the classification of every persisted property in the EF model, from
/// <see cref="ClassifiedAttribute"/> on our own entities and from the fluent calls below for Identity's tables.
/// A test walks the model and fails on anything unclassified, or personal client data stored in the clear.
/// </summary>
public static class DataClassification
{
    public const string Annotation = "Baken:Classification";

    public static PropertyBuilder<T> IsClassified<T>(this PropertyBuilder<T> property, DataClass dataClass, DataSubject subject = DataSubject.None, bool encrypted = false)
    {
        property.HasAnnotation(Annotation, new Classification(dataClass, subject, encrypted));
        return property;
    }

    public static Classification? GetClassification(this IReadOnlyProperty property) =>
        property.FindAnnotation(Annotation)?.Value as Classification;

    /// <summary>
    /// Copies attributes into annotations, and gives key columns without a property of their own (the keys
    /// that link an owned or JSON type to its owner) the classification of the key they point at.
    /// Call at the end of OnModelCreating.
    /// </summary>
    public static void ApplyAttributes(ModelBuilder builder)
    {
        var entities = builder.Model.GetEntityTypes().ToList();
        foreach (var property in entities.SelectMany(e => e.GetProperties()))
        {
            if (property.PropertyInfo?.GetCustomAttributes(typeof(ClassifiedAttribute), inherit: true).FirstOrDefault() is ClassifiedAttribute attribute)
            {
                property.SetAnnotation(Annotation, new Classification(attribute.DataClass, attribute.Subject, attribute.Encrypted));
            }
        }

        foreach (var property in entities.SelectMany(e => e.GetProperties()).Where(p => p.IsShadowProperty() && p.FindAnnotation(Annotation) is null))
        {
            var principal = property.GetContainingForeignKeys()
                .Select(fk => fk.PrincipalKey.Properties[fk.Properties.ToList().IndexOf(property)])
                .FirstOrDefault(p => p.FindAnnotation(Annotation) is not null);
            if (principal is not null)
            {
                property.SetAnnotation(Annotation, principal.FindAnnotation(Annotation)!.Value);
            }
            else if (property.IsKey())
            {
                // The synthetic key of a JSON-mapped owned type: a position, not data.
                property.SetAnnotation(Annotation, new Classification(DataClass.NotPersonal, DataSubject.None, false));
            }
        }
    }
}
