namespace Supervise.Supervisord.Wire;

/// <summary>The reason phrases of the statuses the daemon sends (Python's http_client needs one on the status line).</summary>
public static class ReasonPhrases
{
    public static string Of(int status) =>
        status switch
        {
            200 => "OK",
            303 => "See Other",
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            405 => "Method Not Allowed",
            411 => "Length Required",
            413 => "Request Entity Too Large",
            500 => "Internal Server Error",
            _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
        };
}
