using Baken.Features.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Baken.Tests.Infrastructure;

/// <summary>Creates staff accounts straight through the application's own services, for tests that need a fresh user.</summary>
public static class StaffBuilder
{
    public const string Password = "correct horse battery staple";

    public sealed record CreatedUser(Guid Id, string Email, string? TotpSecret);

    public static async Task<CreatedUser> CreateUserAsync(
        this BakenAppFactory app, string role, bool withTotp = true, string? email = null, Guid? organisationId = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@test.example";
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        var organisation = organisationId is { } chosen
            ? await db.Organisations.SingleAsync(o => o.Id == chosen)
            : await db.Organisations.OrderBy(o => o.Name).FirstOrDefaultAsync();
        if (organisation is null)
        {
            organisation = new Organisation { Name = "Test organisation", Kind = OrganisationKind.CareProvider };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        var user = new StaffUser { DisplayName = "Test " + role, Email = email, OrganisationId = organisation.Id };
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var result = await accounts.CreateAsync(user, Password, [role]);
        result.Succeeded.ShouldBeTrue(string.Join(", ", result.Errors.Select(e => e.Code)));
        string? secret = null;
        if (withTotp)
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.ResetAuthenticatorKeyAsync(user);
            secret = await users.GetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        return new CreatedUser(user.Id, email, secret);
    }

    public static async Task<IReadOnlyList<string>> GenerateRecoveryCodesAsync(this BakenAppFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(id.ToString());
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user!, 10) ?? []];
    }

    public static async Task<StaffUser> FindUserAsync(this BakenAppFactory app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BakenDbContext>();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    public static async Task<T> QueryAsync<T>(this BakenAppFactory app, Func<BakenDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BakenDbContext>());
    }

    public static Task SignInAsync(this BakenClient client, CreatedUser user) =>
        client.SignInAsync(user.Email, Password, user.TotpSecret!);
}
