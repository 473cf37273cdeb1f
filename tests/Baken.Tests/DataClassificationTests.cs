using Baken.Infrastructure.Crypto;
using Baken.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests;

/// <summary>Every persisted property says what it holds, and personal client data is never stored in the clear.</summary>
public sealed class DataClassificationTests(SharedApps apps)
{
    private static readonly DataClass[] MustBeEncryptedForClients = [DataClass.Identifying, DataClass.SpecialCategory, DataClass.FreeText];

    private IReadOnlyModel Model(DatabaseProvider provider)
    {
        using var scope = apps.For(provider).Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<BakenDbContext>().Model;
    }

    [Theory]
    [Databases]
    public void Every_persisted_property_is_classified(DatabaseProvider provider)
    {
        var unclassified = Model(provider).GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p)))
            .Where(x => DataClassification.Of(x.Property) is null)
            .Select(x => $"{x.Entity.DisplayName()}.{x.Property.Name}")
            .ToList();
        unclassified.ShouldBeEmpty();
    }

    [Theory]
    [Databases]
    public void Personal_client_data_is_encrypted(DatabaseProvider provider) =>
        ClientDataInTheClear(Model(provider)).ShouldBeEmpty();

    /// <summary>
    /// Rekeying (crypto-shredding on going down a level) and retention find encrypted values by convention: a Guid
    /// <c>Id</c> as the row id, and an owner property naming whose data key they are under (<c>ClientId</c>, or
    /// the property a <c>[DataKeyOwner]</c> names). A table that breaks the convention would keep values under a
    /// shredded key, unreadable; this test stops that.
    /// </summary>
    [Theory]
    [Databases]
    public void Every_table_with_encrypted_values_names_its_row_and_its_key_owner(DatabaseProvider provider)
    {
        var broken = ClientCrypto.EncryptedEntityTypes((IModel)Model(provider))
            .Where(x => x.EntityType.FindProperty("Id")?.ClrType != typeof(Guid)
                || ClientCrypto.OwnerProperty(x.EntityType) is not { } owner
                || x.EntityType.FindProperty(owner)?.ClrType != typeof(Guid))
            .Select(x => x.EntityType.DisplayName())
            .ToList();
        broken.ShouldBeEmpty();
    }

    [Fact]
    public void A_table_without_client_or_owner_breaks_the_key_owner_convention()
    {
        var builder = Microsoft.EntityFrameworkCore.Metadata.Conventions.SqliteConventionSetBuilder.CreateModelBuilder();
        builder.Entity<FakeClient>();
        ClientCrypto.OwnerProperty(builder.Model.FindEntityType(typeof(FakeClient))!).ShouldBeNull();
    }

    [Fact]
    public void The_encryption_check_catches_a_client_name_stored_in_the_clear()
    {
        var builder = Microsoft.EntityFrameworkCore.Metadata.Conventions.SqliteConventionSetBuilder.CreateModelBuilder();
        builder.Entity<FakeClient>();
        ClientDataInTheClear(builder.Model).ShouldBe(["FakeClient.Name"]);
    }

    private static List<string> ClientDataInTheClear(IReadOnlyModel model) =>
        [.. model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p, Class: DataClassification.Of(p))))
            .Where(x => x.Class is { Subject: DataSubject.Client } c && MustBeEncryptedForClients.Contains(c.DataClass)
                && (!x.Class.Encrypted || x.Property.ClrType != typeof(byte[])))
            .Select(x => $"{x.Entity.DisplayName()}.{x.Property.Name}")];

    private sealed class FakeClient
    {
        [Classified(DataClass.PseudonymousKey, DataSubject.Client)]
        public Guid Id { get; set; }

        [Classified(DataClass.Identifying, DataSubject.Client)]
        public string Name { get; set; } = string.Empty;

        [Classified(DataClass.SpecialCategory, DataSubject.Client, Encrypted = true)]
        public byte[] Health { get; set; } = [];
    }
}
