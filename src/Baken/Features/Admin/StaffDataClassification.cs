using Baken.Infrastructure.Privacy;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;

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

    public static void Register()
    {
        DataClassification.Register(typeof(StaffUser), StaffKey, nameof(StaffUser.Id));
        DataClassification.Register(typeof(StaffUser), StaffIdentifying,
            nameof(StaffUser.UserName), nameof(StaffUser.NormalizedUserName), nameof(StaffUser.Email),
            nameof(StaffUser.NormalizedEmail), nameof(StaffUser.PhoneNumber));
        DataClassification.Register(typeof(StaffUser), StaffSecret, nameof(StaffUser.PasswordHash), nameof(StaffUser.SecurityStamp));
        DataClassification.Register(typeof(StaffUser), NotPersonal,
            nameof(StaffUser.ConcurrencyStamp), nameof(StaffUser.EmailConfirmed), nameof(StaffUser.PhoneNumberConfirmed),
            nameof(StaffUser.TwoFactorEnabled), nameof(StaffUser.LockoutEnd), nameof(StaffUser.LockoutEnabled),
            nameof(StaffUser.AccessFailedCount));

        DataClassification.Register(typeof(IdentityRole<Guid>), NotPersonal, "Id", "Name", "NormalizedName", "ConcurrencyStamp");
        DataClassification.Register(typeof(IdentityRoleClaim<Guid>), NotPersonal, "Id", "RoleId", "ClaimType", "ClaimValue");
        DataClassification.Register(typeof(IdentityUserRole<Guid>), StaffKey, "UserId");
        DataClassification.Register(typeof(IdentityUserRole<Guid>), NotPersonal, "RoleId");
        DataClassification.Register(typeof(IdentityUserClaim<Guid>), NotPersonal, "Id", "ClaimType");
        DataClassification.Register(typeof(IdentityUserClaim<Guid>), StaffKey, "UserId");
        DataClassification.Register(typeof(IdentityUserClaim<Guid>), StaffIdentifying, "ClaimValue");
        DataClassification.Register(typeof(IdentityUserLogin<Guid>), NotPersonal, "LoginProvider", "ProviderDisplayName");
        DataClassification.Register(typeof(IdentityUserLogin<Guid>), StaffKey, "UserId");
        DataClassification.Register(typeof(IdentityUserLogin<Guid>), StaffIdentifying, "ProviderKey");
        DataClassification.Register(typeof(IdentityUserToken<Guid>), NotPersonal, "LoginProvider", "Name");
        DataClassification.Register(typeof(IdentityUserToken<Guid>), StaffKey, "UserId");
        DataClassification.Register(typeof(IdentityUserToken<Guid>), StaffSecret, "Value");
        DataClassification.Register(typeof(IdentityUserPasskey<Guid>), StaffKey, "UserId");
        DataClassification.Register(typeof(IdentityUserPasskey<Guid>), StaffSecret, "CredentialId");
        DataClassification.Register(typeof(IdentityPasskeyData), StaffSecret,
            "PublicKey", "AttestationObject", "ClientDataJson");
        DataClassification.Register(typeof(IdentityPasskeyData), NotPersonal,
            "Name", "CreatedAt", "SignCount", "Transports", "IsUserVerified", "IsBackupEligible", "IsBackedUp");
        DataClassification.Register(typeof(DataProtectionKey), NotPersonal, "Id", "FriendlyName");
        DataClassification.Register(typeof(DataProtectionKey), new Classification(DataClass.Secret, DataSubject.None, false), "Xml");
    }
}
