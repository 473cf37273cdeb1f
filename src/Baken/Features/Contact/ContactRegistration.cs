using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Baken.Features.Contact;

public static class ContactRegistration
{
    /// <summary>A post of the channel: under <see cref="PathPrefix"/>, or to a public form marked <see cref="AnonymousChannelFormAttribute"/>.</summary>
    private static bool IsChannelPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && (context.Request.Path.StartsWithSegments(PathPrefix) || context.GetEndpoint()?.Metadata.GetMetadata<AnonymousChannelFormAttribute>() is not null);

    /// <summary>The rate-limit key of an address: IPv4 as is, IPv6 by its /64 prefix. Kept in memory only.</summary>
    public static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public const string PathPrefix = "/Contact";

    public static IServiceCollection AddBakenAnonymousChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnonymousChannelOptions>()
            .Bind(configuration.GetSection(AnonymousChannelOptions.Section))
            .Validate(options => !options.Problems().Any(), "Baken:AnonymousChannel has settings out of range.")
            .ValidateOnStart();
        services.AddScoped<AnonymousReports>();
        services.AddSingleton<GuessThrottle>();
        services.AddSingleton<ReporterSession>();

        // Posts to the public channel are limited per address, in memory only: the address is a partition key for
        // the lifetime of a window and is never written anywhere. IPv6 is limited per /64 (what one connection
        // usually owns). Every post to /Contact/Open counts as an attempt to open; on top, at most a few posts
        // (each may run a slow hash) are handled at once. Everything else is not limited here.
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                {
                    if (!IsChannelPost(context))
                    {
                        return RateLimitPartition.GetNoLimiter(string.Empty);
                    }

                    var options = context.RequestServices.GetRequiredService<IOptions<AnonymousChannelOptions>>().Value;
                    var address = AddressKey(context.Connection.RemoteIpAddress);
                    return context.Request.Path.StartsWithSegments(PathPrefix + "/Open")
                        ? RateLimitPartition.GetFixedWindowLimiter("open|" + address, _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.OpensPer15Minutes,
                            Window = TimeSpan.FromMinutes(15),
                            QueueLimit = 0,
                        })
                        : RateLimitPartition.GetFixedWindowLimiter("send|" + address, _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.SendsPerHour,
                            Window = TimeSpan.FromHours(1),
                            QueueLimit = 0,
                        });
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsChannelPost(context)
                    ? RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = Math.Max(2, Environment.ProcessorCount),
                        QueueLimit = 50,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty)));
        });
        return services;
    }
}

/// <summary>
/// Marks a public page whose posts count as the anonymous channel's (the same per-address limit on sends and the
/// same cap on posts handled at once), such as the portal's self-referral form, which can start a conversation.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnonymousChannelFormAttribute : Attribute;
