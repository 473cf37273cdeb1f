using Baken.Infrastructure.Privacy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Baken.Features.Admin;

/// <summary>
/// Classification of the tables that come from ASP.NET Core Identity and Data Protection, which cannot carry our
/// attributes. Staff data is personal but not client data, so it is not encrypted with a client key.
/// </summary>
internal static class StaffDataClassification
{
    private static readonly Classification NotPersonal = new(DataClass.NotPersonal, DataSubject.None, false);
    private static readonly Classification StaffKey = new(DataClass.PseudonymousKey, DataSubject.Staff, false);
    private static readonly Classification StaffIdentifying = new(DataClass.Identifying, DataSubject.Staff, false);
    private static readonly Classification StaffSecret = new(DataClass.Secret, DataSubject.Staff, false);

    public static void Apply(ModelBuilder builder)
    {
        Classify(builder, typeof(StaffUser), StaffKey, nameof(StaffUser.Id));
        Classify(builder, typeof(StaffUser), StaffIdentifying,
            nameof(StaffUser.UserName), nameof(StaffUser.NormalizedUserName), nameof(StaffUser.Email),
            nameof(StaffUser.NormalizedEmail), nameof(StaffUser.PhoneNumber));
        Classify(builder, typeof(StaffUser), StaffSecret, nameof(StaffUser.PasswordHash), nameof(StaffUser.SecurityStamp));
        Classify(builder, typeof(StaffUser), NotPersonal,
            nameof(StaffUser.ConcurrencyStamp), nameof(StaffUser.EmailConfirmed), nameof(StaffUser.PhoneNumberConfirmed),
            nameof(StaffUser.TwoFactorEnabled), nameof(StaffUser.LockoutEnd), nameof(StaffUser.LockoutEnabled),
            nameof(StaffUser.AccessFailedCount));

        Classify(builder, typeof(IdentityRole<Guid>), NotPersonal, "Id", "Name", "NormalizedName", "ConcurrencyStamp");
        Classify(builder, typeof(IdentityRoleClaim<Guid>), NotPersonal, "Id", "RoleId", "ClaimType", "ClaimValue");
        Classify(builder, typeof(IdentityUserRole<Guid>), StaffKey, "UserId");
        Classify(builder, typeof(IdentityUserRole<Guid>), NotPersonal, "RoleId");
        Classify(builder, typeof(IdentityUserClaim<Guid>), NotPersonal, "Id", "ClaimType");
        Classify(builder, typeof(IdentityUserClaim<Guid>), StaffKey, "UserId");
        Classify(builder, typeof(IdentityUserClaim<Guid>), StaffIdentifying, "ClaimValue");
        Classify(builder, typeof(IdentityUserLogin<Guid>), NotPersonal, "LoginProvider", "ProviderDisplayName");
        Classify(builder, typeof(IdentityUserLogin<Guid>), StaffKey, "UserId");
        Classify(builder, typeof(IdentityUserLogin<Guid>), StaffIdentifying, "ProviderKey");
        Classify(builder, typeof(IdentityUserToken<Guid>), NotPersonal, "LoginProvider", "Name");
        Classify(builder, typeof(IdentityUserToken<Guid>), StaffKey, "UserId");
        Classify(builder, typeof(IdentityUserToken<Guid>), StaffSecret, "Value");
        Classify(builder, typeof(IdentityUserPasskey<Guid>), StaffKey, "UserId");
        Classify(builder, typeof(IdentityUserPasskey<Guid>), StaffSecret, "CredentialId");
        Classify(builder, typeof(IdentityPasskeyData), StaffSecret,
            "PublicKey", "AttestationObject", "ClientDataJson");
        Classify(builder, typeof(IdentityPasskeyData), NotPersonal,
            "Name", "CreatedAt", "SignCount", "Transports", "IsUserVerified", "IsBackupEligible", "IsBackedUp");
        Classify(builder, typeof(DataProtectionKey), NotPersonal, "Id", "FriendlyName");
        Classify(builder, typeof(DataProtectionKey), new Classification(DataClass.Secret, DataSubject.None, false), "Xml");
    }

    private static void Classify(ModelBuilder builder, Type clrType, Classification classification, params string[] properties)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType == clrType))
        {
            foreach (var name in properties)
            {
                entity.FindProperty(name)?.SetAnnotation(DataClassification.Annotation, classification);
            }
        }
    }
}
