using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// <c>[supervisorctl]</c> (<c>ClientOptions.read_config</c>). supervisord itself never reads this section, so its
/// problems are warnings here, never errors that would stop the daemon.
/// </summary>
internal static class CtlBinder
{
    public const string DefaultServerUrl = "http://localhost:9001";

    public static CtlSettings Bind(RawConfig config, IReadOnlyDictionary<string, object> envNames, BindContext context)
    {
        if (!config.Sections.TryGetValue("supervisorctl", out var section))
        {
            return new CtlSettings(DefaultServerUrl, null, null, "supervisor", null);
        }
        var scratch = new DiagnosticBag();
        var r = new OptionReader(config, section, scratch);
        var hereNames = Names.With(envNames, ("here", ""));
        var serverUrl = r.Text("serverurl", DefaultServerUrl, hereNames) ?? DefaultServerUrl;
        if (serverUrl.StartsWith("unix://", StringComparison.Ordinal))
        {
            serverUrl = "unix://" + context.Paths.Normalize(serverUrl[7..]);
        }
        var prompt = r.Text("prompt", "supervisor", envNames) ?? "supervisor";
        var username = r.Text("username", null, envNames);
        var password = r.Text("password", null, envNames);
        var history = r.Text("history_file", null, hereNames);
        foreach (var error in scratch.Errors)
        {
            context.Bag.Warning(error);
        }
        return new CtlSettings(
            serverUrl,
            username,
            password,
            prompt,
            string.IsNullOrEmpty(history) ? null : context.Paths.Normalize(history)
        );
    }
}
