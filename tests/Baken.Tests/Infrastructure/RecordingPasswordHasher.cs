using System.Collections.Concurrent;
using Baken.Features.Admin;
using Microsoft.AspNetCore.Identity;

namespace Baken.Tests.Infrastructure;

/// <summary>The real password hasher, noting which passwords it was asked to verify (tests use unique ones).</summary>
public sealed class RecordingPasswordHasher : PasswordHasher<StaffUser>
{
    private readonly ConcurrentBag<string> _verified = [];

    public IReadOnlyCollection<string> Verified => _verified;

    public override PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
    {
        _verified.Add(providedPassword);
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
