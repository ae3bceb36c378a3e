using System.Text;
using Microsoft.AspNetCore.Http;
using Supervise.Supervisord.Control;

namespace Supervise.Supervisord.Tests.Control;

/// <summary>The authorization middleware on TCP (a context without a Unix socket); SO_PEERCRED is covered end to end.</summary>
public sealed class ControlAccessSpecs
{
    private static readonly Credentials Plain = new("user", "secret");
    private static readonly Credentials Hashed = new("user", "{SHA}e5e9fa1ba31ecd1ae84f75caaa474f3a663f05f4");

    [Theory]
    [InlineData(null)]
    [InlineData("Basic " + "dXNlcjpub3Bl")] // user:nope
    [InlineData("Basic !!!not-base64")]
    [InlineData("Bearer dXNlcjpzZWNyZXQ=")]
    public async Task A_request_without_the_right_credentials_gets_supervisors_401_and_never_reaches_the_route(
        string? authorization
    )
    {
        var (context, reached) = await RunAsync(Plain, authorization);

        reached.Should().BeFalse();
        context.Response.StatusCode.Should().Be(401);
        context.Response.Headers.WWWAuthenticate.ToString().Should().Be("Basic realm=\"default\"");
        context.Response.Headers.Connection.ToString().Should().Be("close");
        context.Response.ContentType.Should().Be("text/html");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_right_credentials_reach_the_route_with_a_plain_or_sha_password(bool hashed)
    {
        var (context, reached) = await RunAsync(
            hashed ? Hashed : Plain,
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:secret"))
        );

        reached.Should().BeTrue();
        context.Response.StatusCode.Should().Be(200);
    }

    [Fact]
    public async Task Tcp_without_configured_credentials_is_refused_whatever_the_request_says()
    {
        var access = new ControlAccess(unixCredentials: null, inetCredentials: null, ownerUid: 0);
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization =
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:secret"));
        var reached = false;

        await access.InvokeAsync(
            context,
            _ =>
            {
                reached = true;
                return Task.CompletedTask;
            }
        );

        reached.Should().BeFalse();
        context.Response.StatusCode.Should().Be(401);
    }

    private static async Task<(HttpContext Context, bool Reached)> RunAsync(Credentials inet, string? authorization)
    {
        var access = new ControlAccess(unixCredentials: null, inetCredentials: inet, ownerUid: 0);
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        var reached = false;
        await access.InvokeAsync(
            context,
            _ =>
            {
                reached = true;
                return Task.CompletedTask;
            }
        );
        return (context, reached);
    }
}
