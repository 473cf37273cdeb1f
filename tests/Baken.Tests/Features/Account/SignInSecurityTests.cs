using System.Net;
using Baken.Features.Admin;

namespace Baken.Tests.Features.Account;

public sealed class SignInSecurityTests(SharedApps apps)
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Theory]
    [Databases]
    public async Task Unknown_email_and_wrong_password_get_the_same_answer(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var user = await app.CreateUserAsync(Roles.Casemanager);
        using var client = app.NewClient();

        var wrongPassword = await client.SubmitAsync("/Account/Login", Credentials(user.Email, "not the password at all"));
        var unknownEmail = await client.SubmitAsync("/Account/Login", Credentials($"nobody-{Guid.NewGuid():N}@test.example", "not the password at all"));

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknownEmail.StatusCode.ShouldBe(wrongPassword.StatusCode);
        var first = BakenClient.TextOf(await BakenClient.ReadAsync(wrongPassword), "#error-summary");
        var second = BakenClient.TextOf(await BakenClient.ReadAsync(unknownEmail), "#error-summary");
        first.ShouldNotBeEmpty();
        second.ShouldBe(first);
    }

    [Theory]
    [Databases]
    public async Task Unknown_email_costs_a_password_hash_verification_like_a_known_one(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        using var client = app.NewClient();
        var password = $"unique password {Guid.NewGuid():N}";
        await client.SubmitAsync("/Account/Login", Credentials($"nobody-{Guid.NewGuid():N}@test.example", password));
        app.PasswordHasher.Verified.Count(p => p == password).ShouldBe(1);
    }

    [Theory]
    [Databases]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var user = await app.CreateUserAsync(Roles.Jobcoach);
        using var client = app.NewClient();
        for (var i = 0; i < 5; i++)
        {
            (await client.SubmitAsync("/Account/Login", Credentials(user.Email, "wrong password " + i))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var right = await client.SubmitAsync("/Account/Login", Credentials(user.Email, StaffBuilder.Password));
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account must not reach the code step");
        BakenClient.TextOf(await BakenClient.ReadAsync(right), "#error-summary").ShouldNotBeEmpty();
        (await app.FindUserAsync(user.Id)).LockoutEnd.ShouldNotBeNull();
    }

    [Theory]
    [Databases]
    public async Task A_wrong_totp_code_does_not_sign_in(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var user = await app.CreateUserAsync(Roles.Veldwerker);
        using var client = app.NewClient();
        var login = await client.SubmitAsync("/Account/Login", Credentials(user.Email, StaffBuilder.Password));
        var code = Totp.Code(user.TotpSecret!) == "000000" ? "111111" : "000000";
        var answer = await client.SubmitAsync(login.Headers.Location!.OriginalString, new Dictionary<string, string> { ["Input.Code"] = code });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Theory]
    [Databases]
    public async Task A_deactivated_user_cannot_sign_in(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var user = await app.CreateUserAsync(Roles.Voorlichter);
        await app.QueryAsync(async db =>
        {
            var entity = await db.Users.FindAsync(user.Id);
            entity!.IsActive = false;
            return await db.SaveChangesAsync();
        });
        using var client = app.NewClient();
        var answer = await client.SubmitAsync("/Account/Login", Credentials(user.Email, StaffBuilder.Password));
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        BakenClient.TextOf(await BakenClient.ReadAsync(answer), "#error-summary").ShouldNotBeEmpty();
    }

    [Theory]
    [Databases]
    public async Task A_recovery_code_signs_in_once(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var user = await app.CreateUserAsync(Roles.Teamleider);
        var codes = await app.GenerateRecoveryCodesAsync(user.Id);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var client = app.NewClient();
            (await client.SubmitAsync("/Account/Login", Credentials(user.Email, StaffBuilder.Password))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var answer = await client.SubmitAsync(
                "/Account/LoginWithRecoveryCode", new Dictionary<string, string> { ["Input.RecoveryCode"] = codes[0] });
            if (attempt == 0)
            {
                answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                answer.Headers.Location!.OriginalString.ShouldBe("/");
            }
            else
            {
                answer.StatusCode.ShouldBe(HttpStatusCode.OK, "a used recovery code must not work again");
            }
        }
    }

    [Theory]
    [Databases]
    public async Task Signing_in_leaves_no_trace_of_the_email_address_in_the_logs(DatabaseProvider provider)
    {
        var app = apps.For(provider);
        var canary = $"canary-{Guid.NewGuid():N}@canary.example";
        var user = await app.CreateUserAsync(Roles.Casemanager, email: canary);
        using var client = app.NewClient();
        await client.SubmitAsync("/Account/Login", Credentials(canary, "a wrong password here"));
        await client.SignInAsync(user);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Logs.Lines.Count.ShouldBeGreaterThan(0, "the log capture must see the app's logging");
        app.Logs.All.ShouldNotContain("canary", Case.Insensitive);
    }
}
