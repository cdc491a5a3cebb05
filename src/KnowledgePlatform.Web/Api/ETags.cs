using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace KnowledgePlatform.Web.Api;

/// <summary>
/// Strong ETags from what a response was built of (keys, live versions, update times), so an
/// unchanged answer costs a client one 304 and no body.
/// </summary>
internal static class ETags
{
    public static string For(IEnumerable<string> parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        return $"\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }

    /// <summary>Sets the ETag and answers 304 when the client already has it.</summary>
    public static IResult? NotModified(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=0, must-revalidate";
        var match = context.Request.GetTypedHeaders().IfNoneMatch;
        return match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Tag.Equals(etag))
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : null;
    }
}
