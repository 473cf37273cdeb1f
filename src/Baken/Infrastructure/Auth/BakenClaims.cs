namespace Baken.Infrastructure.Auth;

public static class BakenClaims
{
    /// <summary>"1" once the user has a second factor; without it only enrolment is reachable.</summary>
    public const string SecondFactor = "baken:2fa";

    public const string OrganisationId = "baken:org";

    public const string DisplayName = "baken:name";

    /// <summary>Unix seconds of the last full authentication (password and second factor).</summary>
    public const string AuthTime = "auth_time";
}

public static class BakenPolicies
{
    /// <summary>Signed in with a password, second factor not yet enrolled: only enrolment and sign-out.</summary>
    public const string Enrolment = "Enrolment";

    public const string Admin = "Admin";
}
