using Microsoft.AspNetCore.Mvc;

namespace Baken.Infrastructure.Web;

public static class UrlHelperExtensions
{
    /// <summary>The return address if it stays on this site, otherwise the start page: no open redirects.</summary>
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
